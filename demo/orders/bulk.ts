// The orders console's bulk "mark shipped". A small selection ships inline (200: the table and a
// toast). A large one, more than the hand-off threshold, goes to the shipOrders background task:
// 202 with the table whose bulk bar shows the task's progress: the Tasks' own progress partial
// and live element (demo/tasks/live.ts, as the CSV export's: streamed on htmx 4, polled on
// htmx 2). That view's last message, once the task finished, also carries the refreshed table
// (shipFinished(), an <hx-partial>) after the toast. Without JavaScript the form's POST answers 303: back to
// the list (inline) or to the task's page (handed off).
import type { Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { flash, toasts } from '../../src/components/index.ts'
import type { BulkScopes } from '../../src/components/index.ts'
import { html } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { getHtmx } from '../../src/htmx/index.ts'
import { hxPartial } from '../../src/partials/index.ts'
import type { TaskRecord } from '../../src/tasks/index.ts'
import { postedFields } from '../posted.ts'
import { shipOrders } from '../tasks/definitions.ts'
import type { ShipArgs } from '../tasks/definitions.ts'
import { taskUrl } from '../tasks/progress.ts'
import type { DemoTasks } from '../tasks/setup.ts'
import { ordersList } from './list.ts'
import { failStatus, setNotice, stateOf } from './page.ts'
import type { ordersConsolePage } from './page.ts'
import type { ConsoleStore } from './store.ts'
import { ORDERS_PATH } from './table.ts'

/** The default hand-off threshold: a selection of more orders than this ships in the background. */
export const BULK_INLINE_MAX = 100

/**
 * The hand-off threshold from `ORDERS_BULK_INLINE_MAX` (a whole number ≥ 0; default 100): a
 * selection of more orders than this, row by row or "all across pages", goes to a background
 * task. 0 hands every bulk ship off. A bad value throws at start-up.
 *
 * @param env - the environment; default `process.env`
 * @example
 * bulkInlineMax({ ORDERS_BULK_INLINE_MAX: '500' }) // 500
 */
export function bulkInlineMax(env: Record<string, string | undefined> = process.env): number {
  const raw = env['ORDERS_BULK_INLINE_MAX']
  if (raw === undefined || raw === '') {
    return BULK_INLINE_MAX
  }
  if (!/^\d{1,9}$/.test(raw)) {
    throw new TypeError(`ORDERS_BULK_INLINE_MAX must be a whole number ≥ 0 (got "${raw}").`)
  }
  return Number(raw)
}

/** What the bulk routes need from the console. */
export interface BulkShipDeps {
  store: () => ConsoleStore
  scopes: BulkScopes
  list: ReturnType<typeof ordersConsolePage>
  /** The app's tasks, for the hand-off (opened on first use). */
  tasks: () => DemoTasks
  /**
   * A task's inline progress with the element that keeps it live (the Tasks' `follow`); `query`
   * goes on the stream's URL, so the table `shipFinished()` sends keeps the list's filters.
   */
  follow: (c: Context, record: TaskRecord, query: string) => Promise<SafeHtml>
  /** Who the activity log names for the request's changes. */
  actor: (c: Context) => string
  /** Selections larger than this are handed off; default `bulkInlineMax()`. */
  inlineMax?: number | undefined
}

const count = new Intl.NumberFormat('en-GB')

function shippedMessage(changed: number): string {
  return `${count.format(changed)} ${changed === 1 ? 'order' : 'orders'} marked shipped`
}

/** What a posted selection asks for: chosen ids, or a verified "all across pages" scope. */
type Selection = { ids: number[] } | { query: string; count: number }

function postedIds(raw: unknown): number[] {
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]
  const ids = values
    .map((v) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : NaN))
    .filter((n) => Number.isInteger(n))
  if (ids.length === 0) {
    throw new HTTPException(400, { message: 'Choose at least one order' })
  }
  return [...new Set(ids)]
}

/** How a failed bulk ship ended, for its toast (the table's refresh takes its progress away). */
function shipFailure(record: TaskRecord): string {
  const cancelled = record.errors.at(-1)?.exceptionClassPath === 'TaskCancelled'
  const done = record.progress?.message ?? ''
  return `Bulk shipping ${cancelled ? 'was cancelled' : 'failed'}${done === '' ? '' : ` after ${done}`}; the orders it reached stay shipped.`
}

