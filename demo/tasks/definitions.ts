// The demo's background tasks: the orders CSV export, recomputing customer totals in steps, bulk
// shipping of orders in chunks, and pruning finished tasks (with their export files). Defined once per process; each app sends them
// to its own backend with using({ backend }).
import { renameSync, rmSync, writeFileSync, appendFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { task } from '../../src/tasks/index.ts'
import type { TaskContext } from '../../src/tasks/index.ts'
import { ordersList } from '../orders/list.ts'
import { consoleStore } from '../orders/store.ts'
import { parseOrdersQuery, SORT_COLUMNS } from '../query.ts'
import type { SortDir, SortKey } from '../query.ts'
import { ORDER_STATUSES } from '../seed.ts'
import type { OrderStatus } from '../seed.ts'
import { csvLine } from './csv.ts'
import { taskEnv } from './env.ts'
import type { TaskEnv } from './env.ts'

/** The orders table's state an export keeps: its sort and a status filter. */
export interface ExportFilters {
  sort: SortKey
  dir: SortDir
  status: OrderStatus | null
}

/** What a finished export returns: the row count and the download's file name. */
export interface ExportResult {
  rows: number
  filename: string
}

/** What a finished recompute returns. */
export interface RecomputeResult {
  customers: number
  steps: number
}

/**
 * What a bulk ship gets: the chosen order ids, or the canonical list query of "all N across
 * pages" (re-run when the task runs), and who asked (for the activity log).
 */
export type ShipArgs = { ids: number[]; actor: string } | { query: string; actor: string }

/** What a finished bulk ship returns: how many orders it marked shipped, and how many matched. */
export interface ShipResult {
  rows: number
  matched: number
}

const EXPORT_CHUNK = 500
/** Orders a bulk ship updates per transaction (a progress report and an abort check each). */
export const SHIP_CHUNK = 200
const ORDER_COUNT = new Intl.NumberFormat('en-GB')
const RECOMPUTE_STEPS = 10
const HEADER = ['order', 'customer', 'email', 'status', 'total', 'placed'] as const

/**
 * Reads export filters from form fields or stored task arguments; bad values fall back to the
 * orders table's defaults (sort newest first, every status).
 *
 * @param fields - `sort`, `dir`, `status`
 * @example
 * parseExportFilters({ sort: 'total', dir: 'asc', status: 'paid' })
 */
export function parseExportFilters(fields: Record<string, unknown>): ExportFilters {
  const text = (name: string): string | undefined => {
    const value = fields[name]
    return typeof value === 'string' ? value : undefined
  }
  const { sort, dir } = parseOrdersQuery({ sort: text('sort'), dir: text('dir') })
  const status = ORDER_STATUSES.find((one) => one === text('status')) ?? null
  return { sort, dir, status }
}

function pause(env: TaskEnv, signal: AbortSignal): Promise<unknown> {
  return env.stepMs > 0 ? sleep(env.stepMs, undefined, { signal }) : Promise.resolve()
}

interface ExportRow {
  id: number
  customer: string
  email: string
  status: string
  totalCents: number
  createdAt: string
}

async function writeExport(context: TaskContext, filters: ExportFilters): Promise<ExportResult> {
  const env = taskEnv()
  const id = context.result.id
  const final = env.files.path(id)
  const part = env.files.partPath(id)
  if (final === null || part === null) {
    throw new TypeError(`exportOrders: task id "${id}" cannot name a file.`)
  }
  const { sort, dir, status } = parseExportFilters({ ...filters })
  const params = { status }
  const total = env.db
    .prepare('SELECT COUNT(*) FROM orders o WHERE (@status IS NULL OR o.status = @status)')
    .pluck()
    .get(params) as number
  // the column and direction come from the whitelist, never from the stored text
  const select = env.db.prepare(`SELECT o.id, c.name AS customer, c.email, o.status,
      o.total_cents AS totalCents, o.created_at AS createdAt
    FROM orders o JOIN customers c ON c.id = o.customer_id
    WHERE (@status IS NULL OR o.status = @status)
    ORDER BY ${SORT_COLUMNS[sort]} ${dir}, o.id ${dir} LIMIT @limit OFFSET @offset`)
  // each chunk is its own read: a transaction must not stay open across the awaits, as the
  // in-process worker shares the app's connection
  try {
    writeFileSync(part, csvLine(HEADER))
    for (let offset = 0; offset < total; offset += EXPORT_CHUNK) {
      context.signal.throwIfAborted()
      const rows = select.all({ ...params, limit: EXPORT_CHUNK, offset }) as ExportRow[]
      const lines = rows.map((row) =>
        csvLine([
          row.id,
          row.customer,
          row.email,
          row.status,
          (row.totalCents / 100).toFixed(2),
          row.createdAt,
        ])
      )
      appendFileSync(part, lines.join(''))
      const done = Math.min(total, offset + rows.length)
      await context.progress(done / total, `${String(done)} of ${String(total)} orders`)
      await pause(env, context.signal)
    }
    context.signal.throwIfAborted()
    renameSync(part, final)
  } catch (error) {
    rmSync(part, { force: true })
    throw error
  }
  const day = new Date().toISOString().slice(0, 10)
  return { rows: total, filename: `orders-${day}${status === null ? '' : `-${status}`}.csv` }
}

/** Writes the orders, filtered and sorted as the orders table was, to a CSV file. */
export const exportOrders = task(writeExport, {
  name: 'demo.exportOrders',
  takesContext: true,
  queueName: 'exports',
  maxAttempts: 3,
  timeout: 10 * 60_000,
})

async function recompute(context: TaskContext): Promise<RecomputeResult> {
  const env = taskEnv()
  const ids = env.db.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as number[]
  const size = Math.max(1, Math.ceil(ids.length / RECOMPUTE_STEPS))
  const upsert = env.db
    .prepare(`INSERT INTO customer_totals (customer_id, orders, spent_cents, computed_at)
    SELECT c.id, COUNT(o.id), COALESCE(SUM(CASE WHEN o.status != 'cancelled' THEN o.total_cents END), 0), @now
      FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
     WHERE c.id BETWEEN @from AND @to GROUP BY c.id
    ON CONFLICT (customer_id) DO UPDATE SET orders = excluded.orders,
       spent_cents = excluded.spent_cents, computed_at = excluded.computed_at`)
  let steps = 0
  for (let start = 0; start < ids.length; start += size) {
    context.signal.throwIfAborted()
    const batch = ids.slice(start, start + size)
    upsert.run({ from: batch[0], to: batch.at(-1), now: new Date().toISOString() })
    steps++
    const done = start + batch.length
    await context.progress(done / ids.length, `${String(done)} of ${String(ids.length)} customers`)
    await pause(env, context.signal)
  }
  return { customers: ids.length, steps }
}

/** Recomputes every customer's order count and spend into `customer_totals`, in ten steps. */
export const recomputeCustomerTotals = task(recompute, {
  name: 'demo.recomputeCustomerTotals',
  takesContext: true,
  timeout: 10 * 60_000,
})

// stored arguments are checked again: a task may outlive the code that enqueued it
function shipTarget(args: ShipArgs): { actor: string } & ({ ids: number[] } | { query: string }) {
  const given: Record<string, unknown> = { ...args }
  const actor = given['actor']
  if (typeof actor !== 'string' || actor === '') {
    throw new TypeError('shipOrders: the arguments name no actor.')
  }
  if (typeof given['query'] === 'string') {
    return { actor, query: given['query'] }
  }
  const ids = given['ids']
  if (!Array.isArray(ids) || !ids.every((id) => Number.isSafeInteger(id) && id > 0)) {
    throw new TypeError('shipOrders: the arguments hold neither a query nor order ids.')
  }
  return { actor, ids: [...new Set(ids as number[])].sort((a, b) => a - b) }
}

async function shipInChunks(context: TaskContext, args: ShipArgs): Promise<ShipResult> {
  const env = taskEnv()
  const store = consoleStore(env.db, { onChange: env.ordersChanged })
  const target = shipTarget(args)
  // "all across pages" re-applies its scope now: the orders that match when the task runs
  const filters =
    'query' in target ? ordersList.parse(new URLSearchParams(target.query)).filters : null
  const ids = 'ids' in target ? target.ids : []
  const total = filters === null ? ids.length : store.count(filters)
  let matched = 0
  let changed = 0
  let after = 0
  try {
    for (;;) {
      context.signal.throwIfAborted()
      // one chunk: read what matches now and update it in one synchronous transaction, never open
      // across an await (the in-process worker shares the app's connection); shipping is
      // idempotent, so a retried or stale attempt only ships what is left
      const step = env.db.transaction(() => {
        const chunk =
          filters === null
            ? ids.slice(matched, matched + SHIP_CHUNK)
            : store.matchingIds(filters, after, SHIP_CHUNK)
        return { chunk, changed: store.shipIds(chunk) }
      })()
      if (step.chunk.length === 0) {
        break
      }
      matched += step.chunk.length
      changed += step.changed
      after = step.chunk.at(-1) ?? after
      const shown = Math.max(total, matched)
      await context.progress(
        matched / shown,
        `${ORDER_COUNT.format(matched)} of ${ORDER_COUNT.format(shown)} orders`
      )
      await pause(env, context.signal)
    }
  } finally {
    // what committed is logged, also when the task was cancelled part-way
    if (changed > 0) {
      store.logBulkShip(changed, target.actor)
    }
  }
  return { rows: changed, matched }
}

/**
 * Marks orders shipped in chunks of `SHIP_CHUNK`, each in its own transaction, with a progress
 * report and an abort check between chunks: the hand-off of a large bulk action from the orders
 * console. Cancelling keeps the chunks already committed (and logs them).
 */
export const shipOrders = task(shipInChunks, {
  name: 'demo.shipOrders',
  takesContext: true,
  timeout: 10 * 60_000,
})

/**
 * Deletes tasks that finished more than `olderThanMs` ago, and the files of deleted exports.
 *
 * @param env - the admin side and the export folder
 * @param olderThanMs - age of a finished task, ms
 * @returns how many tasks were deleted
 * @example
 * await pruneFinished(env, 24 * 3_600_000)
 */
export async function pruneFinished(
  env: Pick<TaskEnv, 'admin' | 'files'>,
  olderThanMs: number
): Promise<number> {
  const deleted = await env.admin.prune(olderThanMs)
  for (const record of deleted) {
    if (record.taskName === exportOrders.name) {
      env.files.remove(record.id)
    }
  }
  return deleted.length
}

/** The scheduled prune (see `startWorker`): finished tasks older than the argument, in ms. */
export const pruneFinishedTasks = task(
  (olderThanMs: number) => pruneFinished(taskEnv(), olderThanMs),
  {
    name: 'demo.pruneFinishedTasks',
  }
)
