// The e2e `test`: fails on any console error, page error, htmx error event or CSP violation.
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
}

export const test = base.extend<{ failures: Failures }>({
  failures: [
    async ({ page }, use) => {
      const failures: Failures = { list: [] }
      page.on('console', (message) => {
        // errors of any origin, and htmx's own warnings (e.g. an hx-target that matched nothing)
        const htmxWarning = message.type() === 'warning' && message.text().startsWith('htmx')
        if (message.type() === 'error' || htmxWarning) {
          failures.list.push(`console ${message.type()}: ${message.text()}`)
        }
      })
      page.on('pageerror', (error) => {
        failures.list.push(`pageerror: ${error.message}`)
      })
      await page.addInitScript(watchFailures, FAILURE_EVENTS)
      await use(failures)
      expect(failures.list, 'console errors, page errors, htmx errors or CSP violations').toEqual(
        []
      )
    },
    { auto: true },
  ],
})
