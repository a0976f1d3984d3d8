/**
 * Render benchmark: a ~34 KB dashboard page (layout with nav, 8 stat cards, a 100-row orders
 * table), the 100-row fragment and one row, each rendered by the LIMIT (a hand-written string
 * builder with a minimal escaper), hxkit `html`, hono/html `html` and hono/jsx.
 *
 * Run: `npm run bench:render` (30–50 s) or `npm run bench:render -- --quick` (~3 s).
 * Results and method: docs/performance.md.
 */
import { html as honoHtml } from 'hono/html'
import { Fragment, jsx } from 'hono/jsx'
import type { HtmlEscapedString } from 'hono/utils/html'
import os from 'node:os'
import { html } from '../src/html/index.ts'
import type { SafeHtml } from '../src/html/index.ts'

// ---------------------------------------------------------------------------------------------
// Deterministic data: about a third of the text holes need escaping.
// ---------------------------------------------------------------------------------------------

export interface Order {
  readonly id: number
  readonly customer: string
  readonly email: string
  readonly product: string
  readonly total: string
  readonly status: string
}

export interface Stat {
  readonly label: string
  readonly value: string
  readonly delta: string
}

export interface NavLink {
  readonly href: string
  readonly label: string
}

export interface Dashboard {
  readonly title: string
  readonly user: string
  readonly nav: readonly NavLink[]
  readonly stats: readonly Stat[]
  readonly orders: readonly Order[]
}

const HOSTILE = [
  '<script>alert("x")</script>',
  "O'Brien & Sons",
  '"Quoted" <Co>',
  'Tom & Jerry Ltd.',
  '<img src=x onerror=alert(1)>',
  'Smith > Jones',
]
const NAMES = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Edsger Dijkstra', 'Barbara Liskov']
const PRODUCTS = ['Standing desk', 'Monitor arm', 'USB-C dock', 'Ergonomic chair', 'Desk lamp']
const STATUSES = ['paid', 'pending', 'refunded', 'shipped']

// A small LCG, so the data is the same on every run.
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

function order(i: number, next: () => number): Order {
  const name = NAMES[i % NAMES.length] as string
  return {
    id: 10000 + i,
    customer: i % 3 !== 1 ? (HOSTILE[Math.floor(i / 3) % HOSTILE.length] as string) : name,
    email: i % 2 === 1 ? `r&d+${String(i)}@example.com` : `user${String(i)}@example.com`,
    product:
      i % 3 !== 2
        ? `${PRODUCTS[i % PRODUCTS.length] as string} "XL" <v2>`
        : (PRODUCTS[i % PRODUCTS.length] as string),
    total: (next() * 2000).toFixed(2),
    status: STATUSES[i % STATUSES.length] as string,
  }
}

/** Builds the dashboard data: 6 nav links, 8 stat cards, `rows` orders. */
function dashboard(rows = 100): Dashboard {
  const next = random(42)
  return {
    title: 'Orders & revenue',
    user: "Zoë O'Neil <admin>",
    nav: ['Dashboard', 'Orders', 'Customers', 'Products', 'Reports', 'Settings'].map((label) => ({
      href: `/${label.toLowerCase()}`,
      label,
    })),
    stats: Array.from({ length: 8 }, (_, i) => ({
      label: i % 3 === 0 ? `Returns & refunds ${String(i)}` : `Metric ${String(i)}`,
      value: (next() * 100000).toFixed(0),
      delta: i % 2 === 0 ? `+${(next() * 10).toFixed(1)}%` : `-${(next() * 10).toFixed(1)}%`,
    })),
    orders: Array.from({ length: rows }, (_, i) => order(i, next)),
  }
}

/** One way to render the dashboard, its fragment and a row. */
interface Renderers {
  readonly page: (d: Dashboard) => string
  readonly fragment: (orders: readonly Order[]) => string
  readonly row: (o: Order) => string
}

