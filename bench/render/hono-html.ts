/** hono/html `html`: the same markup as the LIMIT, as hono's tagged templates. */
import { html } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import type { Candidate, Dashboard, NavLink, Order, Stat } from './data.ts'

const honoRow = (o: Order): HtmlEscapedString =>
  html`<tr id="order-${o.id}" class="row status-${o.status}">
    <td class="id"><a href="/orders/${o.id}">#${o.id}</a></td>
    <td class="customer">${o.customer}</td>
    <td class="email">${o.email}</td>
    <td class="product">${o.product}</td>
    <td class="num">${o.total}</td>
    <td><span class="badge">${o.status}</span></td>
  </tr>` as HtmlEscapedString

// prettier-ignore
const honoFragment = (orders: readonly Order[]): HtmlEscapedString =>
  html`<tbody id="orders">${orders.map(honoRow)}</tbody>` as HtmlEscapedString

const honoCard = (c: Stat): HtmlEscapedString =>
  html`<div class="card">
    <h2 class="card-label">${c.label}</h2>
    <p class="card-value">${c.value}</p>
    <p class="card-delta">${c.delta}</p>
  </div>` as HtmlEscapedString

const honoLink = (l: NavLink): HtmlEscapedString =>
  html`<a class="nav-link" href="${l.href}">${l.label}</a>` as HtmlEscapedString

// prettier-ignore
const honoPage = (d: Dashboard): HtmlEscapedString =>
  html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>${d.title}</title>
    <link rel="stylesheet" href="/hxkit.css">
  </head>
  <body>
    <header class="top">
      <nav class="nav">${d.nav.map(honoLink)}</nav>
      <span class="user">${d.user}</span>
    </header>
    <main class="content">
      <h1>${d.title}</h1>
      <section class="stats">${d.stats.map(honoCard)}</section>
      <table class="orders">
        <thead>
          <tr><th>Order</th><th>Customer</th><th>Email</th><th>Product</th><th>Total</th><th>Status</th></tr>
        </thead>
        ${honoFragment(d.orders)}
      </table>
    </main>
  </body>
</html>` as HtmlEscapedString

/** hono/html `html`: all holes synchronous, so it returns the string, not a promise. */
export const honoHtml: Candidate = {
  name: 'hono/html html',
  escapes: true,
  row: (o: Order): string => String(honoRow(o)),
  fragment: (orders: readonly Order[]): string => String(honoFragment(orders)),
  page: (d: Dashboard): string => String(honoPage(d)),
}
