/** @module The browser half of hxkit/testing: a Playwright test that fails on CSP violations and htmx errors, and waits that understand htmx's request, swap and settle cycle. */
import { expect, test as base } from '@playwright/test'
import type {
  Page,
  PlaywrightTestArgs,
  PlaywrightTestOptions,
  PlaywrightWorkerArgs,
  PlaywrightWorkerOptions,
  Response,
  TestType,
} from '@playwright/test'
import { checkKeys } from '../internal/options.ts'
import { installTracker, isIdle } from './idle.ts'
import type { HtmxTracker } from './idle.ts'

export { expect }

// htmx 4: `htmx:error`, and `htmx:response:error` for 4xx/5xx; htmx 2: one event per kind.
const FAILURE_EVENTS = [
  'htmx:error',
  'htmx:response:error',
  'htmx:responseError',
  'htmx:sendError',
  'htmx:swapError',
  'htmx:targetError',
  'htmx:onLoadError',
  'securitypolicyviolation',
]
const PREFIX = '[hxkit]'

// Runs in the page before any of its scripts: turns each failure event into a console error,
// which the Node side collects (the console survives full navigations, page state does not).
function watchFailures({ events, prefix }: { events: string[]; prefix: string }): void {
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
        console.error(`${prefix} ${name}: ${text}`)
      },
      true
    )
  }
}

/** The failures seen during one test (the `failures` fixture). */
export interface Failures {
  /** Console errors, htmx warnings, page errors and htmx error events, one line each. */
  readonly list: string[]
  /** The `securitypolicyviolation` events, checked against the `expectViolations` option. */
  readonly violations: string[]
}

/** Options of the hxkit `test`, set with `test.use({ … })`. */
export interface FailureOptions {
  /** How many CSP violations the test provokes on purpose. @default 0 */
  expectViolations: number
  /**
   * Console errors the test provokes on purpose, as substrings: each must appear at least once,
   * and only the lines containing one are excused. @default []
   */
  expectConsoleErrors: readonly string[]
}

/** The fixtures the hxkit `test` adds: its options and the automatic `failures` check. */
export type HxkitFixtures = FailureOptions & { failures: Failures }

// Chromium logs each violation to the console as well; the event above already counts it.
const CHROMIUM_CSP_MESSAGE = 'violates the following Content Security Policy directive'

/**
 * Playwright's `test`, extended so that every test fails on a CSP violation
 * (`securitypolicyviolation`), an htmx error event (htmx 4 and 2 names), a page error, a console
 * error or an htmx console warning, listing them all; it also installs what `htmxIdle()` counts.
 * Tests that provoke failures on purpose declare them with `expectViolations` /
 * `expectConsoleErrors`.
 *
 * @see docs/testing.md
 * @example
 * import { expect, htmxIdle, test } from 'hxkit/testing/playwright'
 * test('filters the orders', async ({ page }) => {
 *   await page.goto('/orders')
 *   await page.getByLabel('Search').fill('ada')
 *   await htmxIdle(page)
 *   await expect(page.getByRole('row')).toHaveCount(2)
 * })
 */
export const test: TestType<
  PlaywrightTestArgs & PlaywrightTestOptions & HxkitFixtures,
  PlaywrightWorkerArgs & PlaywrightWorkerOptions
