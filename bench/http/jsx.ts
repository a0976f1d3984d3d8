// The overview page with hono/jsx (`jsx()` calls, what a .tsx file compiles to).
import { raw } from 'hono/html'
import { jsx } from 'hono/jsx'
import { formatDate, formatMoney, statItems } from '../../demo/components.ts'
import type { ActivityRow, OrderRow, Stats } from '../../demo/db.ts'
import { overviewCharts } from '../../demo/orders/charts.ts'
import { ordersUrl } from '../../demo/query.ts'
import type { OrdersQuery, SortKey } from '../../demo/query.ts'
import { ORDER_STATUSES } from '../../demo/seed.ts'
import type { Overview } from './data.ts'
import type { HandUser } from './hand-session.ts'
import { ASSETS, navFor } from './hand.ts'

type Node = ReturnType<typeof jsx>

const CONFIG = JSON.stringify({ includeIndicatorCSS: false, safeEval: true })
const COLUMNS: readonly { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'id', label: 'Order', numeric: true },
  { key: 'customer', label: 'Customer', numeric: false },
  { key: 'status', label: 'Status', numeric: false },
  { key: 'total', label: 'Total', numeric: true },
  { key: 'created', label: 'Placed', numeric: false },
]

const swap = (href: string, nonce: string): Record<string, string> => ({
  'hx-get': href,
  'hx-target': '#orders',
  'hx-swap': 'outerHTML',
  'hx-push-url': 'true',
  'hx-nonce': nonce,
})

function StatCards({ s }: { s: Stats }): Node {
  const cards = statItems(s)
  return jsx(
    'section',
    { id: 'stats', 'aria-labelledby': 'stats-heading' },
    jsx('h2', { id: 'stats-heading', class: 'visually-hidden' }, 'Key figures'),
    jsx(
      'dl',
      { class: 'stat-grid' },
      ...cards.map(([label, value]) =>
        jsx('div', { class: 'stat-card' }, jsx('dt', {}, label), jsx('dd', {}, value))
      )
    )
  )
}

function SortHeader(props: {
  column: (typeof COLUMNS)[number]
  q: OrdersQuery
  nonce: string
}): Node {
  const { column, q, nonce } = props
  const active = q.sort === column.key
  const dir = active && q.dir === 'asc' ? 'desc' : 'asc'
  const href = ordersUrl('/', { sort: column.key, dir, page: 1 })
  const sort = active ? (q.dir === 'asc' ? 'ascending' : 'descending') : undefined
  return jsx(
    'th',
    { scope: 'col', class: column.numeric ? 'num' : '', 'aria-sort': sort },
    jsx('a', { href, ...swap(href, nonce) }, column.label)
  )
}

function OrderRowView({ row }: { row: OrderRow }): Node {
  return jsx(
    'tr',
    {},
    jsx('td', { class: 'num' }, '#', row.id),
    jsx('td', {}, row.customer),
    jsx('td', {}, jsx('span', { class: `status status-${row.status}` }, row.status)),
    jsx('td', { class: 'num' }, formatMoney(row.totalCents)),
    jsx('td', {}, jsx('time', { datetime: row.createdAt }, formatDate(row.createdAt)))
  )
}

function PagerLink(props: {
  target: number
  text: string
  rel: string
  o: Overview['orders']
  nonce: string
}) {
  const { target, text, rel, o, nonce } = props
  if (target < 1 || target > o.pageCount || target === o.page) {
    return jsx('span', { class: 'pager-end', 'aria-disabled': 'true' }, text)
  }
  const href = ordersUrl('/', { ...o.query, page: target })
  return jsx('a', { href, rel, ...swap(href, nonce) }, text)
}

function ExportForm({ q, nonce }: { q: OrdersQuery; nonce: string }): Node[] {
  return [
    jsx(
      'form',
      {
        class: 'orders-export',
        method: 'post',
        action: '/tasks/export',
        'hx-post': '/tasks/export',
        'hx-target': '#export-progress',
        'hx-nonce': nonce,
      },
      jsx('input', { type: 'hidden', name: 'sort', value: q.sort }),
      jsx('input', { type: 'hidden', name: 'dir', value: q.dir }),
      jsx('label', { for: 'export-status-filter' }, 'Orders to export'),
      jsx(
        'select',
        { id: 'export-status-filter', name: 'status' },
        jsx('option', { value: '' }, 'All statuses'),
        ...ORDER_STATUSES.map((status) => jsx('option', { value: status }, status))
      ),
      jsx('button', { type: 'submit' }, 'Export to CSV')
    ),
    jsx('div', { id: 'export-progress', class: 'export-progress' }),
  ]
}

