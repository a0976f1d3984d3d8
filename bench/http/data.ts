// The overview's data for every HTTP candidate: read from a demo database seeded by the demo's code.
import { openDb } from '../../demo/db.ts'
import type {
  ActivityRow,
  ChartData,
  CustomerRow,
  DemoDb,
  OrderRow,
  Paged,
  Stats,
} from '../../demo/db.ts'
import { DEFAULT_ORDERS, parseOrdersQuery } from '../../demo/query.ts'
import type { OrdersQuery, SearchQuery } from '../../demo/query.ts'

/** Everything the overview page shows. */
export interface Overview {
  stats: Stats
  charts: ChartData
  orders: Paged<OrderRow, OrdersQuery>
  activity: ActivityRow[]
}

/**
 * Opens the demo database at `path`. `live` queries SQLite on every call (as the demo does);
 * otherwise the overview's answers for `/` are read once and served from memory, so the benchmark
 * measures the web stack and the rendering, not SQLite. Every candidate gets the same source.
 *
 * @param path - a database file already created and seeded by `openDb`
 * @param live - query per request
 * @example
 * const db = openSource('/tmp/hxkit-bench.db', false)
 */
export function openSource(path: string, live: boolean): DemoDb {
  const db = openDb({ path, reset: false })
  if (live) {
    return db
  }
  const stats = db.stats()
  const charts = db.charts()
  const orders = db.orders(DEFAULT_ORDERS)
  const activity = db.activity(10)
  const customers: Paged<CustomerRow, SearchQuery> = db.customers({ q: '', page: 1 })
  // everything else (feature modules' own tables) stays live; the overview's reads are fixed
  return {
    ...db,
    stats: () => stats,
    charts: () => charts,
    orders: () => orders,
    activity: () => activity,
    customers: () => customers,
  }
}

/** A parsed query string. */
export type Query = Record<string, string | undefined>

/**
 * Parses the query string of a raw `req.url` (for the node:http baseline).
 *
 * @param url - e.g. `/?page=2`
 * @example
 * queryOf('/?page=2') // { page: '2' }
 */
export function queryOf(url: string): Query {
  const at = url.indexOf('?')
  return at === -1 ? {} : Object.fromEntries(new URLSearchParams(url.slice(at + 1)))
}

/**
 * Loads the overview for one request: exactly the calls the demo's overview page makes.
 *
 * @param db - the source
 * @param query - the parsed query string
 * @example
 * loadOverview(db, {})
 */
export function loadOverview(db: DemoDb, query: Query): Overview {
  return {
    stats: db.stats(),
    charts: db.charts(),
    orders: db.orders(parseOrdersQuery(query)),
    activity: db.activity(10),
  }
}

/**
 * Loads only the orders (what the `orders` partial needs).
 *
 * @param db - the source
 * @param query - the parsed query string
 * @example
 * loadOrders(db, {})
 */
export function loadOrders(db: DemoDb, query: Query): Overview['orders'] {
  return db.orders(parseOrdersQuery(query))
}
