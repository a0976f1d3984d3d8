// The e2e `test`: fails on any console error, page error, htmx error event or CSP violation
// (a test that provokes violations on purpose declares how many with `expectViolations`).
import { expect, test as base } from '@playwright/test'

export { expect }

/** htmx 4: `htmx:error`, and `htmx:response:error` for 4xx/5xx; htmx 2: one event per kind. */
const FAILURE_EVENTS = [
  'htmx:error',
  'htmx:response:error',
  'htmx:responseError',
  'htmx:sendError',
  'htmx:swapError',
  'htmx:targetError',
  'securitypolicyviolation',
]

// Runs in the page before any of its scripts: turns each failure event into a console error,
// which the Node side collects (the console survives full navigations, page state does not).
function watchFailures(events: string[]): void {
  for (const name of events) {
    document.addEventListener(
      name,
      (event) => {
        const detail: unknown = (event as CustomEvent<unknown>).detail
        let text = ''
        if (event instanceof SecurityPolicyViolationEvent) {
          text = `${event.violatedDirective} ${event.blockedURI}`
        } else {
          try {
            text = JSON.stringify(detail, (key, value: unknown) =>
              value instanceof Node || key === 'ctx' ? undefined : value
            )
          } catch {
            text = String(detail)
          }
        }
        console.error(`[hxkit-e2e] ${name}: ${text}`)
      },
      true
    )
  }
}

/** The failures seen during one test. */
export interface Failures {
  readonly list: string[]
  /** The `securitypolicyviolation` events, checked against the `expectViolations` option. */
  readonly violations: string[]
}

/** Options of the e2e `test`. */
export interface FailureOptions {
  /**
   * How many CSP violations the test provokes on purpose (the injected-script test); every other
   * test keeps the default 0. Chromium's own console line for a violation is not counted twice.
   */
  expectViolations: number
  /**
   * Console errors the test provokes on purpose (a 403 page), as substrings: each must appear at
   * least once, and only the lines containing one are excused. @default []
   */
  expectConsoleErrors: readonly string[]
}

// Chromium logs each violation to the console as well; the event above already counts it.
const CHROMIUM_CSP_MESSAGE = 'violates the following Content Security Policy directive'

export const test = base.extend<FailureOptions & { failures: Failures }>({
  expectViolations: [0, { option: true }],
  expectConsoleErrors: [[], { option: true }],
  failures: [
    async ({ page, expectViolations, expectConsoleErrors }, use) => {
      const failures: Failures = { list: [], violations: [] }
      page.on('console', (message) => {
        const text = message.text()
        if (text.startsWith('[hxkit-e2e] securitypolicyviolation:')) {
          failures.violations.push(text)
          return
        }
        if (message.type() === 'error' && text.includes(CHROMIUM_CSP_MESSAGE)) {
          return
        }
        // errors of any origin, and htmx's own warnings (e.g. an hx-target that matched nothing)
        const htmxWarning = message.type() === 'warning' && text.startsWith('htmx')
        if (message.type() === 'error' || htmxWarning) {
          failures.list.push(`console ${message.type()}: ${text}`)
        }
      })
      page.on('pageerror', (error) => {
        failures.list.push(`pageerror: ${error.message}`)
      })
      await page.addInitScript(watchFailures, FAILURE_EVENTS)
      await use(failures)
      for (const expected of expectConsoleErrors) {
        expect(failures.list.join('\n'), 'the console error the test expects').toContain(expected)
      }
      const unexpected = failures.list.filter(
        (line) => !expectConsoleErrors.some((expected) => line.includes(expected))
      )
      expect(unexpected, 'console errors, page errors or htmx errors').toEqual([])
      expect(failures.violations, 'CSP violations (securitypolicyviolation events)').toHaveLength(
        expectViolations
      )
    },
    { auto: true },
  ],
})
