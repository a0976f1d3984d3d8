// A small list for the component tests: an in-memory table of orders behind the list state, a
// page with one partial, under csp() and htmx(), as an app would mount it.
import { Hono } from 'hono'
import { z } from 'zod'
import { dataTable, listState, loadMore, paginate, pager } from '../../src/components/index.ts'
import type { Column } from '../../src/components/index.ts'
import { csp } from '../../src/csp/index.ts'
import { html } from '../../src/html/index.ts'
import { htmx } from '../../src/htmx/index.ts'
import { partial } from '../../src/partials/index.ts'
import { page } from '../../src/views/index.ts'

export interface Order {
  id: number
  customer: string
  total: number
  status: 'pending' | 'shipped'
}

export const ORDERS: Order[] = Array.from({ length: 42 }, (_, i) => ({
  id: i + 1,
  customer: `Customer <${String(i % 7)}>`,
  total: ((i * 37) % 100) + 1,
  status: i % 3 === 0 ? 'shipped' : 'pending',
}))

export const list = listState({
  filters: { q: z.string().max(50), status: z.enum(['pending', 'shipped']) },
  sortable: ['id', 'total', 'customer'],
  defaultSort: 'id',
  perPage: { default: 10, max: 50 },
})

export const columns: Column<Order>[] = [
  {
    key: 'id',
    label: 'Order',
    sort: true,
    numeric: true,
    rowHeader: true,
    href: (o) => `/orders/${String(o.id)}`,
  },
  { key: 'customer', label: 'Customer', sort: true },
  { key: 'status', label: 'Status', cell: (o) => html`<span class="status">${o.status}</span>` },
  { key: 'total', label: 'Total', sort: 'total', numeric: true },
]

export function query(state: ReturnType<typeof list.parse>): Order[] {
  const q = state.filters.q?.toLowerCase()
  const rows = ORDERS.filter(
    (o) =>
      (q === undefined || o.customer.toLowerCase().includes(q)) &&
      (state.filters.status === undefined || o.status === state.filters.status)
  )
  return rows.sort((a, b) => {
    for (const term of state.sort) {
      const x = a[term.key as keyof Order]
      const y = b[term.key as keyof Order]
      if (x !== y) {
        return (x < y ? -1 : 1) * (term.dir === 'asc' ? 1 : -1)
      }
    }
    return a.id - b.id
  })
}

export const table = partial(
  'orders',
  async (c, self) => {
    const state = list.parse(c.req.query())
    const rows = query(state)
    const result = await paginate(
      { slice: (offset, limit) => rows.slice(offset, offset + limit), count: () => rows.length },
      { page: state.page, perPage: state.perPage }
    )
    const href = (patch: Parameters<typeof list.href>[2]) => list.href('/orders', state, patch)
    return dataTable({
      id: 'orders',
      caption: 'Orders',
      columns,
      rows: result.rows,
      list,
      state,
      path: '/orders',
      target: self,
      count: `${String(result.total)} orders`,
      select: {
        name: 'ids',
        value: (o) => String(o.id),
        label: (o) => `Select order ${String(o.id)}`,
      },
      rowId: (o) => `order-${String(o.id)}`,
      footer: pager(result, { label: 'Orders pages', href, target: self }),
      tail: loadMore(result, { href, rows: 'orders-rows', colspan: 5 }),
    })
  },
  { tag: 'section' }
)

export const ordersPage = page({
  title: 'Orders',
  layout: (body, { title }) =>
    html`<!doctype html><html lang="en"><head><title>${title}</title></head><body><main>${body}</main></body></html>`,
  partials: { orders: table },
  render: (p) => html`<h1>Orders</h1>${p.orders}`,
})

export function ordersApp(): Hono {
  const app = new Hono()
  app.use(csp())
  app.use(htmx())
  app.get('/orders', ordersPage.handler)
  return app
}
