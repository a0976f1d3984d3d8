// The data table page (100 rows, a two-key sort, filters) rendered through dataTable() and
// `html`, against a hand-built string of the same markup. Target: at least 0.80x of the string.
// Run: npm run bench:render (after the page benchmarks) or tsx bench/table.ts
import { z } from 'zod'
import { dataTable, listState } from '../src/components/index.ts'
import type { Column } from '../src/components/index.ts'
import { escapeHtml, html } from '../src/html/index.ts'
import { median } from './lib/stats.ts'

interface Row {
  id: number
  customer: string
  status: string
  total: number
}
const rows: Row[] = Array.from({ length: 100 }, (_, i) => ({
  id: i + 1,
  customer: i % 10 === 0 ? `O'Brien & Sons <${String(i)}>` : `Customer ${String(i)}`,
  status: ['pending', 'shipped', 'delivered'][i % 3] as string,
  total: (i * 3137) % 100_000,
}))
const list = listState({
  filters: { q: z.string(), status: z.enum(['pending', 'shipped', 'delivered']) },
  sortable: ['id', 'total'],
  defaultSort: '-id',
})
const state = list.parse({ status: 'shipped', sort: '-total,id' })
const money = (cents: number) => `€${(cents / 100).toFixed(2)}`
const columns: Column<Row>[] = [
  {
    key: 'id',
    label: 'Order',
    sort: true,
    numeric: true,
    rowHeader: true,
    href: (r) => `/orders/${String(r.id)}`,
  },
  { key: 'customer', label: 'Customer' },
  { key: 'status', label: 'Status', cell: (r) => html`<span class="status">${r.status}</span>` },
  { key: 'total', label: 'Total', sort: true, numeric: true, cell: (r) => money(r.total) },
]
const kit = (): string =>
  dataTable({
    id: 't',
    caption: 'Orders',
    columns,
    rows,
    list,
    state,
    path: '/orders',
    count: '100 orders',
  }).value

// the same markup by string concatenation, escaping each value once
function hand(): string {
  let out =
    '<p class="hx-table-count" id="t-count">100 orders</p><div class="hx-table-wrap"><table class="hx-table" id="t-table"><caption>Orders<span class="visually-hidden">, column headers with links are sortable</span></caption><thead><tr>'
  out +=
    '<th scope="col" class="column-id num"><a class="hx-sort" href="/orders?status=shipped&amp;sort=id%2C-total">Order<span class="hx-sort-glyph" aria-hidden="true">▲</span><sup class="hx-sort-priority">2</sup></a></th>'
  out +=
    '<th scope="col" class="column-customer">Customer</th><th scope="col" class="column-status">Status</th>'
  out +=
    '<th scope="col" class="column-total num" aria-sort="descending"><a class="hx-sort" href="/orders?status=shipped&amp;sort=total%2Cid">Total<span class="hx-sort-glyph" aria-hidden="true">▼</span><sup class="hx-sort-priority">1</sup></a></th>'
  out += '</tr></thead><tbody id="t-rows">'
  for (const r of rows) {
    out += `<tr><th scope="row" class="column-id num"><a href="/orders/${String(r.id)}">${String(r.id)}</a></th><td class="column-customer">${escapeHtml(r.customer)}</td><td class="column-status"><span class="status">${escapeHtml(r.status)}</span></td><td class="column-total num">${escapeHtml(money(r.total))}</td></tr>`
  }
  return out + '</tbody></table></div>'
}

if (kit() !== hand()) {
  throw new Error('the hand-built table differs from dataTable()')
}

function rate(fn: () => string, ms = 400): number {
  let n = 0
  const start = performance.now()
  while (performance.now() - start < ms) {
    fn()
    n++
  }
  return (n / (performance.now() - start)) * 1000
}
const ratios: number[] = []
for (let round = 0; round < 7; round++) {
  ratios.push(rate(kit) / rate(hand))
}
const ratio = median(ratios)
console.log(
  `data table, 100 rows: dataTable() at ${ratio.toFixed(2)}x of a hand-built string (target >= 0.80x)`
)
if (ratio < 0.8) {
  process.exitCode = 1
}
