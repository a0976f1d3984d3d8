// The orders console's bulk "mark shipped". A small selection ships inline (200: the table and a
// toast). A large one, more than the hand-off threshold, goes to the shipOrders background task:
// 202 with the table whose bulk bar shows the task's progress, polling this module's progress
// route; when the task ends, that route answers the final progress, the refreshed table (an
// <hx-partial>) and a toast saying how many orders were shipped. Without JavaScript the form's
// POST answers 303: back to the list (inline) or to the task's page (handed off).
import type { Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { flash, taskProgress, toasts } from '../../src/components/index.ts'
import type { BulkScopes } from '../../src/components/index.ts'
import { html } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { getHtmx, stopPolling } from '../../src/htmx/index.ts'
import { hxPartial } from '../../src/partials/index.ts'
import type { TaskRecord } from '../../src/tasks/index.ts'
import { postedFields } from '../posted.ts'
import { shipOrders } from '../tasks/definitions.ts'
import type { ShipArgs } from '../tasks/definitions.ts'
import { isLive, taskUrl } from '../tasks/progress.ts'
import { TASK_ID } from '../tasks/query.ts'
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
  /** Who the activity log names for the request's changes. */
  actor: (c: Context) => string
  /** Selections larger than this are handed off; default `bulkInlineMax()`. */
  inlineMax?: number | undefined
}

// the ids the task store accepts, as the stored task ids look
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

function returned(record: TaskRecord): { rows: number | null } {
  const value = record.returnValue as { rows?: unknown } | null
  return { rows: typeof value?.rows === 'number' ? value.rows : null }
}

/**
 * How a finished bulk ship ended, for its toast: the count shipped, or the failure.
 *
 * @param record - a finished shipOrders task
 * @example
 * shipOutcome(record) // { message: '2,104 orders marked shipped', kind: 'success' }
 */
export function shipOutcome(record: TaskRecord): { message: string; kind: 'success' | 'error' } {
  if (record.status === 'SUCCESSFUL') {
    return { message: shippedMessage(returned(record).rows ?? 0), kind: 'success' }
  }
  const cancelled = record.errors.at(-1)?.exceptionClassPath === 'TaskCancelled'
  const done = record.progress?.message ?? ''
  return {
    message: `Bulk shipping ${cancelled ? 'was cancelled' : 'failed'}${done === '' ? '' : ` after ${done}`}; the orders it reached stay shipped.`,
    kind: 'error',
  }
}

/** The poll URL of a bulk ship's progress, with the list query its final table is drawn for. */
function progressUrl(id: string, query: string): string {
  return `${ORDERS_PATH}/bulk/ship/${encodeURIComponent(id)}${query === '' ? '' : `?${query}`}`
}

/**
 * A bulk ship's progress (the kit's `taskProgress()`), polling its route while the task waits or
 * runs; once finished, without polling, saying how it ended with a link to the task's page.
 *
 * @param record - a shipOrders task
 * @param query - the list's canonical query, so the final table keeps the filters
 * @example
 * shipProgress(result.toJSON(), ordersList.serialize(state))
 */
export function shipProgress(record: TaskRecord, query: string): SafeHtml {
  const live = isLive(record)
  const done = live
    ? undefined
    : html`<p>${shipOutcome(record).message} <a href="${taskUrl(record.id)}">Task details</a></p>`
  return taskProgress({
    id: `ship-${record.id}`,
    label: 'Marking orders shipped',
    status: record.status,
    progress: record.progress,
    poll: progressUrl(record.id, query),
    done,
  })
}

/**
 * Mounts `POST /orders/bulk/ship` (inline or handed off) and `GET /orders/bulk/ship/:task` (the
 * hand-off's progress; its final answer refreshes the table and adds the toast).
 *
 * @param app - the demo app
 * @param deps - store, scopes, the console page, the app's tasks, the actor, the threshold
 * @example
 * registerBulkShip(app, { store, scopes, list, tasks, actor: () => 'operator' })
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
    const record = (await deps.tasks().shipOrders.enqueue(args)).toJSON()
    if (getHtmx(c) === null) {
      return c.redirect(taskUrl(record.id), 303)
    }
    setNotice(c, { task: shipProgress(record, ordersList.serialize(stateOf(c))) })
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

  app.get(`${ORDERS_PATH}/bulk/ship/:task`, async (c) => {
    const id = c.req.param('task')
    const found = TASK_ID.test(id) ? await deps.tasks().backend.getResult(id) : null
    const record = found?.taskName === shipOrders.name ? found : null
    if (getHtmx(c) === null) {
      if (record === null) {
        throw new HTTPException(404, { message: 'No such bulk action' })
      }
      return c.redirect(taskUrl(record.id), 303)
    }
    if (record === null) {
      // discarded or pruned while the page polled it: end the poll
      return stopPolling(
        c,
        html`<div class="hx-task" id="ship-${id}"><p role="status">This bulk action no longer exists.</p></div>`
      )
    }
    const query = ordersList.serialize(stateOf(c))
    const progress = shipProgress(record, query)
    c.header('Cache-Control', 'no-store')
    if (isLive(record)) {
      return c.html(progress.value)
    }
    const table = await deps.list.renderPartial(c, 'orders-table')
    // the toast first: htmx 2 resolves each <hx-partial> target from the polling element, which
    // the table's block takes out of the page
    return c.html(
      html`${progress}${toasts(shipOutcome(record))}${hxPartial(deps.list.partials['orders-table'], table)}`
        .value
    )
  })
}
