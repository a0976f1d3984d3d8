// The orders console's queries: filtered keyset pages, capped counts, status changes, bulk
// shipping and deletion. Sort keys map to whitelisted SQL; user text only ever reaches a parameter.
import type { Database, Statement } from 'better-sqlite3'
import type { CursorKey, SeekPosition, SortTerm } from '../../src/components/index.ts'
import type { OrderStatus } from '../seed.ts'

/** One row of the console's table. */
export interface ConsoleOrder {
  id: number
  customer: string
  status: OrderStatus
  totalCents: number
  createdAt: string
}

/** The filters the store understands (parsed by the list state). */
export interface OrderFilters {
  q?: string | undefined
  status?: OrderStatus | undefined
  from?: string | undefined
  to?: string | undefined
}

/** One entry of an order's timeline. */
export interface TimelineEntry {
  at: string
  actor: string
  message: string
}

const COLUMNS: Readonly<Record<string, { sql: string; key: keyof ConsoleOrder }>> = {
  id: { sql: 'o.id', key: 'id' },
  status: { sql: 'o.status', key: 'status' },
  total: { sql: 'o.total_cents', key: 'totalCents' },
  created: { sql: 'o.created_at', key: 'createdAt' },
}

const SELECT = `SELECT o.id, c.name AS customer, o.status, o.total_cents AS totalCents,
  o.created_at AS createdAt FROM orders o JOIN customers c ON c.id = o.customer_id`

// Composite indexes for the filtered keyset pages; created_at alone exists already (and, as
// every SQLite index, ends with the rowid, which is o.id).
const MIGRATION = `
CREATE INDEX IF NOT EXISTS orders_status_created ON orders(status, created_at);
CREATE INDEX IF NOT EXISTS orders_total_id ON orders(total_cents, id);
`

function where(filters: OrderFilters): { sql: string[]; params: unknown[] } {
  const sql: string[] = []
  const params: unknown[] = []
  if (filters.status !== undefined) {
    sql.push('o.status = ?')
    params.push(filters.status)
  }
  if (filters.from !== undefined) {
    sql.push('o.created_at >= ?')
    params.push(`${filters.from}T00:00:00Z`)
  }
  if (filters.to !== undefined) {
    sql.push('o.created_at <= ?')
    params.push(`${filters.to}T23:59:59Z`)
  }
  if (filters.q !== undefined && filters.q !== '') {
    sql.push(`c.name LIKE ? ESCAPE '\\'`)
    params.push(`%${filters.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`)
  }
  return { sql, params }
}

/** The sort terms with the id tie-break, as SQL columns. */
function terms(
  sort: readonly SortTerm[]
): { sql: string; desc: boolean; key: keyof ConsoleOrder }[] {
  const list = sort
    .filter((t) => t.key !== 'id')
    .map((t) => ({
      ...(COLUMNS[t.key] ?? (COLUMNS['created'] as { sql: string; key: keyof ConsoleOrder })),
      desc: t.dir === 'desc',
    }))
  const idTerm = sort.find((t) => t.key === 'id')
  const last = list.at(-1)
  list.push({
    sql: 'o.id',
    key: 'id',
    desc: idTerm === undefined ? (last?.desc ?? true) : idTerm.dir === 'desc',
  })
  return list
}

// Keyset condition: rows strictly after (or before) the key in list order. With every term in
// one direction it is a row-value comparison, which SQLite answers with an index range; mixed
// directions need the expanded OR.
function seekCondition(
  list: { sql: string; desc: boolean }[],
  key: CursorKey,
  direction: 'after' | 'before'
): { sql: string; params: unknown[] } {
  const forward = (desc: boolean): string => ((direction === 'after') !== desc ? '>' : '<')
  const first = list[0] as { desc: boolean }
  if (list.every((t) => t.desc === first.desc)) {
    return {
      sql: `(${list.map((t) => t.sql).join(', ')}) ${forward(first.desc)} (${list.map(() => '?').join(', ')})`,
      params: [...key],
    }
  }
  const ors: string[] = []
  const params: unknown[] = []
  list.forEach((term, i) => {
    const parts = list.slice(0, i).map((t) => `${t.sql} = ?`)
    parts.push(`${term.sql} ${forward(term.desc)} ?`)
    ors.push(`(${parts.join(' AND ')})`)
    params.push(...key.slice(0, i), key[i])
  })
  return { sql: `(${ors.join(' OR ')})`, params }
}

/** The console's database access. */
export interface ConsoleStore {
  seek(
    filters: OrderFilters,
    sort: readonly SortTerm[],
    position: SeekPosition | null,
    limit: number
  ): ConsoleOrder[]
  key(sort: readonly SortTerm[], row: ConsoleOrder): CursorKey
  /** Counts matching orders, stopping at `cap` when given. */
  count(filters: OrderFilters, cap?: number): number
  find(id: number): ConsoleOrder | undefined
  timeline(id: number): TimelineEntry[]
  setStatus(id: number, status: OrderStatus, actor: string): boolean
  remove(id: number, actor: string): boolean
  /** Marks the given orders (or all matching orders) shipped in one transaction; returns how many changed. */
  ship(target: { ids: readonly number[] } | { filters: OrderFilters }, actor: string): number
  /** The ids of orders matching `filters` above `after`, ascending, at most `limit` (-1: all). */
  matchingIds(filters: OrderFilters, after: number, limit: number): number[]
  /** Marks these orders shipped in one transaction, without an activity entry; returns how many changed. */
  shipIds(ids: readonly number[]): number
  /** Adds the activity entry of a bulk ship that changed `changed` orders. */
  logBulkShip(changed: number, actor: string): void
  /** The SQL and parameters of a page, for EXPLAIN QUERY PLAN. */
  pageSql(
    filters: OrderFilters,
    sort: readonly SortTerm[],
    position: SeekPosition | null,
    limit: number
  ): { sql: string; params: unknown[] }
}

