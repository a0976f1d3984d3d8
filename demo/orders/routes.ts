// The orders console's routes. GETs read (viewer); PUT, POST and DELETE change orders (operator).
import type { Context, Hono, MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import {
  bulkScopes,
  closeDialog,
  cursorCodec,
  flash,
  toastItem,
  toasts,
} from '../../src/components/index.ts'
import { html } from '../../src/html/index.ts'
import { addTrigger, getHtmx } from '../../src/htmx/index.ts'
import type { Layout } from '../../src/views/index.ts'
import { actorOf } from '../actor.ts'
import type { DemoDb } from '../db.ts'
import { guardGroup, isRead } from '../guards.ts'
import type { GroupGuards } from '../guards.ts'
import { postedFields } from '../posted.ts'
import type { DemoTasks } from '../tasks/setup.ts'
import { registerBulkShip, shipFinished } from './bulk.ts'
import type { BulkShipDeps } from './bulk.ts'
import { DIALOG_ID, detailUpdates, dialogForm, orderDetailPage, setOrder } from './detail.ts'
import { failStatus, ordersConsolePage } from './page.ts'
import { editOrderRow, statusSchema } from './row-edit.ts'
import { consoleStore } from './store.ts'
import type { ConsoleOrder, ConsoleStore } from './store.ts'
import { ORDERS_PATH, orderRow } from './table.ts'

/** Where the console's signing secret comes from: `HXKIT_SECRET`, or a fixed development value. */
export function consoleSecret(env: Record<string, string | undefined> = process.env): string {
  return env['HXKIT_SECRET'] ?? 'hxkit-demo-development-secret'
}

async function postedStatus(
  c: Context
): Promise<{ ok: true; status: ConsoleOrder['status'] } | { ok: false; error: string }> {
  const body = await postedFields(c)
  const parsed = statusSchema.safeParse({ status: body['status'] })
  return parsed.success
    ? { ok: true, status: parsed.data.status }
    : { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid status' }
}

/**
 * Mounts the orders console: the list, rows, bulk shipping (large selections handed off to a
 * task), the detail page and its dialog.
 *
 * @param app - the demo app
 * @param deps - the database, the layout, the app's tasks and their inline progress, the guards
 * @example
 * registerOrders(app, { db, layout, tasks, follow, guards: { read: viewer, change: operator } })
 */
export function registerOrders(
  app: Hono,
  deps: {
    db: DemoDb
    layout: Layout
    /** The app's tasks: a large bulk ship is handed off to them. */
    tasks: () => DemoTasks
    /** The Tasks' inline progress (their `follow`): the hand-off's bulk bar shows it. */
    follow: BulkShipDeps['follow']
    secret?: string | undefined
    /** Bulk selections larger than this run as a task; default `ORDERS_BULK_INLINE_MAX` (100). */
    bulkInlineMax?: number | undefined
    /** Who may read the console and who may change orders; default anyone. */
    guards?: GroupGuards | undefined
    /** Called after every change to orders made here (open overviews follow it). */
    onChanged?: (() => void) | undefined
  }
) {
  // the edit row and the edit dialog are GETs that open a change
  guardGroup(
    app,
    ORDERS_PATH,
    deps.guards,
    (c) => !isRead(c) || /\/(?:edit|dialog)$/.test(c.req.path)
  )
  let opened: ConsoleStore | undefined
  const store = (): ConsoleStore =>
    (opened ??= consoleStore(deps.db.sqlite(), { onChange: deps.onChanged }))
  const secret = deps.secret ?? consoleSecret()
  const tableDeps = {
    get store() {
      return store()
    },
    cursors: cursorCodec({ secret }),
    scopes: bulkScopes({ secret }),
  }
  const list = ordersConsolePage(tableDeps, deps.layout)
  const detail = orderDetailPage(store, deps.layout)
  const orders = new WeakMap<Request, ConsoleOrder>()
  const load: MiddlewareHandler = async (c, next) => {
    const order = store().find(Number(c.req.param('id')))
    if (order === undefined) {
      if (c.req.method === 'DELETE') {
        return c.html(
          toastItem({ message: 'That order no longer exists.', kind: 'error' }).value,
          404
        )
      }
      throw new HTTPException(404, { message: 'No such order' })
    }
    orders.set(c.req.raw, order)
    setOrder(c, order)
    await next()
    return undefined
  }
  const orderOf = (c: Context): ConsoleOrder => orders.get(c.req.raw) as ConsoleOrder
  const id = ':id{[0-9]{1,9}}'

  app.get(ORDERS_PATH, list.handler)
  app.get(`${ORDERS_PATH}/${id}`, load, detail.handler)

  app.get(`${ORDERS_PATH}/${id}/row`, load, (c) => c.html(orderRow(orderOf(c)).value))
  app.get(`${ORDERS_PATH}/${id}/row/edit`, load, (c) => c.html(editOrderRow(orderOf(c)).value))
  const saveRow = async (c: Context): Promise<Response> => {
    const order = orderOf(c)
    const posted = await postedStatus(c)
    if (!posted.ok) {
      if (getHtmx(c) === null) {
        throw new HTTPException(422, { message: posted.error })
      }
      return c.html(editOrderRow(order, posted.error).value, failStatus(c, 422))
    }
    store().setStatus(order.id, posted.status, actorOf(c))
    const message = `Order #${String(order.id)} marked ${posted.status}`
    if (getHtmx(c) === null) {
      flash(c, message, 'success')
      return c.redirect(`${ORDERS_PATH}/${String(order.id)}`, 303)
    }
    const saved = store().find(order.id) ?? order
    return c.html(html`${orderRow(saved)}${toasts({ message, kind: 'success' })}`.value)
  }
  app.put(`${ORDERS_PATH}/${id}/row`, load, saveRow)
  app.post(`${ORDERS_PATH}/${id}/row`, load, saveRow)

  app.delete(`${ORDERS_PATH}/${id}`, load, (c) => {
    const order = orderOf(c)
    store().remove(order.id, actorOf(c))
    const message = `Order #${String(order.id)} deleted`
    if (getHtmx(c)?.version === 2) {
      // htmx 2 keeps the row when the answer holds an <hx-partial>: the toast goes by HX-Trigger
      addTrigger(c, 'toast', { message })
      return c.body(null, 200)
    }
    return c.html(toasts({ message, kind: 'success' }).value)
  })
  app.post(`${ORDERS_PATH}/${id}/delete`, load, (c) => {
    const order = orderOf(c)
    store().remove(order.id, actorOf(c))
    flash(c, `Order #${String(order.id)} deleted`, 'success')
    return c.redirect(ORDERS_PATH, 303)
  })

  registerBulkShip(app, {
    store,
    scopes: tableDeps.scopes,
    list,
    tasks: deps.tasks,
    follow: deps.follow,
    actor: actorOf,
    inlineMax: deps.bulkInlineMax,
  })

  app.get(`${ORDERS_PATH}/${id}/dialog`, load, (c) => c.html(dialogForm(orderOf(c)).value))
  app.post(`${ORDERS_PATH}/${id}/dialog`, load, async (c) => {
    const order = orderOf(c)
    const posted = await postedStatus(c)
    if (!posted.ok) {
      return c.html(dialogForm(order, posted.error).value, failStatus(c, 422))
    }
    store().setStatus(order.id, posted.status, actorOf(c))
    const message = `Order #${String(order.id)} marked ${posted.status}`
    if (getHtmx(c) === null) {
      flash(c, message, 'success')
      return c.redirect(`${ORDERS_PATH}/${String(order.id)}`, 303)
    }
    setOrder(c, store().find(order.id) ?? order)
    closeDialog(c, DIALOG_ID)
    const updates = await detailUpdates(detail, c)
    return c.html(
      html`${dialogForm(store().find(order.id) ?? order)}${updates}${toasts({ message, kind: 'success' })}`
        .value
    )
  })
  // for the Tasks' inline progress view: the table it sends once a bulk ship has finished
  return { list, detail, store, shipFinished: shipFinished(list) }
}
