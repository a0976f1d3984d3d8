// The view model the ejs template reads: what an express + ejs app would compute in its route.
import { formatDate, formatMoney, statItems } from '../../demo/components.ts'
import { overviewCharts } from '../../demo/orders/charts.ts'
import { ordersUrl } from '../../demo/query.ts'
import type { SortKey } from '../../demo/query.ts'
import { ORDER_STATUSES } from '../../demo/seed.ts'
import type { Overview } from './data.ts'
import type { HandUser } from './hand-session.ts'
import { ASSETS, navFor } from './hand.ts'

const CONFIG = JSON.stringify({ includeIndicatorCSS: false, safeEval: true })
const COLUMNS: readonly { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'id', label: 'Order', numeric: true },
  { key: 'customer', label: 'Customer', numeric: false },
  { key: 'status', label: 'Status', numeric: false },
  { key: 'total', label: 'Total', numeric: true },
  { key: 'created', label: 'Placed', numeric: false },
]

/**
 * Builds the locals of `views/overview.ejs`.
 *
 * @param data - the overview's data
 * @param user - who is signed in
 * @param nonce - this response's CSP nonce
 * @example
 * res.render('overview', ejsModel(loadOverview(db, req.query), user, newNonce()))
 */
export function ejsModel(data: Overview, user: HandUser, nonce: string): Record<string, unknown> {
  const { stats: s, orders: o } = data
  const q = o.query
  const link = (target: number, text: string, rel: string) =>
    target < 1 || target > o.pageCount || target === o.page
      ? { text, rel, href: null }
      : { text, rel, href: ordersUrl('/', { ...q, page: target }) }
  return {
    config: CONFIG,
    assets: ASSETS,
    nonce,
    nav: navFor(user),
    user,
    statuses: ORDER_STATUSES,
    since: Date.now() - 2000,
    cards: statItems(s),
    charts: overviewCharts(data.charts).value,
    headers: COLUMNS.map((column) => {
      const active = q.sort === column.key
      const dir = active && q.dir === 'asc' ? 'desc' : 'asc'
      const sort = active ? (q.dir === 'asc' ? 'ascending' : 'descending') : null
      return { ...column, sort, href: ordersUrl('/', { sort: column.key, dir, page: 1 }) }
    }),
    orders: o,
    pager: [link(o.page - 1, 'Previous', 'prev'), link(o.page + 1, 'Next', 'next')],
    activity: data.activity,
    money: formatMoney,
    date: formatDate,
  }
}
