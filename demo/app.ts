// The demo dashboard as a hono app (no listen: tests call app.request, server.ts serves it).
import { Hono } from 'hono'
import { htmx } from '../src/htmx/index.ts'
import { openDb } from './db.ts'
import type { DemoDb } from './db.ts'
import { registerForms } from './forms/index.ts'
import { demoLayout, htmxVersionFromEnv } from './layout.ts'
import type { HtmxVersion } from './layout.ts'
import { customersPage } from './pages/customers.ts'
import { overviewPage } from './pages/overview.ts'

/** What the demo app needs. */
export interface AppOptions {
  /** The database, or a function that opens it on first use. */
  db: DemoDb | (() => DemoDb)
  /** Which htmx the layout loads; default from `HTMX_VERSION`. */
  htmxVersion?: HtmxVersion | undefined
  /** Readiness for `/healthz`: `false` answers 503 (the server is draining). Default: always ready. */
  ready?: (() => boolean) | undefined
}

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
 * Builds the demo app: the overview and customers pages, `/healthz`.
 *
 * @param options - the database and the htmx version
 * @example
 * const app = createApp({ db: openDb({ path: 'data/test.db' }) })
 * const res = await app.request('/')
 */
export function createApp(options: AppOptions) {
  const db = typeof options.db === 'function' ? lazy(options.db) : options.db
  const layout = demoLayout(options.htmxVersion ?? htmxVersionFromEnv())
  const overview = overviewPage(db, layout)
  const customers = customersPage(db, layout)
  const app = new Hono()
  app.use(htmx())
  const ready = options.ready ?? (() => true)
  app.get('/healthz', (c) => (ready() ? c.json({ ok: true }) : c.json({ ok: false }, 503)))
  // browsers ask for it on every page; an empty answer keeps the console free of 404s
  app.get('/favicon.ico', (c) => c.body(null, 204))
  app.get('/', overview.handler)
  app.get('/customers', customers.handler)
  registerForms(app, { db, layout, overview })
  return Object.assign(app, { pages: { overview, customers } })
}

/** The demo app on the default database (`DATABASE_PATH`), opened on the first request. */
export const app = createApp({ db: openDb })
