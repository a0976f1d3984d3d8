/**
 * eta 4 with `autoEscape: true` (`<%= %>` escapes) and `autoTrim: false` (so it writes the LIMIT's
 * whitespace). Templates are compiled once, when this module loads; the fragment includes the row
 * template and the page the fragment template (`include('@row', o)`), as an eta app would.
 */
import { Eta } from 'eta'
import type { Candidate } from './data.ts'

const ROW = `<tr id="order-<%= it.id %>" class="row status-<%= it.status %>">
    <td class="id"><a href="/orders/<%= it.id %>">#<%= it.id %></a></td>
    <td class="customer"><%= it.customer %></td>
    <td class="email"><%= it.email %></td>
    <td class="product"><%= it.product %></td>
    <td class="num"><%= it.total %></td>
    <td><span class="badge"><%= it.status %></span></td>
  </tr>`

const FRAGMENT = `<tbody id="orders"><% for (const o of it.orders) { %><%~ include('@row', o) %><% } %></tbody>`

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title><%= it.title %></title>
    <link rel="stylesheet" href="/hxkit.css">
  </head>
  <body>
    <header class="top">
      <nav class="nav"><% for (const l of it.nav) { %><a class="nav-link" href="<%= l.href %>"><%= l.label %></a><% } %></nav>
      <span class="user"><%= it.user %></span>
    </header>
    <main class="content">
      <h1><%= it.title %></h1>
      <section class="stats"><% for (const c of it.stats) { %><div class="card">
    <h2 class="card-label"><%= c.label %></h2>
    <p class="card-value"><%= c.value %></p>
    <p class="card-delta"><%= c.delta %></p>
  </div><% } %></section>
      <table class="orders">
        <thead>
          <tr><th>Order</th><th>Customer</th><th>Email</th><th>Product</th><th>Total</th><th>Status</th></tr>
        </thead>
        <%~ include('@fragment', { orders: it.orders }) %>
      </table>
    </main>
  </body>
</html>`

const eta = new Eta({ autoEscape: true, autoTrim: false, cache: true })
eta.loadTemplate('@row', ROW)
eta.loadTemplate('@fragment', FRAGMENT)
const row = eta.compile(ROW)
const fragment = eta.compile(FRAGMENT)
const page = eta.compile(PAGE)

/** eta, autoEscape on, compiled once. */
export const etaCandidate: Candidate = {
  name: 'eta (autoEscape)',
  escapes: true,
  row: (o) => eta.render(row, o),
  fragment: (orders) => eta.render(fragment, { orders }),
  page: (d) => eta.render(page, d),
}
