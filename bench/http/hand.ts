// The overview page as a hand-built string (the physical limit): plain template literals and a
// minimal escaper, the same markup the demo's hxkit page writes, whitespace included.
import { demoAssets } from '../../demo/app.ts'
import { formatDate, formatMoney, statItems } from '../../demo/components.ts'
import type { ActivityRow, OrderRow, Stats } from '../../demo/db.ts'
import { overviewCharts } from '../../demo/orders/charts.ts'
import { ordersUrl } from '../../demo/query.ts'
import type { OrdersQuery, SortKey } from '../../demo/query.ts'
import { ORDER_STATUSES } from '../../demo/seed.ts'
import { HTMX_URL_PREFIX, HXKIT_SCRIPT_URL, HXKIT_STYLESHEET_URL } from '../../src/server/index.ts'
import type { Overview } from './data.ts'
import type { HandUser } from './hand-session.ts'

const TEST = /[&<>"']/
const ALL = /[&<>"']/g
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
const entity = (char: string): string => ENTITIES[char] as string
const esc = (text: string): string => (TEST.test(text) ? text.replace(ALL, entity) : text)

// the demo's files under their content-hash URLs, looked up once (as the demo's layout does)
const assets = demoAssets(4)

/** The demo's stylesheets and scripts (htmx, hx-csp, hxkit.js) under their content-hash URLs. */
export const ASSETS = {
  css: [assets.url(HXKIT_STYLESHEET_URL), assets.url('/demo.css')],
  js: [
    assets.url(`${HTMX_URL_PREFIX}htmx.min.js`),
    assets.url(`${HTMX_URL_PREFIX}ext/hx-csp.js`),
    assets.url(`${HTMX_URL_PREFIX}ext/hx-sse.js`),
    assets.url(HXKIT_SCRIPT_URL),
  ],
} as const
const CSS = ASSETS.css
const JS = ASSETS.js
const CONFIG = esc(JSON.stringify({ includeIndicatorCSS: false, safeEval: true }))
const COLUMNS: readonly { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'id', label: 'Order', numeric: true },
  { key: 'customer', label: 'Customer', numeric: false },
  { key: 'status', label: 'Status', numeric: false },
  { key: 'total', label: 'Total', numeric: true },
  { key: 'created', label: 'Placed', numeric: false },
]

// the demo layout's navigation: each link for the roles that may open it (`/` is the current page)
const NAV = [
  ['/', 'Overview', 'viewer'],
  ['/orders', 'Orders', 'viewer'],
  ['/customers', 'Customers', 'viewer'],
  ['/orders/new', 'New order', 'operator'],
  ['/tasks', 'Tasks', 'viewer'],
  ['/csp-reports', 'CSP reports', 'admin'],
  ['/users', 'Users', 'admin'],
] as const
const RANK: Readonly<Record<string, number>> = { viewer: 0, operator: 1, admin: 2 }

/**
 * The navigation links `user` may see, as `[href, label]`.
 *
 * @param user - who is signed in
 * @example
 * navFor({ name: 'Viewer User', role: 'viewer' })[0] // ['/', 'Overview']
 */
export function navFor(user: HandUser): (readonly [string, string])[] {
  const rank = RANK[user.role] ?? -1
  return NAV.filter(([, , role]) => rank >= (RANK[role] ?? 3)).map(
    ([href, label]) => [href, label] as const
  )
}

function nav(user: HandUser, nonce: string): string {
  let out = ''
  for (const [href, label] of navFor(user)) {
    const current = href === '/' ? ' aria-current="page"' : ''
    out += `<li><a href="${href}"  hx-boost="true" hx-nonce="${nonce}"${current}>${label}</a></li>`
  }
  return out
}

function userBox(user: HandUser): string {
  return `<form class="user-box" method="post" action="/logout">
    <span>${esc(user.name)} <span class="role">(${esc(user.role)})</span></span>
    <button type="submit">Sign out</button>
  </form>`
}

let statusOptions = ''
for (const status of ORDER_STATUSES) {
  statusOptions += `<option value="${status}">${status}</option>`
}

function exportForm(q: Overview['orders']['query'], nonce: string): string {
  return `<form
      class="orders-export"
      method="post"
      action="/tasks/export"
       hx-post="/tasks/export" hx-target="#export-progress" hx-nonce="${nonce}"
    >
      <input type="hidden" name="sort" value="${esc(q.sort)}" />
      <input type="hidden" name="dir" value="${esc(q.dir)}" />
      <label for="export-status-filter">Orders to export</label>
      <select id="export-status-filter" name="status">
        <option value="">All statuses</option>
        ${statusOptions}
      </select>
      <button type="submit">Export to CSV</button>
    </form>
    <div id="export-progress" class="export-progress"></div>`
}

const swap = (href: string, nonce: string): string =>
  ` hx-get="${esc(href)}" hx-target="#orders" hx-swap="outerHTML" hx-push-url="true" hx-nonce="${nonce}"`

function statCards(s: Stats): string {
  const cards = statItems(s)
  let out = `<section id="stats" aria-labelledby="stats-heading"><h2 id="stats-heading" class="visually-hidden">Key figures</h2>
    <dl class="stat-grid">
      `
  for (const [label, value] of cards) {
    out += `<div class="stat-card">
            <dt>${esc(label)}</dt>
            <dd>${esc(value)}</dd>
          </div>`
  }
  return `${out}
    </dl></section>`
}

function sortHeader(column: (typeof COLUMNS)[number], query: OrdersQuery, nonce: string): string {
  const active = query.sort === column.key
  const dir = active && query.dir === 'asc' ? 'desc' : 'asc'
  const href = ordersUrl('/', { sort: column.key, dir, page: 1 })
  const sort = active ? (query.dir === 'asc' ? 'ascending' : 'descending') : null
  return `<th
    scope="col"
    class="${column.numeric ? 'num' : ''}"
    ${sort === null ? '' : `aria-sort="${sort}"`}
  >
    <a href="${esc(href)}" ${swap(href, nonce)}>${esc(column.label)}</a>
  </th>`
}

function orderRow(row: OrderRow): string {
  return `<tr>
    <td class="num">#${String(row.id)}</td>
    <td>${esc(row.customer)}</td>
    <td><span class="status status-${esc(row.status)}">${esc(row.status)}</span></td>
    <td class="num">${esc(formatMoney(row.totalCents))}</td>
    <td><time datetime="${esc(row.createdAt)}">${esc(formatDate(row.createdAt))}</time></td>
  </tr>`
}

function pagerLink(
  target: number,
  text: string,
  rel: string,
  o: Overview['orders'],
  nonce: string
): string {
  if (target < 1 || target > o.pageCount || target === o.page) {
    return `<span class="pager-end" aria-disabled="true">${text}</span>`
  }
  const href = ordersUrl('/', { ...o.query, page: target })
  return `<a href="${esc(href)}" rel="${rel}" ${swap(href, nonce)}>${text}</a>`
}

/**
 * The orders section (the `orders` partial with its wrapper), hand-built.
 *
 * @param o - one page of orders
 * @param nonce - this response's CSP nonce
 * @example
 * handOrders(loadOverview(db, {}).orders, newNonce())
 */
export function handOrders(o: Overview['orders'], nonce: string): string {
  const q = o.query
  let rows = ''
  for (const row of o.rows) {
    rows += orderRow(row)
  }
  return `<section id="orders" aria-labelledby="orders-heading" class="panel"><h2 id="orders-heading">Orders</h2>
    ${exportForm(q, nonce)}
    <table class="data-table">
      <caption class="visually-hidden">
        Orders sorted by ${esc(q.sort)}, ${q.dir === 'asc' ? 'ascending' : 'descending'}
      </caption>
      <thead>
        <tr>
          ${COLUMNS.map((column) => sortHeader(column, q, nonce)).join('')}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
    <nav class="pager" aria-label="Orders pages">
    ${pagerLink(o.page - 1, 'Previous', 'prev', o, nonce)}
    <span class="pager-status">Page ${String(o.page)} of ${String(o.pageCount)}</span>
    ${pagerLink(o.page + 1, 'Next', 'next', o, nonce)}
  </nav></section>`
}

function activityList(entries: readonly ActivityRow[]): string {
  let items = ''
  for (const entry of entries) {
    items += `<li>
            <time datetime="${esc(entry.at)}">${esc(formatDate(entry.at))}</time>
            <span class="actor">${esc(entry.actor)}</span> ${esc(entry.message)}
          </li>`
  }
  return `<section id="activity" aria-labelledby="activity-heading" class="panel"><h2 id="activity-heading">Recent activity</h2>
    <ol class="activity">
      ${items}
    </ol></section>`
}

/**
 * The whole overview document, hand-built. The charts' SVG comes from the demo's chart code, which
 * keeps its last rendering for the same data (as the demo page does): drawing charts by hand is not
 * what this baseline measures.
 *
 * @param data - the overview's data
 * @param user - who is signed in
 * @param nonce - this response's CSP nonce
 * @example
 * res.end(handPage(loadOverview(db, {}), { name: 'Viewer User', role: 'viewer' }, newNonce()))
 */
export function handPage(data: Overview, user: HandUser, nonce: string): string {
  return `<!doctype html>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>Overview · hxkit demo</title>
          <link rel="stylesheet" href="${CSS[0]}" />
          <link rel="stylesheet" href="${CSS[1]}" />
          <meta name="htmx-config" content="${CONFIG}"><script nonce="${nonce}" src="${JS[0]}"></script><script nonce="${nonce}" src="${JS[1]}"></script><script nonce="${nonce}" src="${JS[2]}"></script><script nonce="${nonce}" src="${JS[3]}" defer></script>
        </head>
        <body data-htmx-version="4">
          <a class="skip-link" href="#main">Skip to content</a>
          <header class="app-header">
            <a class="brand" href="/">hxkit demo</a>
            <nav aria-label="Main">
              <ul>
                ${nav(user, nonce)}
              </ul>
            </nav>
            ${userBox(user)}
          </header>
          <main id="main">
            <div id="alerts" class="alerts" aria-live="assertive"></div>
            <h1>Overview</h1>
        ${statCards(data.stats)}<section id="charts" aria-labelledby="charts-heading">${overviewCharts(data.charts).value}</section>
        <div class="columns">${handOrders(data.orders, nonce)}${activityList(data.activity)}</div>
        <div hidden hx-sse:connect="/live/overview?since=${String(Date.now() - 2000)}" hx-sse:close="hxkit:end" hx-nonce="${nonce}"></div>
          </main>
          <div id="toasts" class="hx-toasts" role="status" aria-live="polite" aria-atomic="false"></div>
        </body>
      </html>`
}
