// The demo's SQLite database: opening, the queries the pages need, nothing else.
import Database from 'better-sqlite3'
import { mkdirSync, rmSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { OrdersQuery, SearchQuery } from './query.ts'
import { PAGE_SIZE, SORT_COLUMNS } from './query.ts'
import { migrateAndSeed } from './seed.ts'
import type { OrderStatus } from './seed.ts'

/** The eight numbers of the overview's stat cards. */
export interface Stats {
  orders: number
  revenueCents: number
  averageCents: number
  customers: number
  pending: number
  shipped: number
  delivered: number
  cancelled: number
}

/** What the overview's charts show: revenue by day (the last 30 days of orders), orders by status. */
export interface ChartData {
  /** One entry per day with orders, oldest first; `day` is `YYYY-MM-DD`. */
  days: { day: string; cents: number }[]
  /** Orders per status, for the statuses that have any. */
  statuses: { status: string; n: number }[]
}

/** One row of the orders table. */
export interface OrderRow {
  id: number
  customer: string
  status: OrderStatus
  totalCents: number
  createdAt: string
}

/** One row of the customers list. */
export interface CustomerRow {
  id: number
  name: string
  email: string
  city: string
  orders: number
  spentCents: number
}

/** One entry of the activity log. */
export interface ActivityRow {
  id: number
  at: string
  actor: string
  message: string
}

/** A page of rows with the paging numbers after clamping. */
export interface Paged<Row, Query> {
  rows: Row[]
  total: number
  page: number
  pageCount: number
  query: Query
}

/** What the demo pages read from the database. */
export interface DemoDb {
  /** The stat cards' numbers; the same object until an order or customer changes. */
  stats(): Stats
  /** The charts' data; the same object until an order or customer changes. */
  charts(): ChartData
  orders(query: OrdersQuery): Paged<OrderRow, OrdersQuery>
  activity(limit?: number): ActivityRow[]
  customers(query: SearchQuery): Paged<CustomerRow, SearchQuery>
  /** The open better-sqlite3 handle, for feature modules that keep their own tables and statements. */
  sqlite(): Database.Database
  close(): void
}

/** Where and how to open the database. */
export interface OpenOptions {
  /** File path; default `DATABASE_PATH` (relative to the working directory) or the repo's `data/hxkit-demo.db`. */
  path?: string | undefined
  /** Delete the file first; default `DATABASE_RESET=1`. */
  reset?: boolean | undefined
}

const DEFAULT_PATH = fileURLToPath(new URL('../data/hxkit-demo.db', import.meta.url))

const ORDER_SELECT = `SELECT o.id, c.name AS customer, o.status, o.total_cents AS totalCents,
  o.created_at AS createdAt FROM orders o JOIN customers c ON c.id = o.customer_id`

const STATS_SQL = `SELECT
  (SELECT COUNT(*) FROM orders) AS orders,
  (SELECT COALESCE(SUM(total_cents), 0) FROM orders WHERE status != 'cancelled') AS revenueCents,
  (SELECT COALESCE(CAST(AVG(total_cents) AS INTEGER), 0) FROM orders) AS averageCents,
  (SELECT COUNT(*) FROM customers) AS customers,
  (SELECT COUNT(*) FROM orders WHERE status = 'pending') AS pending,
  (SELECT COUNT(*) FROM orders WHERE status = 'shipped') AS shipped,
  (SELECT COUNT(*) FROM orders WHERE status = 'delivered') AS delivered,
  (SELECT COUNT(*) FROM orders WHERE status = 'cancelled') AS cancelled`

const CHART_DAYS_SQL = `SELECT substr(created_at, 1, 10) AS day, SUM(total_cents) AS cents
  FROM orders WHERE status != 'cancelled'
  AND created_at >= (SELECT date(MAX(created_at), '-29 days') FROM orders)
  GROUP BY day ORDER BY day`

const CHART_STATUSES_SQL = 'SELECT status, COUNT(*) AS n FROM orders GROUP BY status'

const CUSTOMERS_SQL = `SELECT c.id, c.name, c.email, c.city, COUNT(o.id) AS orders,
  COALESCE(SUM(o.total_cents), 0) AS spentCents
  FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
  WHERE c.name LIKE ? ESCAPE '\\' GROUP BY c.id ORDER BY c.name COLLATE NOCASE, c.id LIMIT ? OFFSET ?`

function clampPage(page: number, total: number): { page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
  return { page: Math.min(Math.max(1, page), pageCount), pageCount }
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
}

function prepareOrderStatements(db: Database.Database): Map<string, Database.Statement> {
  // one statement per whitelisted column and direction: no user text ever reaches the SQL
  const statements = new Map<string, Database.Statement>()
  for (const [key, column] of Object.entries(SORT_COLUMNS)) {
    for (const dir of ['asc', 'desc'] as const) {
      const sql = `${ORDER_SELECT} ORDER BY ${column} ${dir}, o.id ${dir} LIMIT ? OFFSET ?`
      statements.set(`${key}:${dir}`, db.prepare(sql))
    }
  }
  return statements
}

/**
 * Caches `read()` until the figures revision changes: the triggers in seed.ts bump it on every
 * write to orders or customers, from this connection or any other, so a cached value is never stale.
 */
function untilRevision<T>(revision: Database.Statement, read: () => T): () => T {
  let at: unknown = undefined
  let value: T | undefined
  return () => {
    const now = revision.get()
    if (value === undefined || now !== at) {
      value = read()
      at = now
    }
    return value
  }
}

function openFile(options: OpenOptions): Database.Database {
  const path = resolve(options.path ?? process.env['DATABASE_PATH'] ?? DEFAULT_PATH)
  const reset = options.reset ?? process.env['DATABASE_RESET'] === '1'
  mkdirSync(dirname(path), { recursive: true })
  if (reset) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      rmSync(path + suffix, { force: true })
    }
  }
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  migrateAndSeed(db)
  return db
}

