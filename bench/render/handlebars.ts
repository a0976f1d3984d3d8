/**
 * handlebars 4 with `{{ }}` (escaped) holes, the row and fragment as registered partials
 * (`{{> row}}`), in an isolated environment. Handlebars compiles lazily, so each template is
 * rendered once when this module loads: the timed loop runs the compiled functions only.
 */
import Handlebars from 'handlebars'
import type { Candidate, Dashboard } from './data.ts'
import { dashboard } from './data.ts'

const ROW = `<tr id="order-{{id}}" class="row status-{{status}}">
    <td class="id"><a href="/orders/{{id}}">#{{id}}</a></td>
    <td class="customer">{{customer}}</td>
    <td class="email">{{email}}</td>
    <td class="product">{{product}}</td>
    <td class="num">{{total}}</td>
    <td><span class="badge">{{status}}</span></td>
  </tr>`

const FRAGMENT = `<tbody id="orders">{{#each orders}}{{> row}}{{/each}}</tbody>`

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>{{title}}</title>
    <link rel="stylesheet" href="/hxkit.css">
  </head>
  <body>
    <header class="top">
      <nav class="nav">{{#each nav}}<a class="nav-link" href="{{href}}">{{label}}</a>{{/each}}</nav>
      <span class="user">{{user}}</span>
    </header>
    <main class="content">
      <h1>{{title}}</h1>
      <section class="stats">{{#each stats}}<div class="card">
    <h2 class="card-label">{{label}}</h2>
    <p class="card-value">{{value}}</p>
    <p class="card-delta">{{delta}}</p>
  </div>{{/each}}</section>
      <table class="orders">
        <thead>
          <tr><th>Order</th><th>Customer</th><th>Email</th><th>Product</th><th>Total</th><th>Status</th></tr>
        </thead>
        {{> fragment}}
      </table>
    </main>
  </body>
</html>`

const hb = Handlebars.create()
hb.registerPartial('row', hb.compile(ROW))
hb.registerPartial('fragment', hb.compile(FRAGMENT))
const row = hb.compile(ROW)
const fragment = hb.compile<{ orders: Dashboard['orders'] }>(FRAGMENT)
const page = hb.compile<Dashboard>(PAGE)
page(dashboard(2)) // compiles the page, the fragment and the row partial

/** handlebars, `{{ }}` escaping, compiled before timing. */
export const handlebars: Candidate = {
  name: 'handlebars ({{ }})',
  escapes: true,
  row: (o) => row(o),
  fragment: (orders) => fragment({ orders }),
  page: (d) => page(d),
}