/**
 * What the Tasks' inline progress view sends once a bulk ship has finished (its `finished`
 * blocks): the orders table, refreshed for the list query on the stream's URL, so the shipped
 * rows show their new status; after a failure, first a toast saying so (the view's own toast
 * announces a success). Another task, or a stream URL with a bad list query, gets nothing.
 *
 * @param list - the console page (its table partial)
 * @example
 * registerTasks(app, { …, finished: shipFinished(orders.list) })
 */
export function shipFinished(
  list: ReturnType<typeof ordersConsolePage>
): (c: Context, record: TaskRecord) => Promise<SafeHtml | string> {
  const table = list.partials['orders-table']
  return async (c, record) => {
    if (record.taskName !== shipOrders.name) {
      return ''
    }
    try {
      stateOf(c)
    } catch {
      return ''
    }
    const failed =
      record.status === 'FAILED' ? toasts({ message: shipFailure(record), kind: 'error' }) : ''
    // a table that fails to render must not cost the stream its last message (it would stay open
    // on a finished task): the toast says to reload instead
    let rows: SafeHtml
    try {
      rows = await table.render(c)
    } catch (error) {
      console.error('demo: the orders table could not be refreshed after a bulk ship:', error)
      return html`${failed}${toasts({
        message: 'The orders table could not be refreshed: reload the page to see the changes.',
        kind: 'error',
      })}`
    }
    // the toast first: htmx 2 resolves each <hx-partial> target from the polling element, which
    // the table's block takes out of the page
    return html`${failed}${hxPartial(table, rows)}`
  }
}

/**
 * Mounts `POST /orders/bulk/ship`: inline, or handed off to the shipOrders task, whose progress
 * the Tasks' inline live view follows (`deps.follow`; its end refreshes the table through
 * `shipFinished()`).
 *
 * @param app - the demo app
 * @param deps - store, scopes, the console page, the app's tasks and their progress, the actor,
 *   the threshold
 * @example
 * registerBulkShip(app, { store, scopes, list, tasks, follow, actor: () => 'operator' })
 */
export function registerBulkShip(app: Hono, deps: BulkShipDeps): void {
  const inlineMax = deps.inlineMax ?? bulkInlineMax()

  // the posted selection; a stale "all across pages" answers 409 with a fresh bar
  const selection = async (c: Context): Promise<Selection | Response> => {
    const body = await postedFields(c, true)
    const token = body['scope']
    if (typeof token !== 'string') {
      return { ids: postedIds(body['ids']) }
    }
    const scope = deps.scopes.verify(token)
    const filters = ordersList.parse(new URLSearchParams(scope.query)).filters
    const now = deps.store().count(filters)
    if (now !== scope.expected) {
      setNotice(c, {
        notice: `The selection changed: ${String(now)} orders match now, not ${String(scope.expected)}. Mark all ${String(now)} shipped?`,
      })
      return deps.list.respond(c, ['orders-table'], { status: failStatus(c, 409) })
    }
    return { query: scope.query, count: now }
  }

  const handOff = async (c: Context, args: ShipArgs): Promise<Response> => {
    const tasks = deps.tasks()
    const record = (await tasks.shipOrders.enqueue(args)).toJSON()
    tasks.notify.changed(record.id)
    if (getHtmx(c) === null) {
      return c.redirect(taskUrl(record.id), 303)
    }
    setNotice(c, { task: await deps.follow(c, record, ordersList.serialize(stateOf(c))) })
    return deps.list.respond(c, ['orders-table'], { status: 202 })
  }

  app.post(`${ORDERS_PATH}/bulk/ship`, async (c) => {
    const state = stateOf(c)
    const chosen = await selection(c)
    if (chosen instanceof Response) {
      return chosen
    }
    const actor = deps.actor(c)
    const size = 'ids' in chosen ? chosen.ids.length : chosen.count
    if (size > inlineMax) {
      return handOff(
        c,
        'ids' in chosen ? { ids: chosen.ids, actor } : { query: chosen.query, actor }
      )
    }
    const changed = deps
      .store()
      .ship(
        'ids' in chosen
          ? { ids: chosen.ids }
          : { filters: ordersList.parse(new URLSearchParams(chosen.query)).filters },
        actor
      )
    const message = shippedMessage(changed)
    if (getHtmx(c) === null) {
      flash(c, message, 'success')
      return c.redirect(ordersList.href(ORDERS_PATH, state), 303)
    }
    const table = await deps.list.renderPartial(c, 'orders-table')
    return c.html(html`${table}${toasts({ message, kind: 'success' })}`.value)
  })
}