/**
 * Opens (creating and seeding on first use) the demo database.
 *
 * @param options - path and reset; both default to the environment
 * @returns the queries the demo pages use
 * @example
 * const db = openDb({ path: 'data/test.db', reset: true })
 * db.stats().orders // 5400
 */
export function openDb(options: OpenOptions = {}): DemoDb {
  const db = openFile(options)
  const stats = db.prepare(STATS_SQL)
  const orderCount = db.prepare('SELECT COUNT(*) FROM orders').pluck()
  const orderPages = prepareOrderStatements(db)
  const activity = db.prepare(
    'SELECT id, at, actor, message FROM activity ORDER BY at DESC, id DESC LIMIT ?'
  )
  const customerCount = db
    .prepare(`SELECT COUNT(*) FROM customers WHERE name LIKE ? ESCAPE '\\'`)
    .pluck()
  const customers = db.prepare(CUSTOMERS_SQL)
  const revision = db.prepare('SELECT n FROM figures_revision WHERE id = 1').pluck()
  const chartDays = db.prepare(CHART_DAYS_SQL)
  const chartStatuses = db.prepare(CHART_STATUSES_SQL)
  return {
    stats: untilRevision(revision, () => stats.get() as Stats),
    charts: untilRevision(revision, () => ({
      days: chartDays.all() as ChartData['days'],
      statuses: chartStatuses.all() as ChartData['statuses'],
    })),
    orders(query) {
      const { page, pageCount } = clampPage(query.page, orderCount.get() as number)
      const statement = orderPages.get(`${query.sort}:${query.dir}`) as Database.Statement
      const rows = statement.all(PAGE_SIZE, (page - 1) * PAGE_SIZE) as OrderRow[]
      return { rows, total: orderCount.get() as number, page, pageCount, query: { ...query, page } }
    },
    activity: (limit = 10) => activity.all(limit) as ActivityRow[],
    customers(query) {
      const pattern = likePattern(query.q)
      const total = customerCount.get(pattern) as number
      const { page, pageCount } = clampPage(query.page, total)
      const rows = customers.all(pattern, PAGE_SIZE, (page - 1) * PAGE_SIZE) as CustomerRow[]
      return { rows, total, page, pageCount, query: { ...query, page } }
    },
    sqlite: () => db,
    close: () => {
      db.close()
    },
  }
}