/**
 * Opens the console's queries on the demo database (adds two indexes once).
 *
 * @param db - the open database
 * @param [options] - `onChange`: called after every write that changed orders or the activity
 *   log (a status change, a delete, a bulk ship), so open overviews can follow
 * @example
 * const store = consoleStore(db.sqlite(), { onChange: live.ordersChanged })
 */
export function consoleStore(
  db: Database,
  options: { readonly onChange?: (() => void) | undefined } = {}
): ConsoleStore {
  // after the write commits: ship() notifies from inside its transaction, and a synchronous
  // transaction ends before any promise callback runs; a failing notification never fails it
  const notifyChange = (): void => {
    const { onChange } = options
    if (onChange !== undefined) {
      void Promise.resolve()
        .then(onChange)
        .catch((error: unknown) => {
          console.error('orders: telling open pages about a change failed:', error)
        })
    }
  }
  db.exec(MIGRATION)
  const cache = new Map<string, Statement>()
  const prepared = (sql: string): Statement => {
    let statement = cache.get(sql)
    if (statement === undefined) {
      statement = db.prepare(sql)
      cache.set(sql, statement)
    }
    return statement
  }
  const log = db.prepare('INSERT INTO activity (at, actor, message) VALUES (?, ?, ?)')
  const now = (): string => new Date().toISOString().slice(0, 19) + 'Z'
  const pageSql: ConsoleStore['pageSql'] = (filters, sort, position, limit) => {
    const list = terms(sort)
    const w = where(filters)
    if (position !== null) {
      const seek = seekCondition(list, position.key, position.direction)
      w.sql.push(seek.sql)
      w.params.push(...seek.params)
    }
    const reverse = position?.direction === 'before'
    const order = list.map((t) => `${t.sql} ${t.desc !== reverse ? 'DESC' : 'ASC'}`).join(', ')
    const sql = `${SELECT}${w.sql.length === 0 ? '' : ` WHERE ${w.sql.join(' AND ')}`} ORDER BY ${order} LIMIT ?`
    return { sql, params: [...w.params, limit] }
  }
  const find = prepared(`${SELECT} WHERE o.id = ?`)
  const update = db.prepare('UPDATE orders SET status = ? WHERE id = ?')
  const remove = db.prepare('DELETE FROM orders WHERE id = ?')
  const store: ConsoleStore = {
    seek(filters, sort, position, limit) {
      const { sql, params } = pageSql(filters, sort, position, limit)
      return prepared(sql).all(...params) as ConsoleOrder[]
    },
    key: (sort, row) => terms(sort).map((t) => row[t.key]),
    count(filters, cap) {
      const w = where(filters)
      const base = `SELECT 1 FROM orders o JOIN customers c ON c.id = o.customer_id${w.sql.length === 0 ? '' : ` WHERE ${w.sql.join(' AND ')}`}`
      const sql =
        cap === undefined
          ? `SELECT COUNT(*) FROM (${base})`
          : `SELECT COUNT(*) FROM (${base} LIMIT ?)`
      return prepared(sql)
        .pluck()
        .get(...w.params, ...(cap === undefined ? [] : [cap])) as number
    },
    find: (id) => find.get(id) as ConsoleOrder | undefined,
    timeline: (id) =>
      prepared(
        `SELECT at, actor, message FROM activity WHERE message = ? OR message LIKE ? ORDER BY at DESC, id DESC LIMIT 50`
      ).all(`Order #${String(id)}`, `Order #${String(id)} %`) as TimelineEntry[],
    setStatus(id, status, actor) {
      const updated = update.run(status, id).changes > 0
      if (updated) {
        log.run(now(), actor, `Order #${String(id)} marked ${status}`)
        notifyChange()
      }
      return updated
    },
    remove(id, actor) {
      const removed = remove.run(id).changes > 0
      if (removed) {
        log.run(now(), actor, `Order #${String(id)} deleted`)
        notifyChange()
      }
      return removed
    },
    matchingIds(filters, after, limit) {
      const w = where(filters)
      w.sql.push('o.id > ?')
      return prepared(
        `SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE ${w.sql.join(' AND ')} ORDER BY o.id LIMIT ?`
      )
        .pluck()
        .all(...w.params, after, limit) as number[]
    },
    shipIds(ids) {
      const ship = prepared(
        `UPDATE orders SET status = 'shipped' WHERE id = ? AND status != 'shipped'`
      )
      return db.transaction(() => ids.reduce((changed, id) => changed + ship.run(id).changes, 0))()
    },
    logBulkShip(count, actor) {
      log.run(now(), actor, `${String(count)} orders marked shipped in bulk`)
      notifyChange()
    },
    ship(target, actor) {
      return db.transaction(() => {
        const ids = 'ids' in target ? target.ids : store.matchingIds(target.filters, 0, -1)
        const changed = store.shipIds(ids)
        store.logBulkShip(changed, actor)
        return changed
      })()
    },
    pageSql,
  }
  return store
}
