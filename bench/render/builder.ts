/**
 * The LIMIT and the no-escaping ceiling: one hand-written string builder (`+=` concatenation, no
 * template, no arrays), run with the fastest escaper we know how to write by hand (the LIMIT) and
 * with no escaping at all (the ceiling: what concatenation alone costs; unsafe, so its output is
 * checked on the clean data only).
 */
import type { Candidate, Dashboard, NavLink, Order, Renderers, Stat } from './data.ts'

// The builder takes its escaper: the LIMIT runs it with a hand-written loop escaper, the ceiling
// with none.
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

/** The LIMIT: the hand-written builder with the hand-written loop escaper. Ratios are to this. */
export const limit: Candidate = {
  name: 'LIMIT (string builder, loop escaper)',
  escapes: true,
  ...stringBuilder(escFast),
}

/** The ceiling: the same builder without escaping (NOT safe; a bound, not a candidate). */
export const ceiling: Candidate = {
  name: 'ceiling: same builder, no escaping',
  escapes: false,
  ...stringBuilder((text) => text),
}
