// The demo dashboard as a hono app (no listen: tests call app.request, server.ts serves it).
import { Hono } from 'hono'
import type { Context, MiddlewareHandler } from 'hono'
import { fileURLToPath } from 'node:url'
import { requireRole } from '../src/auth/index.ts'
import type { RedisScripting } from '../src/auth/index.ts'
import { flashes } from '../src/components/index.ts'
import { cspReportHandler } from '../src/csp/index.ts'
import { htmx } from '../src/htmx/index.ts'
import { secure } from '../src/security/index.ts'
import { staticFiles } from '../src/server/index.ts'
import type { StaticFiles } from '../src/server/index.ts'
import { registerAuth, sessionCookieFor } from './auth.ts'
import { openDb } from './db.ts'
import type { DemoDb } from './db.ts'
import { registerForms } from './forms/index.ts'
import { FILE_PATH } from './guards.ts'
import { demoLayout, htmxVersionFromEnv } from './layout.ts'
import type { HtmxVersion } from './layout.ts'
import { registerLiveTestRoutes } from './live-test-routes.ts'
import { demoLive } from './live.ts'
import type { DemoLive } from './live.ts'
import { consoleSecret, registerOrders } from './orders/routes.ts'
import { cspReportsPage } from './pages/csp-reports.ts'
import { customersPage } from './pages/customers.ts'
import { overviewPage } from './pages/overview.ts'
import { sharedRedisFromEnv } from './redis.ts'
import { reportStore } from './reports.ts'
import { exportForm } from './tasks/export-form.ts'
import { registerTasks } from './tasks/routes.ts'
import type { TasksOptions } from './tasks/setup.ts'
import { registerTestRoutes } from './test-routes.ts'
import type { Role, SeedUsersOptions } from './users.ts'

/** What the demo app needs. */
export interface AppOptions {
  /** The database, or a function that opens it on first use. */
  db: DemoDb | (() => DemoDb)
  /** Which htmx the layout loads; default from `HTMX_VERSION`. */
  htmxVersion?: HtmxVersion | undefined
  /** Mount the test-only routes under `/__test/`; default `HXKIT_TEST_ROUTES=1`. */
  testRoutes?: boolean | undefined
  /** The background tasks' backend, step pause and retention; default from the environment. */
  tasks?: TasksOptions | undefined
  /** Live updates (hxkit/live); default an in-process hub for this app. */
  live?: DemoLive | undefined
  /** How the first start seeds one user per role (passwords, scrypt cost). */
  users?: SeedUsersOptions | undefined
  /** The client address the login limit counts per address; default the socket's. */
  clientAddress?: ((c: Context) => string) | undefined
  /**
   * The Redis all instances share for sessions and the sign-in limits (`null`: none, the SQLite
   * file); default a client of `REDIS_URL` when it is set.
   */
  redis?: RedisScripting | null | undefined
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
    charts: () => get().charts(),
    orders: (query) => get().orders(query),
    activity: (limit) => get().activity(limit),
    customers: (query) => get().customers(query),
    sqlite: () => get().sqlite(),
    close: () => opened?.close(),
  }
}

