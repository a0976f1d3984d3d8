/** hxkit `html`: the same markup as the LIMIT, as tagged templates. */
import { html } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import type { Candidate, NavLink, Order, Stat, Dashboard } from './data.ts'

const kitRow = (o: Order): SafeHtml =>
  html`<tr id="order-${o.id}" class="row status-${o.status}">
    <td class="id"><a href="/orders/${o.id}">#${o.id}</a></td>
    <td class="customer">${o.customer}</td>
    <td class="email">${o.email}</td>
    <td class="product">${o.product}</td>
    <td class="num">${o.total}</td>
    <td><span class="badge">${o.status}</span></td>
  </tr>`

// prettier-ignore
const kitFragment = (orders: readonly Order[]): SafeHtml =>
  html`<tbody id="orders">${orders.map(kitRow)}</tbody>`

const kitCard = (c: Stat): SafeHtml =>
  html`<div class="card">
    <h2 class="card-label">${c.label}</h2>
    <p class="card-value">${c.value}</p>
    <p class="card-delta">${c.delta}</p>
  </div>`

const kitLink = (l: NavLink): SafeHtml => html`<a class="nav-link" href="${l.href}">${l.label}</a>`

// prettier-ignore
const kitPage = (d: Dashboard): SafeHtml =>
  html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>${d.title}</title>
    <link rel="stylesheet" href="/hxkit.css">
  </head>
  <body>
    <header class="top">
      <nav class="nav">${d.nav.map(kitLink)}</nav>
      <span class="user">${d.user}</span>
    </header>
    <main class="content">
      <h1>${d.title}</h1>
      <section class="stats">${d.stats.map(kitCard)}</section>
      <table class="orders">
        <thead>
          <tr><th>Order</th><th>Customer</th><th>Email</th><th>Product</th><th>Total</th><th>Status</th></tr>
        </thead>
        ${kitFragment(d.orders)}
      </table>
    </main>
  </body>
</html>`

/** hxkit `html`: the kit's tagged template, `rows.map(row)` in a hole. */
export const hxkit: Candidate = {
  name: 'hxkit html',
  escapes: true,
  row: (o: Order): string => kitRow(o).value,
  fragment: (orders: readonly Order[]): string => kitFragment(orders).value,
  page: (d: Dashboard): string => kitPage(d).value,
}
