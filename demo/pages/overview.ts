// The overview page: stat cards, the sortable and paginated orders table, recent activity.
import type { Context } from 'hono'
import { html } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { partial } from '../../src/partials/index.ts'
import { page } from '../../src/views/index.ts'
import type { Layout } from '../../src/views/index.ts'
import { formatDate, formatMoney, pager, statCards } from '../components.ts'
import type { DemoDb, OrderRow } from '../db.ts'
import { overviewCharts } from '../orders/charts.ts'
import { ordersUrl, parseOrdersQuery } from '../query.ts'
import type { OrdersQuery, SortKey } from '../query.ts'
import { swapLink } from './swap-link.ts'

const COLUMNS: readonly { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'id', label: 'Order', numeric: true },
  { key: 'customer', label: 'Customer' },
  { key: 'status', label: 'Status' },
  { key: 'total', label: 'Total', numeric: true },
  { key: 'created', label: 'Placed' },
]

function sortHeader(
  column: (typeof COLUMNS)[number],
  query: OrdersQuery,
  enhance: (href: string) => SafeHtml
): SafeHtml {
  const active = query.sort === column.key
  const dir = active && query.dir === 'asc' ? 'desc' : 'asc'
  const href = ordersUrl('/', { sort: column.key, dir, page: 1 })
  const ariaSort = active ? (query.dir === 'asc' ? 'ascending' : 'descending') : null
  return html`<th
    scope="col"
    class="${column.numeric === true ? 'num' : ''}"
    ${ariaSort === null ? '' : html`aria-sort="${ariaSort}"`}
  >
    <a href="${href}" ${enhance(href)}>${column.label}</a>
  </th>`
}

function orderRow(row: OrderRow): SafeHtml {
  return html`<tr>
    <td class="num">#${row.id}</td>
    <td>${row.customer}</td>
    <td><span class="status status-${row.status}">${row.status}</span></td>
    <td class="num">${formatMoney(row.totalCents)}</td>
    <td><time datetime="${row.createdAt}">${formatDate(row.createdAt)}</time></td>
  </tr>`
}

/** What the overview page can be given. */
export interface OverviewOptions {
  /** Controls shown above the orders table, for its current state (the CSV export form). */
  ordersTools?: ((query: OrdersQuery) => SafeHtml) | undefined
  /** Renders the element that opens the live stream (hxkit/live). */
  live?: ((c: Context) => SafeHtml) | undefined
}

function ordersTable(
  db: DemoDb,
  c: Context,
  enhance: (href: string) => SafeHtml,
  tools: OverviewOptions['ordersTools']
): SafeHtml {
  const result = db.orders(parseOrdersQuery(c.req.query()))
  const { query } = result
  return html`<h2 id="orders-heading">Orders</h2>
    ${tools?.(query) ?? ''}
    <table class="data-table">
      <caption class="visually-hidden">
        Orders sorted by ${query.sort}, ${query.dir === 'asc' ? 'ascending' : 'descending'}
      </caption>
      <thead>
        <tr>
          ${COLUMNS.map((column) => sortHeader(column, query, enhance))}
        </tr>
      </thead>
      <tbody>
        ${result.rows.map(orderRow)}
      </tbody>
    </table>
    ${pager({
      label: 'Orders pages',
      page: result.page,
      pageCount: result.pageCount,
      url: (n) => ordersUrl('/', { ...query, page: n }),
      enhance,
    })}`
}

function activityList(db: DemoDb): SafeHtml {
  return html`<h2 id="activity-heading">Recent activity</h2>
    <ol class="activity">
      ${db.activity(10).map(
        (entry) =>
          html`<li>
            <time datetime="${entry.at}">${formatDate(entry.at)}</time>
            <span class="actor">${entry.actor}</span> ${entry.message}
          </li>`
      )}
    </ol>`
}

/**
 * Builds the overview page for one database and layout.
 *
 * @param db - the demo database
 * @param layout - the document layout
 * @param options - `ordersTools`: controls above the orders table; `live`: the element that keeps
 *   the stats and activity fresh (hxkit/live)
 * @example
 * app.get('/', overviewPage(db, demoLayout(4, demoAssets(4))).handler)
 */
export function overviewPage(db: DemoDb, layout: Layout, options: OverviewOptions = {}) {
  const stats = partial('stats', () => statCards(db.stats()), {
    tag: 'section',
    attrs: { 'aria-labelledby': 'stats-heading' },
  })
  const orders = partial(
    'orders',
    (c, self) => ordersTable(db, c, swapLink(self), options.ordersTools),
    {
      tag: 'section',
      attrs: { 'aria-labelledby': 'orders-heading', class: 'panel' },
    }
  )
  const activity = partial('activity', () => activityList(db), {
    tag: 'section',
    attrs: { 'aria-labelledby': 'activity-heading', class: 'panel' },
  })
  const charts = partial('charts', () => overviewCharts(db.charts()), {
    tag: 'section',
    attrs: { 'aria-labelledby': 'charts-heading' },
  })
  return page({
    title: 'Overview',
    layout,
    partials: { stats, charts, orders, activity },
    render: (p, c) =>
      html`<h1>Overview</h1>
        ${p.stats}${p.charts}
        <div class="columns">${p.orders}${p.activity}</div>
        ${options.live?.(c) ?? ''}`,
  })
}
