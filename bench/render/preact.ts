/**
 * preact-render-to-string `renderToString` on the same tree as `h()` calls (what a classic-runtime
 * .tsx file compiles to). Preact has no development build to switch off (preact/debug is opt-in).
 */
import { h } from 'preact'
import type { JSX } from 'preact'

// Any element (its props type does not matter here).
type Node = JSX.Element
import { renderToString } from 'preact-render-to-string'
import type { Candidate, Dashboard, NavLink, Order, Stat } from './data.ts'

const Row = ({ o }: { o: Order }): Node =>
  h(
    'tr',
    { id: `order-${String(o.id)}`, class: `row status-${o.status}` },
    h('td', { class: 'id' }, h('a', { href: `/orders/${String(o.id)}` }, '#', o.id)),
    h('td', { class: 'customer' }, o.customer),
    h('td', { class: 'email' }, o.email),
    h('td', { class: 'product' }, o.product),
    h('td', { class: 'num' }, o.total),
    h('td', null, h('span', { class: 'badge' }, o.status))
  )

const Rows = ({ orders }: { orders: readonly Order[] }): Node =>
  h('tbody', { id: 'orders' }, ...orders.map((o) => h(Row, { o })))

const Card = ({ c }: { c: Stat }): Node =>
  h(
    'div',
    { class: 'card' },
    h('h2', { class: 'card-label' }, c.label),
    h('p', { class: 'card-value' }, c.value),
    h('p', { class: 'card-delta' }, c.delta)
  )

const Link = ({ l }: { l: NavLink }): Node => h('a', { class: 'nav-link', href: l.href }, l.label)

const HEADS = ['Order', 'Customer', 'Email', 'Product', 'Total', 'Status']

const Page = ({ d }: { d: Dashboard }): Node =>
  h(
    'html',
    { lang: 'en' },
    h(
      'head',
      null,
      h('meta', { charset: 'utf-8' }),
      h('title', null, d.title),
      h('link', { rel: 'stylesheet', href: '/hxkit.css' })
    ),
    h(
      'body',
      null,
      h(
        'header',
        { class: 'top' },
        h('nav', { class: 'nav' }, ...d.nav.map((l) => h(Link, { l }))),
        h('span', { class: 'user' }, d.user)
      ),
      h(
        'main',
        { class: 'content' },
        h('h1', null, d.title),
        h('section', { class: 'stats' }, ...d.stats.map((c) => h(Card, { c }))),
        h(
          'table',
          { class: 'orders' },
          h('thead', null, h('tr', null, ...HEADS.map((t) => h('th', null, t)))),
          h(Rows, { orders: d.orders })
        )
      )
    )
  )

/** preact-render-to-string. */
export const preact: Candidate = {
  name: 'preact-render-to-string',
  escapes: true,
  row: (o) => renderToString(h(Row, { o })),
  fragment: (orders) => renderToString(h(Rows, { orders })),
  page: (d) => '<!doctype html>' + renderToString(h(Page, { d })),
}
