/**
 * React 19 `renderToStaticMarkup` (react-dom/server) on the same tree as `createElement` calls
 * (what a classic-runtime .tsx file compiles to). React must run in production mode: bench/render.ts
 * sets `NODE_ENV=production` before it imports this module, and {@link reactMode} checks it.
 */
import { createElement } from 'react'
import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import type { Candidate, Dashboard, NavLink, Order, Stat } from './data.ts'

const h = createElement

const Row = ({ o }: { o: Order }): ReactElement =>
  h(
    'tr',
    { id: `order-${String(o.id)}`, className: `row status-${o.status}` },
    h('td', { className: 'id' }, h('a', { href: `/orders/${String(o.id)}` }, '#', o.id)),
    h('td', { className: 'customer' }, o.customer),
    h('td', { className: 'email' }, o.email),
    h('td', { className: 'product' }, o.product),
    h('td', { className: 'num' }, o.total),
    h('td', null, h('span', { className: 'badge' }, o.status))
  )

const Rows = ({ orders }: { orders: readonly Order[] }): ReactElement =>
  h('tbody', { id: 'orders' }, ...orders.map((o) => h(Row, { o })))

const Card = ({ c }: { c: Stat }): ReactElement =>
  h(
    'div',
    { className: 'card' },
    h('h2', { className: 'card-label' }, c.label),
    h('p', { className: 'card-value' }, c.value),
    h('p', { className: 'card-delta' }, c.delta)
  )

const Link = ({ l }: { l: NavLink }): ReactElement =>
  h('a', { className: 'nav-link', href: l.href }, l.label)

const HEADS = ['Order', 'Customer', 'Email', 'Product', 'Total', 'Status']

const Page = ({ d }: { d: Dashboard }): ReactElement =>
  h(
    'html',
    { lang: 'en' },
    h(
      'head',
      null,
      h('meta', { charSet: 'utf-8' }),
      h('title', null, d.title),
      h('link', { rel: 'stylesheet', href: '/hxkit.css' })
    ),
    h(
      'body',
      null,
      h(
        'header',
        { className: 'top' },
        h('nav', { className: 'nav' }, ...d.nav.map((l) => h(Link, { l }))),
        h('span', { className: 'user' }, d.user)
      ),
      h(
        'main',
        { className: 'content' },
        h('h1', null, d.title),
        h('section', { className: 'stats' }, ...d.stats.map((c) => h(Card, { c }))),
        h(
          'table',
          { className: 'orders' },
          h('thead', null, h('tr', null, ...HEADS.map((t) => h('th', null, t)))),
          h(Rows, { orders: d.orders })
        )
      )
    )
  )

/** React `renderToStaticMarkup`, production mode. */
export const react: Candidate = {
  name: 'React renderToStaticMarkup',
  escapes: true,
  row: (o) => renderToStaticMarkup(h(Row, { o })),
  fragment: (orders) => renderToStaticMarkup(h(Rows, { orders })),
  page: (d) => '<!doctype html>' + renderToStaticMarkup(h(Page, { d })),
}

/** 'production' when React runs its production build (its elements carry no dev-only `_store`). */
export function reactMode(): 'production' | 'development' {
  return '_store' in h('div') ? 'development' : 'production'
}
