// The order detail page (GET /orders/:id): the order's details, activity and customer as tabs
// (?tab=), the status edited in a dialog.
import type { Context } from 'hono'
import { dialog, dialogButton, tabs } from '../../src/components/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { html, hx } from '../../src/html/index.ts'
import { getHtmx } from '../../src/htmx/index.ts'
import { hxPartial, partial } from '../../src/partials/index.ts'
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

/** The detail page's tabs, the first one the default (its URL has no `?tab=`). */
export const DETAIL_TABS = [
  { key: 'details', label: 'Details' },
  { key: 'activity', label: 'Activity' },
  { key: 'customer', label: 'Customer' },
] as const
type DetailTab = (typeof DETAIL_TABS)[number]['key']

/**
 * The tab a request shows: `?tab=` of a GET (an unknown value shows the default); for a POST
 * (the dialog's save), the tab of the page it came from (`HX-Current-URL`).
 *
 * @param c - the context
 * @example
 * selectedTab(c) // 'activity' for GET /orders/12?tab=activity
 */
export function selectedTab(c: Context): DetailTab {
  let value = c.req.query('tab')
  const current = getHtmx(c)?.currentUrl
  if (c.req.method !== 'GET' && current != null) {
    value = new URL(current).searchParams.get('tab') ?? undefined
  }
  return DETAIL_TABS.find((tab) => tab.key === value)?.key ?? 'details'
}

/**
 * The URL of one tab of an order: the default tab has none of `?tab=`, so it stays canonical.
 *
 * @param id - the order's id
 * @param tab - the tab
 * @example
 * tabHref(12, 'activity') // '/orders/12?tab=activity'
 */
export function tabHref(id: number, tab: DetailTab): string {
  const path = `${ORDERS_PATH}/${String(id)}`
  return tab === 'details' ? path : `${path}?tab=${tab}`
}

/**
 * Builds the detail page: a heading, the Edit status dialog, and the order's tabs (details,
 * activity, customer) as server-side tabs: each tab a link with its own URL, swapped by htmx.
 *
 * @param store - the console's queries
 * @param layout - the document layout
 * @example
 * app.get('/orders/:id', load, orderDetailPage(store, layout).handler)
 */
export function orderDetailPage(store: () => ConsoleStore, layout: Layout) {
  const panels: Record<DetailTab, (order: ConsoleOrder) => SafeHtml> = {
    details: (order) =>
      html`<dl class="facts" id="order-facts"><div><dt>Customer</dt><dd>${order.customer}</dd></div><div><dt>Status</dt><dd>${statusBadge(order.status)}</dd></div><div><dt>Total</dt><dd>${formatMoney(order.totalCents)}</dd></div><div><dt>Placed</dt><dd><time datetime="${order.createdAt}">${formatDate(order.createdAt)}</time></dd></div></dl>`,
    activity: (order) =>
      html`<ol class="timeline" id="order-timeline">${store()
        .timeline(order.id)
        .map(
          (e) =>
            html`<li><time datetime="${e.at}">${formatDate(e.at)}</time> <span class="actor">${e.actor}</span> ${e.message}</li>`
        )}<li><time datetime="${order.createdAt}">${formatDate(order.createdAt)}</time> Order placed</li></ol>`,
    customer: (order) =>
      html`<p>Ordered by <strong>${order.customer}</strong>.</p><ul><li><a href="${ORDERS_PATH}?q=${encodeURIComponent(order.customer)}">All orders of ${order.customer}</a></li><li><a href="/customers?q=${encodeURIComponent(order.customer)}">${order.customer} in the customer list</a></li></ul>`,
  }
  const orderTabs = partial(
    'order-tabs',
    (c, self) => {
      const order = orderOf(c)
      const selected = selectedTab(c)
      return tabs({
        id: 'order-view',
        label: `Order #${String(order.id)}`,
        selected,
        target: self,
        panel: panels[selected](order),
        tabs: DETAIL_TABS.map((tab) => ({
          key: tab.key,
          label: tab.label,
          href: tabHref(order.id, tab.key),
        })),
      })
    },
    { tag: 'section', attrs: { 'aria-label': 'Order', class: 'panel' } }
  )
  const detail = page({
    title: (c) => `Order #${String(orderOf(c).id)}`,
    layout,
    partials: { 'order-tabs': orderTabs },
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
        ${p['order-tabs']}
        ${dialog({ id: DIALOG_ID, title: 'Edit status' })}`,
  })
  return detail
}

/**
 * What a saved dialog changes on the detail page: the tabs partial, re-rendered on the tab the
 * page shows, as an `<hx-partial>` block for the dialog's answer.
 *
 * @param detail - the detail page
 * @param c - the context of the dialog's POST (its order already set with `setOrder()`)
 * @example
 * c.html(html`${dialogForm(order)}${await detailUpdates(detail, c)}`.value)
 */
export async function detailUpdates(
  detail: ReturnType<typeof orderDetailPage>,
  c: Context
): Promise<SafeHtml> {
  const tabsMarkup = await detail.renderPartial(c, 'order-tabs')
  return hxPartial(detail.partials['order-tabs'], tabsMarkup)
}