const NEEDS_ESCAPE = /[&<>"']/

/** The share of the text holes of a rendered dashboard that need escaping. */
function escapeShare(d: Dashboard): number {
  const texts = [
    d.title,
    d.title,
    d.user,
    ...d.nav.flatMap((l) => [l.href, l.label]),
    ...d.stats.flatMap((c) => [c.label, c.value, c.delta]),
    ...d.orders.flatMap((o) => [o.status, o.customer, o.email, o.product, o.total, o.status]),
  ]
  return texts.filter((text) => NEEDS_ESCAPE.test(text)).length / texts.length
}

// ---------------------------------------------------------------------------------------------
// (a) The LIMIT: `+=` concatenation and a hand-written escaper, the same bytes as the templates.
// ---------------------------------------------------------------------------------------------

/**
 * The LIMIT: a hand-written string builder (`+=`) with a minimal, fast escaper. It writes exactly
 * the bytes the template versions write, whitespace included.
 */

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

// The builder takes its escaper: the LIMIT runs it with a hand-written loop escaper, the naive
// variant with the common test-then-replace one.
function stringBuilder(esc: (text: string) => string): Renderers {
  function limitRow(o: Order): string {
    let s = '<tr id="order-' + String(o.id) + '" class="row status-' + esc(o.status) + '">\n    '
    s +=
      '<td class="id"><a href="/orders/' + String(o.id) + '">#' + String(o.id) + '</a></td>\n    '
    s += '<td class="customer">' + esc(o.customer) + '</td>\n    '
    s += '<td class="email">' + esc(o.email) + '</td>\n    '
    s += '<td class="product">' + esc(o.product) + '</td>\n    '
    s += '<td class="num">' + esc(o.total) + '</td>\n    '
    s += '<td><span class="badge">' + esc(o.status) + '</span></td>\n  '
    return s + '</tr>'
  }

  function limitFragment(orders: readonly Order[]): string {
    let s = '<tbody id="orders">'
    for (const o of orders) {
      s += limitRow(o)
    }
    return s + '</tbody>'
  }

  function limitCard(c: Stat): string {
    let s = '<div class="card">\n    <h2 class="card-label">' + esc(c.label) + '</h2>\n    '
    s += '<p class="card-value">' + esc(c.value) + '</p>\n    '
    return s + '<p class="card-delta">' + esc(c.delta) + '</p>\n  </div>'
  }

  function limitLink(l: NavLink): string {
    return '<a class="nav-link" href="' + esc(l.href) + '">' + esc(l.label) + '</a>'
  }

  function limitPage(d: Dashboard): string {
    let s = '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8">\n    '
    s += '<title>' + esc(d.title) + '</title>\n    <link rel="stylesheet" href="/hxkit.css">\n  '
    s += '</head>\n  <body>\n    <header class="top">\n      <nav class="nav">'
    for (const l of d.nav) {
      s += limitLink(l)
    }
    s += '</nav>\n      <span class="user">' + esc(d.user) + '</span>\n    </header>\n    '
    s +=
      '<main class="content">\n      <h1>' + esc(d.title) + '</h1>\n      <section class="stats">'
    for (const c of d.stats) {
      s += limitCard(c)
    }
    s += '</section>\n      <table class="orders">\n        <thead>\n          <tr><th>Order</th>'
    s += '<th>Customer</th><th>Email</th><th>Product</th><th>Total</th><th>Status</th></tr>\n'
    s +=
      '        </thead>\n        ' + limitFragment(d.orders) + '\n      </table>\n    </main>\n  '
    return s + '</body>\n</html>'
  }
  return { row: limitRow, fragment: limitFragment, page: limitPage }
}

// The fastest escaper we know how to write by hand: find the first special character with one
// regex search, then copy runs between specials in a loop. This is what makes the LIMIT a limit.
const SPECIAL = /[&<>"']/
function escFast(text: string): string {
  const first = text.search(SPECIAL)
  if (first === -1) {
    return text
  }
  let out = text.slice(0, first)
  let last = first
  for (let i = first; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const entity =
      code === 38
        ? '&amp;'
        : code === 60
          ? '&lt;'
          : code === 62
            ? '&gt;'
            : code === 34
              ? '&quot;'
              : code === 39
                ? '&#39;'
                : null
    if (entity !== null) {
      out += text.slice(last, i) + entity
      last = i + 1
    }
  }
  return out + text.slice(last)
}

const limit = stringBuilder(escFast)
const naiveBuilder = stringBuilder(esc)

// ---------------------------------------------------------------------------------------------
// (b) hxkit `html`.
// ---------------------------------------------------------------------------------------------

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

const hxkit = {
  row: (o: Order): string => kitRow(o).value,
  fragment: (orders: readonly Order[]): string => kitFragment(orders).value,
  page: (d: Dashboard): string => kitPage(d).value,
}

// ---------------------------------------------------------------------------------------------
// (c) hono/html `html` (every hole is synchronous, so it returns the string, not a promise).
// ---------------------------------------------------------------------------------------------

const honoRow = (o: Order): HtmlEscapedString =>
  honoHtml`<tr id="order-${o.id}" class="row status-${o.status}">
    <td class="id"><a href="/orders/${o.id}">#${o.id}</a></td>
    <td class="customer">${o.customer}</td>
    <td class="email">${o.email}</td>
    <td class="product">${o.product}</td>
    <td class="num">${o.total}</td>
    <td><span class="badge">${o.status}</span></td>
  </tr>` as HtmlEscapedString

// prettier-ignore
const honoFragment = (orders: readonly Order[]): HtmlEscapedString =>
  honoHtml`<tbody id="orders">${orders.map(honoRow)}</tbody>` as HtmlEscapedString

const honoCard = (c: Stat): HtmlEscapedString =>
  honoHtml`<div class="card">
    <h2 class="card-label">${c.label}</h2>
    <p class="card-value">${c.value}</p>
    <p class="card-delta">${c.delta}</p>
  </div>` as HtmlEscapedString

const honoLink = (l: NavLink): HtmlEscapedString =>
  honoHtml`<a class="nav-link" href="${l.href}">${l.label}</a>` as HtmlEscapedString

// prettier-ignore
const honoPage = (d: Dashboard): HtmlEscapedString =>
  honoHtml`<!doctype html>
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

const honoHtmlCandidate = {
  row: (o: Order): string => String(honoRow(o)),
  fragment: (orders: readonly Order[]): string => String(honoFragment(orders)),
  page: (d: Dashboard): string => String(honoPage(d)),
}

// ---------------------------------------------------------------------------------------------
// (d) hono/jsx, as `jsx()` calls (what a .tsx file compiles to).
// ---------------------------------------------------------------------------------------------

/** hono/jsx: the same dashboard as `jsx()` calls (what a .tsx file compiles to). */

type Node = ReturnType<typeof jsx>

const JsxRow = ({ o }: { o: Order }): Node =>
  jsx(
    'tr',
    { id: `order-${String(o.id)}`, class: `row status-${o.status}` },
    jsx('td', { class: 'id' }, jsx('a', { href: `/orders/${String(o.id)}` }, '#', o.id)),
    jsx('td', { class: 'customer' }, o.customer),
    jsx('td', { class: 'email' }, o.email),
    jsx('td', { class: 'product' }, o.product),
    jsx('td', { class: 'num' }, o.total),
    jsx('td', {}, jsx('span', { class: 'badge' }, o.status))
  )

const JsxRows = ({ orders }: { orders: readonly Order[] }): Node =>
  jsx('tbody', { id: 'orders' }, ...orders.map((o) => jsx(JsxRow, { o })))

const JsxCard = ({ c }: { c: Stat }): Node =>
  jsx(
    'div',
    { class: 'card' },
    jsx('h2', { class: 'card-label' }, c.label),
    jsx('p', { class: 'card-value' }, c.value),
    jsx('p', { class: 'card-delta' }, c.delta)
  )

const JsxLink = ({ l }: { l: NavLink }): Node =>
  jsx('a', { class: 'nav-link', href: l.href }, l.label)

const JsxPage = ({ d }: { d: Dashboard }): Node =>
  jsx(
    'html',
    { lang: 'en' },
    jsx(
      'head',
      {},
      jsx('meta', { charset: 'utf-8' }),
      jsx('title', {}, d.title),
      jsx('link', { rel: 'stylesheet', href: '/hxkit.css' })
    ),
    jsx(
      'body',
      {},
      jsx(
        'header',
        { class: 'top' },
        jsx('nav', { class: 'nav' }, ...d.nav.map((l) => jsx(JsxLink, { l }))),
        jsx('span', { class: 'user' }, d.user)
      ),
      jsx(
        'main',
        { class: 'content' },
        jsx('h1', {}, d.title),
        jsx('section', { class: 'stats' }, ...d.stats.map((c) => jsx(JsxCard, { c }))),
        jsx(
          'table',
          { class: 'orders' },
          jsx(
            'thead',
            {},
            jsx(
              'tr',
              {},
              ...['Order', 'Customer', 'Email', 'Product', 'Total', 'Status'].map((h) =>
                jsx('th', {}, h)
              )
            )
          ),
          jsx(JsxRows, { orders: d.orders })
        )
      )
    )
  )

// A synchronous tree renders to a plain string.
const text = (node: Node): string => node.toString() as string

const honoJsx = {
  row: (o: Order): string => text(jsx(Fragment, {}, jsx(JsxRow, { o }))),
  fragment: (orders: readonly Order[]): string => text(jsx(JsxRows, { orders })),
  page: (d: Dashboard): string => '<!doctype html>' + text(jsx(JsxPage, { d })),
}

// ---------------------------------------------------------------------------------------------
// The harness: verify that every candidate writes the same page, then time interleaved rounds.
// ---------------------------------------------------------------------------------------------

interface Candidate extends Renderers {
  readonly name: string
}

const CANDIDATES: readonly Candidate[] = [
  { name: 'LIMIT (string builder, hand-written loop escaper)', ...limit },
  { name: 'hxkit html', ...hxkit },
  { name: 'hono/html html', ...honoHtmlCandidate },
  { name: 'hono/jsx', ...honoJsx },
  { name: '(naive) string builder, test-then-replace escaper', ...naiveBuilder },
]

const quick = process.argv.includes('--quick')
const ROUNDS = quick ? 12 : 80
const BATCH_MS = quick ? 8 : 25
const WARMUP_MS = quick ? 150 : 1000

const data = dashboard(100)
const firstRow = data.orders[0] as Order
const SCENARIOS = [
  { name: 'page', run: (c: Candidate) => () => c.page(data) },
  { name: 'fragment (100 rows)', run: (c: Candidate) => () => c.fragment(data.orders) },
  { name: 'row', run: (c: Candidate) => () => c.row(firstRow) },
] as const

// hono/jsx writes no whitespace between tags and closes void elements with `/>`.
const normalise = (markup: string): string =>
  markup
    .replace(/>\s+</g, '><')
    .replace(/\s*\/>/g, '>')
    .trim()

function verify(): void {
  const expected = normalise(limit.page(data))
  for (const c of CANDIDATES) {
    for (const s of SCENARIOS) {
      const out = normalise(s.run(c)())
      const want = normalise(s.run(CANDIDATES[0] as Candidate)())
      if (out !== want) {
        throw new Error(`${c.name} ${s.name}: output differs from the LIMIT`)
      }
    }
  }
  for (const hostile of [
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;',
    'O&#39;Brien &amp; Sons',
  ]) {
    if (!expected.includes(hostile)) {
      throw new Error(`the page does not contain ${hostile}`)
    }
  }
  if (expected.includes('<script>') || expected.includes('<img src=x')) {
    throw new Error('a hostile string was not escaped')
  }
}

let sink = 0

function timeBatch(fn: () => string, n: number): number {
  const start = performance.now()
  for (let i = 0; i < n; i++) {
    // Reading a character flattens the string, as writing it to a socket would.
    const markup = fn()
    sink += markup.charCodeAt(markup.length >> 1)
  }
  return performance.now() - start
}

function calibrate(fn: () => string): number {
  let n = 1
  for (;;) {
    const ms = timeBatch(fn, n)
    if (ms >= BATCH_MS / 4) {
      return Math.max(1, Math.round((n * BATCH_MS) / ms))
    }
    n *= 2
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number
}

interface Result {
  readonly scenario: string
  readonly candidate: string
  readonly ops: number
  readonly ratio: number
  readonly spread: string
}

function measure(): Result[] {
  const fns = SCENARIOS.map((s) => CANDIDATES.map((c) => s.run(c)))
  for (const row of fns) {
    for (const fn of row) {
      const until = performance.now() + WARMUP_MS / SCENARIOS.length
      while (performance.now() < until) {
        timeBatch(fn, 10)
      }
    }
  }
  const sizes = fns.map((row) => row.map(calibrate))
  const ops = fns.map((row) => row.map((): number[] => []))
  for (let round = 0; round < ROUNDS; round++) {
    fns.forEach((row, s) => {
      for (let k = 0; k < row.length; k++) {
        const c = (k + round) % row.length // rotate the order every round
        const n = (sizes[s] as number[])[c] as number
        ;((ops[s] as number[][])[c] as number[]).push(
          (n * 1000) / timeBatch(row[c] as () => string, n)
        )
      }
    })
  }
  return SCENARIOS.flatMap((s, i) =>
    CANDIDATES.map((c, k) => {
      const mine = (ops[i] as number[][])[k] as number[]
      const base = (ops[i] as number[][])[0] as number[]
      const ratios = mine.map((v, r) => v / (base[r] as number))
      const spread = `${quantile(ratios, 0.25).toFixed(2)}–${quantile(ratios, 0.75).toFixed(2)}`
      return {
        scenario: s.name,
        candidate: c.name,
        ops: median(mine),
        ratio: median(ratios),
        spread,
      }
    })
  )
}

function report(results: readonly Result[]): void {
  const page = limit.page(data)
  console.log(
    `hxkit render benchmark — node ${process.version}, ${String(os.availableParallelism())} CPUs, ` +
      `${quick ? 'quick' : 'full'} run: ${String(ROUNDS)} rounds × ~${String(BATCH_MS)} ms batches`
  )
  console.log(
    `page: ${(page.length / 1024).toFixed(1)} KB as written, ${(normalise(page).length / 1024).toFixed(1)} KB without ` +
      `whitespace between tags; ${String(Math.round(escapeShare(data) * 100))}% of the text holes need escaping`
  )
  console.log('')
  console.log('| scenario | candidate | ops/s (median) | × LIMIT (median of rounds) | IQR of × |')
  console.log('|---|---|---:|---:|---:|')
  for (const r of results) {
    console.log(
      `| ${r.scenario} | ${r.candidate} | ${Math.round(r.ops).toLocaleString('en-US')} | ${r.ratio.toFixed(2)} | ${r.spread} |`
    )
  }
}

const started = performance.now()
verify()
report(measure())
console.log(
  `\n(${((performance.now() - started) / 1000).toFixed(1)} s; checksum ${String(sink % 997)})`
)
