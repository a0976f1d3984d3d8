// Routes for the e2e suite only (HXKIT_TEST_ROUTES=1): they prove the policy bites.
import type { Hono } from 'hono'
import type { ReportStore } from './reports.ts'

/** A fragment with a script that did not get this response's nonce, as an injection would. */
export const INJECTED_FRAGMENT = `<div id="injected-fragment"><p>Injected fragment</p><script>window.hxkitInjected = true</script></div>`

/**
 * Mounts the test-only routes: `GET /__test/injected-script` (a fragment carrying an un-nonced
 * inline script) and `GET /__test/csp-reports` (the stored report count and groups as JSON).
 *
 * @param app - the demo app
 * @param reports - the report store
 * @example
 * if (process.env['HXKIT_TEST_ROUTES'] === '1') registerTestRoutes(app, reports)
 */
export function registerTestRoutes(app: Hono, reports: ReportStore): void {
  app.get('/__test/injected-script', (c) => c.html(INJECTED_FRAGMENT))
  app.get('/__test/csp-reports', (c) =>
    c.json({ count: reports.count(), groups: reports.groups() })
  )
}
