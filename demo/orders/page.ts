// The orders console page (GET /orders): filters, the keyset-paged data table with bulk shipping,
// inline status edit and delete. The page and its table partial answer every htmx request.
import type { Context } from 'hono'
import { html } from '../../src/html/index.ts'
import { getHtmx, setPushUrl } from '../../src/htmx/index.ts'
import { partial } from '../../src/partials/index.ts'
import { page } from '../../src/views/index.ts'
import type { Layout } from '../../src/views/index.ts'
import { ordersList } from './list.ts'
import type { OrdersListState } from './list.ts'
import { ORDERS_PATH, ordersFilters, ordersTable } from './table.ts'
import type { BulkNotice, TableDeps } from './table.ts'

const states = new WeakMap<Request, OrdersListState>()
const notices = new WeakMap<Request, BulkNotice>()

/** The list state of this request (parsed once; a bad query answers 400). */
export function stateOf(c: Context): OrdersListState {
  let state = states.get(c.req.raw)
  if (state === undefined) {
    state = ordersList.parse(c.req.query())
    states.set(c.req.raw, state)
  }
  return state
}

/** htmx 4 swaps 4xx answers; htmx 2 swaps only 2xx unless configured, so it gets 200. */
export function failStatus<S extends 409 | 422>(c: Context, status: S): 200 | S {
  return getHtmx(c)?.version === 2 ? 200 : status
}

/** Renders the table with a bulk notice: a 409's "the set changed", or a hand-off's progress. */
export function setNotice(c: Context, notice: BulkNotice): void {
  notices.set(c.req.raw, notice)
}

/**
 * Builds the orders console page.
 *
 * @param deps - the store, cursor codec and bulk scopes
 * @param layout - the document layout
 * @example
 * app.get('/orders', ordersConsolePage(deps, layout).handler)
 */
export function ordersConsolePage(deps: TableDeps, layout: Layout) {
  const table = partial(
    'orders-table',
    (c, self) => {
      const state = stateOf(c)
      if (c.var.htmx && c.req.method === 'GET' && c.req.path === ORDERS_PATH) {
        // the canonical URL, whatever the filter form sent (not when another GET, such as the
        // Tasks' progress view ending a bulk hand-off, redraws the table)
        setPushUrl(c, ordersList.href(ORDERS_PATH, state))
      }
      return ordersTable(deps, state, self, notices.get(c.req.raw))
    },
    { tag: 'section', attrs: { 'aria-label': 'Orders table', class: 'panel' } }
  )
  return page({
    title: 'Orders',
    layout,
    partials: { 'orders-table': table },
    render: (p, c) =>
      html`<h1>Orders</h1>
        ${ordersFilters(stateOf(c), table)}${p['orders-table']}`,
  })
}