> = base.extend<HxkitFixtures>({
  expectViolations: [0, { option: true }],
  expectConsoleErrors: [[], { option: true }],
  failures: [
    async ({ page, expectViolations, expectConsoleErrors }, use) => {
      const failures: Failures = { list: [], violations: [] }
      page.on('console', (message) => {
        const text = message.text()
        if (text.startsWith(`${PREFIX} securitypolicyviolation:`)) {
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
      await page.addInitScript(watchFailures, { events: FAILURE_EVENTS, prefix: PREFIX })
      await page.addInitScript(installTracker)
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

/** Options of `htmxIdle()`. */
export interface HtmxIdleOptions {
  /** How long htmx must stay quiet, so a swap that starts another request is waited for. @default 50 */
  quiet?: number | undefined
  /** Give up after this many milliseconds. @default 5000 */
  timeout?: number | undefined
}

const installed = new WeakSet<Page>()

async function ensureTracker(page: Page): Promise<void> {
  if (!installed.has(page)) {
    installed.add(page)
    // later documents get it before their scripts; the current one now
    await page.addInitScript(installTracker)
  }
  await page.evaluate(installTracker)
}

/**
 * Resolves when htmx is idle: no request in flight, every swap and settle finished, no element
 * being processed, and nothing new for `quiet` ms (so a swapped-in `hx-trigger="load"` is waited
 * for too). Works with htmx 4 and htmx 2; under the hxkit `test` it counts from the first script,
 * elsewhere from its first call.
 *
 * @param page - the Playwright page
 * @param [options={}] - `quiet` (default 50 ms) and `timeout` (default 5000 ms)
 * @returns when htmx is idle; rejects after `timeout`
 * @see docs/testing.md
 * @example
 * await page.getByRole('button', { name: 'Refresh' }).click()
 * await htmxIdle(page)
 */
export async function htmxIdle(page: Page, options: HtmxIdleOptions = {}): Promise<void> {
  checkKeys('htmxIdle()', options, ['quiet', 'timeout'])
  await ensureTracker(page)
  await page.waitForFunction(isIdle, options.quiet ?? 50, {
    timeout: options.timeout ?? 5000,
    polling: 10,
  })
}

/** Options of `expectSwap()`. */
export interface ExpectSwapOptions {
  /** A CSS selector for the request's target (`#orders`, `tbody#rows`). */
  target: string
  /** The status the response must have. */
  status?: number | undefined
  /** Give up after this many milliseconds. @default 5000 */
  timeout?: number | undefined
}

/**
 * Performs `action` and waits for the htmx request that targets `target` to finish its swap, then
 * for htmx to be idle; fails when no such request comes or its status differs from `status`.
 *
 * @param page - the Playwright page
 * @param action - what triggers the request (a click, a fill)
 * @param options - the `target` selector, and optionally `status` and `timeout`
 * @returns the response that was swapped
 * @see docs/testing.md
 * @example
 * const res = await expectSwap(page, () => page.getByRole('button', { name: 'Save' }).click(), {
 *   target: '#customer-form',
 *   status: 422,
 * })
 */
export async function expectSwap(
  page: Page,
  action: () => Promise<unknown>,
  options: ExpectSwapOptions
): Promise<Response> {
  checkKeys('expectSwap()', options, ['target', 'status', 'timeout'])
  const timeout = options.timeout ?? 5000
  await ensureTracker(page)
  const responses: Response[] = []
  const collect = (response: Response): void => {
    responses.push(response)
  }
  page.on('response', collect)
  try {
    const index = await page.evaluate((selector) => {
      const state = (window as unknown as { __hxkit: HtmxTracker }).__hxkit
      return state.swaps.push({ selector, done: false }) - 1
    }, options.target)
    await action()
    const handle = await page
      .waitForFunction(
        (at) => {
          const swap = (window as unknown as { __hxkit: HtmxTracker }).__hxkit.swaps[at]
          return swap?.done === true ? swap : undefined
        },
        index,
        { timeout, polling: 10 }
      )
      .catch((error: unknown) => {
        throw new Error(`expectSwap(): no htmx request for ${options.target} finished`, {
          cause: error,
        })
      })
    const swap = (await handle.jsonValue()) as HtmxTracker['swaps'][number]
    await htmxIdle(page, { timeout })
    const response = responses.findLast(
      (one) => one.url() === swap.url && one.request().method() === swap.method
    )
    if (response === undefined) {
      throw new Error(`expectSwap(): no response for ${String(swap.method)} ${String(swap.url)}`)
    }
    if (options.status !== undefined) {
      expect(response.status(), `the status of ${swap.url ?? ''}`).toBe(options.status)
    }
    return response
  } finally {
    page.off('response', collect)
  }
}

/**
 * Performs `action`, waits for htmx to be idle, and fails if the document was reloaded on the
 * way (a marker set on `window` before the action must survive): a boosted link or an htmx swap,
 * not a full navigation.
 *
 * @param page - the Playwright page
 * @param action - what should update the page in place
 * @returns when the page is idle and was not reloaded
 * @see docs/testing.md
 * @example
 * await expectNoFullReload(page, () => page.getByRole('link', { name: 'Customers' }).click())
 */
export async function expectNoFullReload(
  page: Page,
  action: () => Promise<unknown>
): Promise<void> {
  const mark = `hxkit-${String(Date.now())}-${String(Math.random())}`
  await page.evaluate((value) => {
    Reflect.set(window, '__hxkitDocument', value)
  }, mark)
  await action()
  await htmxIdle(page)
  const survived = await page.evaluate((): unknown => Reflect.get(window, '__hxkitDocument'))
  expect(survived, 'the document was reloaded (a full navigation, not an htmx swap)').toBe(mark)
}
