/**
 * ejs 7 with `<%= %>` (escaped) holes, `strict: true` (no `with`, the faster mode) and includes
 * served from memory by an `includer` with `cache: true` (file-based includes would add an
 * `fs.existsSync` per include). Templates are compiled once, when this module loads; the fragment
 * includes the row template and the page the fragment template, as an ejs app would.
 */
import ejs from 'ejs'
import type { IncluderCallback, Options } from 'ejs'
import type { Candidate } from './data.ts'

const ROW = `<tr id="order-<%= it.id %>" class="row status-<%= it.status %>">
    <td class="id"><a href="/orders/<%= it.id %>">#<%= it.id %></a></td>
    <td class="customer"><%= it.customer %></td>
    <td class="email"><%= it.email %></td>
    <td class="product"><%= it.product %></td>
    <td class="num"><%= it.total %></td>
    <td><span class="badge"><%= it.status %></span></td>
  </tr>`

const FRAGMENT = `<tbody id="orders"><% for (const o of it.orders) { %><%- include('row', o) %><% } %></tbody>`

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
        <%- include('fragment', { orders: it.orders }) %>
      </table>
    </main>
  </body>
</html>`

const TEMPLATES: Readonly<Record<string, string>> = { row: ROW, fragment: FRAGMENT }

// ejs 7 takes a filename (the cache key) AND a template from an includer; @types/ejs 3 allows one.
const includer = ((path: string) => ({
  filename: path,
  template: TEMPLATES[path] ?? '',
})) as unknown as IncluderCallback

const options = (filename: string): Options & { async: false; client: false } => ({
  strict: true,
  localsName: 'it',
  cache: true,
  filename,
  includer,
  async: false,
  client: false,
})
const row = ejs.compile(ROW, options('row'))
const fragment = ejs.compile(FRAGMENT, options('fragment'))
const page = ejs.compile(PAGE, options('page'))

/** ejs, `<%= %>` escaping, compiled once. */
export const ejsCandidate: Candidate = {
  name: 'ejs (<%= %>)',
  escapes: true,
  row: (o) => row(o),
  fragment: (orders) => fragment({ orders }),
  page: (d) => page(d),
}
