// The order detail page (GET /orders/:id): the facts, the activity timeline, edit in a dialog.
import type { Context } from 'hono'
import { dialog, dialogButton } from '../../src/components/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { html, hx } from '../../src/html/index.ts'
import { partial } from '../../src/partials/index.ts'
import { page } from '../../src/views/index.ts'
import type { Layout } from '../../src/views/index.ts'
import { formatDate, formatMoney } from '../components.ts'
import { ORDER_STATUSES } from '../seed.ts'
import type { ConsoleOrder, ConsoleStore } from './store.ts'
import { ORDERS_PATH, statusBadge } from './table.ts'

const orders = new WeakMap<Request, ConsoleOrder>()

/** Remembers the order a route loaded, for the page's partials. */
export function setOrder(c: Context, order: ConsoleOrder): void {
  orders.set(c.req.raw, order)
}

function orderOf(c: Context): ConsoleOrder {
  return orders.get(c.req.raw) as ConsoleOrder
}

/** The dialog's id on the detail page. */
export const DIALOG_ID = 'order-dialog'

/**
 * The status form inside the dialog: 422 re-renders it with the error, in place.
 *
 * @param order - the order
 * @param [error] - the message after a bad value
 * @example
 * dialogForm(order)
 */
export function dialogForm(order: ConsoleOrder, error?: string): SafeHtml {
  const url = `${ORDERS_PATH}/${String(order.id)}/dialog`
  const invalid =
    error === undefined ? '' : html` aria-invalid="true" aria-describedby="dialog-status-error"`
  return html`<form method="post" action="${url}" class="dialog-form"${hx({ post: url, target: 'this', swap: 'outerHTML' })}><div class="hx-field"><label for="dialog-status">Status</label><select id="dialog-status" name="status"${invalid}>${ORDER_STATUSES.map(
    (s) => html`<option value="${s}"${s === order.status ? ' selected' : ''}>${s}</option>`
  )}</select>${error === undefined ? '' : html`<p class="hx-error" id="dialog-status-error">${error}</p>`}</div><div class="hx-confirm-actions"><button type="button" class="hx-button" commandfor="${DIALOG_ID}" command="close">Cancel</button><button type="submit" class="hx-button">Save</button></div></form>`
}

/**
 * Builds the detail page.
 *
 * @param store - the console's queries
 * @param layout - the document layout
 * @example
 * app.get('/orders/:id', load, orderDetailPage(store, layout).handler)
 */
export function orderDetailPage(store: () => ConsoleStore, layout: Layout) {
  const facts = partial(
    'order-facts',
    (c) => {
      const order = orderOf(c)
      return html`<h2 id="order-facts-heading">Details</h2><dl class="facts"><div><dt>Customer</dt><dd>${order.customer}</dd></div><div><dt>Status</dt><dd>${statusBadge(order.status)}</dd></div><div><dt>Total</dt><dd>${formatMoney(order.totalCents)}</dd></div><div><dt>Placed</dt><dd><time datetime="${order.createdAt}">${formatDate(order.createdAt)}</time></dd></div></dl>`
    },
    { tag: 'section', attrs: { 'aria-labelledby': 'order-facts-heading', class: 'panel' } }
  )
  const timeline = partial(
    'order-timeline',
    (c) => {
      const order = orderOf(c)
      const entries = store().timeline(order.id)
      return html`<h2 id="order-timeline-heading">Activity</h2><ol class="timeline">${entries.map(
        (e) =>
          html`<li><time datetime="${e.at}">${formatDate(e.at)}</time> <span class="actor">${e.actor}</span> ${e.message}</li>`
      )}<li><time datetime="${order.createdAt}">${formatDate(order.createdAt)}</time> Order placed</li></ol>`
    },
    { tag: 'section', attrs: { 'aria-labelledby': 'order-timeline-heading', class: 'panel' } }
  )
  const detail = page({
    title: (c) => `Order #${String(orderOf(c).id)}`,
    layout,
    partials: { 'order-facts': facts, 'order-timeline': timeline },
    render: (p, c) =>
      html`<p><a href="${ORDERS_PATH}">← All orders</a></p>
        <h1>Order #${String(orderOf(c).id)}</h1>
        <p>
          ${dialogButton({
            dialog: DIALOG_ID,
            get: `${ORDERS_PATH}/${String(orderOf(c).id)}/dialog`,
            label: 'Edit status',
            class: 'hx-button',
          })}
        </p>
        <div class="columns">${p['order-facts']}${p['order-timeline']}</div>
        ${dialog({ id: DIALOG_ID, title: 'Edit status' })}`,
  })
  return detail
}