function Orders({ o, nonce }: { o: Overview['orders']; nonce: string }): Node {
  const q = o.query
  return jsx(
    'section',
    { id: 'orders', 'aria-labelledby': 'orders-heading', class: 'panel' },
    jsx('h2', { id: 'orders-heading' }, 'Orders'),
    ...ExportForm({ q, nonce }),
    jsx(
      'table',
      { class: 'data-table' },
      jsx(
        'caption',
        { class: 'visually-hidden' },
        `Orders sorted by ${q.sort}, ${q.dir === 'asc' ? 'ascending' : 'descending'}`
      ),
      jsx(
        'thead',
        {},
        jsx('tr', {}, ...COLUMNS.map((column) => jsx(SortHeader, { column, q, nonce })))
      ),
      jsx('tbody', {}, ...o.rows.map((row) => jsx(OrderRowView, { row })))
    ),
    jsx(
      'nav',
      { class: 'pager', 'aria-label': 'Orders pages' },
      jsx(PagerLink, { target: o.page - 1, text: 'Previous', rel: 'prev', o, nonce }),
      jsx('span', { class: 'pager-status' }, `Page ${String(o.page)} of ${String(o.pageCount)}`),
      jsx(PagerLink, { target: o.page + 1, text: 'Next', rel: 'next', o, nonce })
    )
  )
}

function Activity({ entries }: { entries: readonly ActivityRow[] }): Node {
  return jsx(
    'section',
    { id: 'activity', 'aria-labelledby': 'activity-heading', class: 'panel' },
    jsx('h2', { id: 'activity-heading' }, 'Recent activity'),
    jsx(
      'ol',
      { class: 'activity' },
      ...entries.map((entry) =>
        jsx(
          'li',
          {},
          jsx('time', { datetime: entry.at }, formatDate(entry.at)),
          jsx('span', { class: 'actor' }, entry.actor),
          ' ',
          entry.message
        )
      )
    )
  )
}

function Head({ nonce }: { nonce: string }): Node {
  return jsx(
    'head',
    {},
    jsx('meta', { charset: 'utf-8' }),
    jsx('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    jsx('title', {}, 'Overview · hxkit demo'),
    jsx('link', { rel: 'stylesheet', href: ASSETS.css[0] }),
    jsx('link', { rel: 'stylesheet', href: ASSETS.css[1] }),
    jsx('meta', { name: 'htmx-config', content: CONFIG }),
    jsx('script', { nonce, src: ASSETS.js[0] }),
    jsx('script', { nonce, src: ASSETS.js[1] }),
    jsx('script', { nonce, src: ASSETS.js[2] }),
    jsx('script', { nonce, src: ASSETS.js[3], defer: true })
  )
}

function Header({ user, nonce }: { user: HandUser; nonce: string }): Node {
  return jsx(
    'header',
    { class: 'app-header' },
    jsx('a', { class: 'brand', href: '/' }, 'hxkit demo'),
    jsx(
      'nav',
      { 'aria-label': 'Main' },
      jsx(
        'ul',
        {},
        ...navFor(user).map(([href, label]) =>
          jsx(
            'li',
            {},
            jsx(
              'a',
              {
                href,
                'hx-boost': 'true',
                'hx-nonce': nonce,
                'aria-current': href === '/' ? 'page' : undefined,
              },
              label
            )
          )
        )
      )
    ),
    jsx(
      'form',
      { class: 'user-box', method: 'post', action: '/logout' },
      jsx('span', {}, user.name, ' ', jsx('span', { class: 'role' }, `(${user.role})`)),
      jsx('button', { type: 'submit' }, 'Sign out')
    )
  )
}

/**
 * The overview document as a hono/jsx element (render it with `toString()` or `c.html()`).
 *
 * @param data - the overview's data
 * @param user - who is signed in
 * @param nonce - this response's CSP nonce
 * @example
 * c.html(jsxPage(loadOverview(db, {}), user, newNonce()).toString())
 */
export function jsxPage(data: Overview, user: HandUser, nonce: string): Node {
  return jsx(
    'html',
    { lang: 'en' },
    jsx(Head, { nonce }),
    jsx(
      'body',
      { 'data-htmx-version': '4' },
      jsx('a', { class: 'skip-link', href: '#main' }, 'Skip to content'),
      jsx(Header, { user, nonce }),
      jsx(
        'main',
        { id: 'main' },
        jsx('div', { id: 'alerts', class: 'alerts', 'aria-live': 'assertive' }),
        jsx('h1', {}, 'Overview'),
        jsx(StatCards, { s: data.stats }),
        jsx(
          'section',
          { id: 'charts', 'aria-labelledby': 'charts-heading' },
          raw(overviewCharts(data.charts).value)
        ),
        jsx(
          'div',
          { class: 'columns' },
          jsx(Orders, { o: data.orders, nonce }),
          jsx(Activity, { entries: data.activity })
        ),
        jsx('div', {
          hidden: true,
          'hx-sse:connect': `/live/overview?since=${String(Date.now() - 2000)}`,
          'hx-sse:close': 'hxkit:end',
          'hx-nonce': nonce,
        })
      ),
      jsx('div', {
        id: 'toasts',
        class: 'hx-toasts',
        role: 'status',
        'aria-live': 'polite',
        'aria-atomic': 'false',
      })
    )
  )
}
