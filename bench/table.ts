// The data table page (100 rows, a two-key sort, filters) rendered through dataTable() and
// `html`, against a hand-built string of the same markup. Target: at least 0.80x of the string.
// Run: npm run bench:table (exits non-zero below the target), or as part of npm run bench:render
// (after the page benchmarks, reported there without failing the run). docs/performance.md.
import { z } from 'zod'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
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

// this process's CPU time (user + system) in ms: on a shared machine the time it waits for a core
// is not counted, so the two sides are compared on the work they do
function cpuMs(): number {
  const used = process.cpuUsage()
  return (used.user + used.system) / 1000
}

// renders per CPU second over a batch of about `ms` milliseconds of wall time
function rate(fn: () => string, ms: number): number {
  let n = 0
  const start = performance.now()
  const cpu = cpuMs()
  while (performance.now() - start < ms) {
    fn()
    n++
  }
  return (n / Math.max(cpuMs() - cpu, 0.001)) * 1000
}

/** The data table benchmark's result: the median and each round's ratio. */
export interface TableBenchResult {
  /** Median over rounds of dataTable()'s renders per second ÷ the hand-built string's. */
  readonly ratio: number
  readonly ratios: readonly number[]
  /** The target the ratio is held to. */
  readonly target: number
}

/**
 * Checks that dataTable() and the hand-built string agree, then times them in adjacent batches
 * per round (15 rounds of 2 × 200 ms after a warm-up; quick: 7 × 2 × 100 ms), each batch as
 * renders per CPU second of this process.
 *
 * @param options - rounds and batch length; `quick` shortens both
 * @example
 * const { ratio } = runTableBench({ quick: true })
 */
export function runTableBench(options: { quick?: boolean } = {}): TableBenchResult {
  if (kit() !== hand()) {
    throw new Error('the hand-built table differs from dataTable()')
  }
  const rounds = options.quick === true ? 7 : 15
  const ms = options.quick === true ? 100 : 200
  rate(kit, ms)
  rate(hand, ms)
  const ratios: number[] = []
  for (let round = 0; round < rounds; round++) {
    // which side goes first alternates, so a drift within a round favours neither
    if (round % 2 === 0) {
      const ours = rate(kit, ms)
      ratios.push(ours / rate(hand, ms))
    } else {
      const theirs = rate(hand, ms)
      ratios.push(rate(kit, ms) / theirs)
    }
  }
  return { ratio: median(ratios), ratios, target: 0.8 }
}

/**
 * The result as one line of text.
 *
 * @param result - from `runTableBench()`
 * @example
 * console.log(tableBenchLine(runTableBench()))
 */
export function tableBenchLine(result: TableBenchResult): string {
  const spread = `${Math.min(...result.ratios).toFixed(2)}–${Math.max(...result.ratios).toFixed(2)}`
  return `data table, 100 rows: dataTable() at ${result.ratio.toFixed(2)}x of a hand-built string (rounds ${spread}; target >= ${result.target.toFixed(2)}x)`
}

if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? '')) {
  const result = runTableBench()
  console.log(tableBenchLine(result))
  if (result.ratio < result.target) {
    process.exitCode = 1
  }
}
