// The demo dashboard as a hono app (no listen: tests call app.request, server.ts serves it).
import { Hono } from 'hono'
import { fileURLToPath } from 'node:url'
import { flashes } from '../src/components/index.ts'
import { cspReportHandler } from '../src/csp/index.ts'
import { htmx } from '../src/htmx/index.ts'
import { secure } from '../src/security/index.ts'
import { staticFiles } from '../src/server/index.ts'
import type { StaticFiles } from '../src/server/index.ts'
import { openDb } from './db.ts'
import type { DemoDb } from './db.ts'
import { registerForms } from './forms/index.ts'
import { demoLayout, htmxVersionFromEnv } from './layout.ts'
import type { HtmxVersion } from './layout.ts'
import { consoleSecret, registerOrders } from './orders/routes.ts'
import { cspReportsPage } from './pages/csp-reports.ts'
import { customersPage } from './pages/customers.ts'
import { overviewPage } from './pages/overview.ts'
import { reportStore } from './reports.ts'
import { registerTestRoutes } from './test-routes.ts'

/** What the demo app needs. */
export interface AppOptions {
  /** The database, or a function that opens it on first use. */
  db: DemoDb | (() => DemoDb)
  /** Which htmx the layout loads; default from `HTMX_VERSION`. */
  htmxVersion?: HtmxVersion | undefined
  /** Mount the test-only routes under `/__test/`; default `HXKIT_TEST_ROUTES=1`. */
  testRoutes?: boolean | undefined
}

/** The demo's own static folder (public/: demo.css), served next to the kit's client files. */
const PUBLIC_ROOT = fileURLToPath(new URL('../public', import.meta.url))
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))

/**
 * The demo's static files: public/, the kit's client files and htmx 4 (`htmx.org`) or, for the
 * compatibility run, htmx 2 (the `htmx2` alias), both from node_modules.
 *
 * @param version - which htmx is served under /_hxkit/htmx/
 * @example
 * serve(app, { static: demoAssets(4) })
 */
export function demoAssets(version: HtmxVersion): StaticFiles {
  return staticFiles({
    root: PUBLIC_ROOT,
    htmx: version === 2 ? 'htmx2' : 'htmx.org',
    resolveFrom: REPO_ROOT,
  })
}

/** Where browsers post CSP violation reports. */
export const CSP_REPORT_PATH = '/__csp-report'

function lazy(db: () => DemoDb): DemoDb {
  let opened: DemoDb | undefined
  const get = (): DemoDb => (opened ??= db())
  return {
    stats: () => get().stats(),
    orders: (query) => get().orders(query),
    activity: (limit) => get().activity(limit),
    customers: (query) => get().customers(query),
    sqlite: () => get().sqlite(),
    close: () => opened?.close(),
  }
}

/**
 * Builds the demo app under the strict CSP: the overview, customers and CSP reports pages, the
 * report endpoint, and with `testRoutes` the test-only routes. `assets` are its static files
 * (hxkit/server serves them; the layout links them by content hash).
 *
 * @param options - the database and the htmx version
 * @example
 * const app = createApp({ db: openDb({ path: 'data/test.db' }) })
 * const res = await app.request('/')
 */
export function createApp(options: AppOptions) {
  const db = typeof options.db === 'function' ? lazy(options.db) : options.db
  const version = options.htmxVersion ?? htmxVersionFromEnv()
  const assets = demoAssets(version)
  const layout = demoLayout(version, assets)
  const reports = reportStore(() => db.sqlite())
  const overview = overviewPage(db, layout)
  // hx-on needs htmx 4's hx-csp extension under the strict policy; htmx 2 gets no hx-on
  const customers = customersPage(db, layout, { hxOn: version === 4 })
  const cspReports = cspReportsPage(reports, layout)
  const app = new Hono()
  // strict CSP with a nonce per response, security headers, cross-origin refusal, body limit
  // Routes that read bodies cap them themselves (forms: 1 MiB with a form error; reports: 16 KiB);
  // the outer limit only stops bodies nobody would read, so an oversized upload still gets its
  // answer in the form rather than secure()'s plain-text 413.
  app.use(secure({ csp: { reportUri: CSP_REPORT_PATH }, bodyLimit: 4 * 1024 * 1024 }))
  app.use(htmx())
  // flash messages that survive a redirect (the orders console's changes)
  app.use(flashes({ secret: consoleSecret() }))
  // browsers ask for it on every page; an empty answer keeps the console free of 404s
  app.get('/favicon.ico', (c) => c.body(null, 204))
  app.get('/', overview.handler)
  app.get('/customers', customers.handler)
  app.post(
    CSP_REPORT_PATH,
    cspReportHandler({
      sink: (batch) => {
        reports.save(batch)
      },
    })
  )
  app.get('/csp-reports', cspReports.page.handler)
  app.post('/csp-reports/clear', cspReports.clear)
  const orders = registerOrders(app, { db, layout })
  registerForms(app, { db, layout, overview, htmxVersion: version })
  if (options.testRoutes ?? process.env['HXKIT_TEST_ROUTES'] === '1') {
    registerTestRoutes(app, reports)
  }
  return Object.assign(app, {
    pages: {
      overview,
      customers,
      cspReports: cspReports.page,
      orders: orders.list,
      order: orders.detail,
    },
    reports,
    assets,
  })
}

/** The demo app on the default database (`DATABASE_PATH`), opened on the first request. */
export const app = createApp({ db: openDb })
