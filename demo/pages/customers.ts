// The customers page: a search form and the searchable, paginated customers list.
import type { Context } from 'hono'
import { html, hx, hxNonce } from '../../src/html/index.ts'
import type { PartialLike, SafeHtml } from '../../src/html/index.ts'
import { partial } from '../../src/partials/index.ts'
import { page } from '../../src/views/index.ts'
import type { Layout } from '../../src/views/index.ts'
import { formatMoney, pager } from '../components.ts'
import type { CustomerRow, DemoDb } from '../db.ts'
import { parseSearchQuery, searchUrl } from '../query.ts'
import { swapLink } from './swap-link.ts'

function customerRow(row: CustomerRow): SafeHtml {
  return html`<tr>
    <td>${row.name}</td>
    <td><a href="mailto:${row.email}">${row.email}</a></td>
    <td>${row.city}</td>
    <td class="num">${row.orders}</td>
    <td class="num">${formatMoney(row.spentCents)}</td>
  </tr>`
}

function customersList(db: DemoDb, c: Context, enhance: (href: string) => SafeHtml): SafeHtml {
  const result = db.customers(parseSearchQuery(c.req.query()))
  const { query } = result
  const noun = result.total === 1 ? 'customer' : 'customers'
  const summary = `${String(result.total)} ${noun}${query.q === '' ? '' : ` matching “${query.q}”`}`
  return html`<h2 id="customers-heading">Customers</h2>
    <p class="summary" role="status">${summary}</p>
    <table class="data-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">City</th>
          <th scope="col" class="num">Orders</th>
          <th scope="col" class="num">Spent</th>
        </tr>
      </thead>
      <tbody>
        ${result.rows.map(customerRow)}
      </tbody>
    </table>
    ${pager({
      label: 'Customer pages',
      page: result.page,
      pageCount: result.pageCount,
      url: (n) => searchUrl('/customers', { ...query, page: n }),
      enhance,
    })}`
}

// An hx-on handler: it runs under the strict CSP through htmx 4's hx-csp extension (safeEval),
// and needs the hx-nonce like any element with htmx attributes. htmx 2 cannot run it without
// 'unsafe-eval', so the htmx 2 demo leaves the button out.
function clearButton(): SafeHtml {
  return html`<button
    type="button"
    hx-on:click="const form = this.form; form.elements.namedItem('q').value = ''; form.requestSubmit()"
    ${hxNonce()}
  >
    Clear
  </button>`
}

function searchForm(c: Context, target: PartialLike, hxOn: boolean): SafeHtml {
  const { q } = parseSearchQuery(c.req.query())
  return html`<form
    class="search"
    action="/customers"
    method="get"
    role="search"
    ${hx({ get: '/customers', target, pushUrl: true })}
  >
    <label for="customer-search">Search customers</label>
    <input
      id="customer-search"
      type="search"
      name="q"
      value="${q}"
      maxlength="100"
      autocomplete="off"
    />
    <button type="submit">Search</button>
    ${hxOn ? clearButton() : ''}
  </form>`
}

/**
 * Builds the customers page for one database and layout.
 *
 * @param db - the demo database
 * @param layout - the document layout
 * @param options - `hxOn`: render the `hx-on` Clear button (htmx 4 with hx-csp only)
 * @example
 * app.get('/customers', customersPage(db, demoLayout(4), { hxOn: true }).handler)
 */
export function customersPage(db: DemoDb, layout: Layout, options: { hxOn?: boolean } = {}) {
  const customers = partial('customers', (c, self) => customersList(db, c, swapLink(self)), {
    tag: 'section',
    attrs: { 'aria-labelledby': 'customers-heading', class: 'panel' },
  })
  return page({
    title: 'Customers',
    layout,
    partials: { customers },
    render: (p, c) =>
      html`<h1>Customers</h1>
        ${searchForm(c, customers, options.hxOn === true)} ${p.customers}`,
  })
}
