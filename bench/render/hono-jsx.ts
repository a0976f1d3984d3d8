/** hono/jsx: the same dashboard as `jsx()` calls (what a .tsx file compiles to). */
import { Fragment, jsx } from 'hono/jsx'
import type { Candidate, Dashboard, NavLink, Order, Stat } from './data.ts'

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

/** hono/jsx: `jsx()` calls rendered with `toString()`. */
export const honoJsx: Candidate = {
  name: 'hono/jsx',
  escapes: true,
  row: (o: Order): string => text(jsx(Fragment, {}, jsx(JsxRow, { o }))),
  fragment: (orders: readonly Order[]): string => text(jsx(JsxRows, { orders })),
  page: (d: Dashboard): string => '<!doctype html>' + text(jsx(JsxPage, { d })),
}