/** Runs `middleware` except for static files. */
function skipFiles(middleware: MiddlewareHandler): MiddlewareHandler {
  return function unlessFile(c, next) {
    return FILE_PATH.test(c.req.path) ? next() : middleware(c, next)
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
  const live = options.live ?? demoLive(version)
  const overview = overviewPage(db, layout, { ordersTools: exportForm, live: live.element })
  const overviewLive = live.attach(overview.partials)
  // hx-on needs htmx 4's hx-csp extension under the strict policy; htmx 2 gets no hx-on
  const customers = customersPage(db, layout, { hxOn: version === 4 })
  const cspReports = cspReportsPage(reports, layout)
  // scaled out (REDIS_URL): sessions and sign-in limits in Redis, shared by every instance
  const ownRedis = options.redis === undefined ? sharedRedisFromEnv() : undefined
  const app = new Hono()
  // strict CSP with a nonce per response, security headers, cross-origin refusal, body limit
  // Routes that read bodies cap them themselves (forms: 1 MiB with a form error; reports: 16 KiB);
  // the outer limit only stops bodies nobody would read, so an oversized upload still gets its
  // answer in the form rather than secure()'s plain-text 413.
  app.use(secure({ csp: { reportUri: CSP_REPORT_PATH }, bodyLimit: 4 * 1024 * 1024 }))
  app.use(htmx())
  // who is signed in; static files (a dot in the last segment) skip it, so no cached asset
  // response ever carries a Set-Cookie
  const auth = registerAuth(app, {
    db,
    layout,
    seed: options.users,
    clientAddress: options.clientAddress,
    redis: ownRedis ?? options.redis ?? undefined,
  })
  app.use(skipFiles(auth.middleware))
  auth.mountRoutes()
  // Roles: viewer reads, operator also creates and edits, admin also sees and clears CSP reports
  // and manages users (demo/users.ts). Every route's access is in tests/demo/permissions.test.ts.
  const viewer = requireRole('viewer')
  const operator = requireRole('operator')
  const admin = requireRole('admin')
  // the task pages and the orders console: reads for viewers, changes for operators
  const guards = { read: viewer, change: operator }
  // flash messages that survive a redirect (the orders console's changes)
  app.use(flashes({ secret: consoleSecret() }))
  // browsers ask for it on every page; an empty answer keeps the console free of 404s
  app.get('/favicon.ico', (c) => c.body(null, 204))
  app.get('/', viewer, overview.handler)
  app.get(overviewLive.path, viewer, overviewLive.handler)
  app.get('/customers', viewer, customers.handler)
  app.post(
    CSP_REPORT_PATH,
    cspReportHandler({
      sink: (batch) => {
        reports.save(batch)
      },
    })
  )
  app.get('/csp-reports', admin, cspReports.page.handler)
  app.post('/csp-reports/clear', admin, cspReports.clear)
  registerForms(app, {
    db,
    layout,
    overview,
    htmxVersion: version,
    guard: operator,
    onSaved: live.ordersChanged,
  })
  // the orders console: reads for viewers; edits, deletes and bulk actions for operators
  // the console hands large bulk actions to the app's tasks (registered next, used per request);
  // its bulk bar follows the task with the Tasks' inline progress, whose end sends its table
  const orders = registerOrders(app, {
    db,
    layout,
    tasks: () => tasks.tasks(),
    follow: (c, record, query) => tasks.follow(c, record, query),
    guards,
    onChanged: live.ordersChanged,
  })
  // the task pages are for viewers; starting a task and the row actions (POST) for operators
  const tasks = registerTasks(app, {
    db,
    layout,
    options: options.tasks,
    hub: live.hub,
    htmxVersion: version,
    guards,
    finished: orders.shipFinished,
  })
  // the Tasks page's rows and counts follow every task change (a viewer's stream, as the overview's)
  app.get(tasks.live.list.path, viewer, tasks.live.list.handler)
  if (options.testRoutes ?? process.env['HXKIT_TEST_ROUTES'] === '1') {
    registerTestRoutes(app, reports)
    registerLiveTestRoutes(app, { hub: live.hub, layout, assets, version })
  }
  return Object.assign(app, {
    pages: {
      overview,
      customers,
      cspReports: cspReports.page,
      orders: orders.list,
      order: orders.detail,
      ...tasks.pages,
    },
    reports,
    /** The background tasks (set up on first call): backend, admin, worker. */
    tasks: tasks.tasks,
    assets,
    live,
    /** Closes the Redis client the app opened from `REDIS_URL`, if any (at shutdown). */
    closeRedis: (): void => {
      ownRedis?.disconnect()
    },
    /** A `Cookie` header signing in the seeded user of `role`, for tests. */
    sessionCookie: async (role: Role): Promise<string> =>
      sessionCookieFor(await auth.ready(), role),
  })
}

/** The demo app on the default database (`DATABASE_PATH`), opened on the first request. */
export const app = createApp({ db: openDb })
