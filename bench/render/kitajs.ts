/**
 * @kitajs/html: the same tree as `createElement` calls (what a .tsx file with kitajs's classic
 * runtime compiles to); it builds strings directly. kitajs escapes attribute values but NOT
 * children: user text is marked `safe` (`<td safe>{text}</td>`), as its docs require.
 */
import { createElement } from '@kitajs/html'
import type { Candidate, Dashboard, NavLink, Order, Stat } from './data.ts'

const h = createElement

const Row = ({ o }: { o: Order }): JSX.Element =>
  h(
    'tr',
    { id: `order-${String(o.id)}`, class: `row status-${o.status}` },
    h('td', { class: 'id' }, h('a', { href: `/orders/${String(o.id)}` }, '#', String(o.id))),
    h('td', { class: 'customer', safe: true }, o.customer),
    h('td', { class: 'email', safe: true }, o.email),
    h('td', { class: 'product', safe: true }, o.product),
    h('td', { class: 'num', safe: true }, o.total),
    h('td', null, h('span', { class: 'badge', safe: true }, o.status))
  )

const Rows = ({ orders }: { orders: readonly Order[] }): JSX.Element =>
  h('tbody', { id: 'orders' }, ...orders.map((o) => h(Row, { o })))

const Card = ({ c }: { c: Stat }): JSX.Element =>
  h(
    'div',
    { class: 'card' },
    h('h2', { class: 'card-label', safe: true }, c.label),
    h('p', { class: 'card-value', safe: true }, c.value),
    h('p', { class: 'card-delta', safe: true }, c.delta)
  )

const Link = ({ l }: { l: NavLink }): JSX.Element =>
  h('a', { class: 'nav-link', href: l.href, safe: true }, l.label)

const HEADS = ['Order', 'Customer', 'Email', 'Product', 'Total', 'Status']

const Page = ({ d }: { d: Dashboard }): JSX.Element =>
  h(
    'html',
    { lang: 'en' },
    h(
      'head',
      null,
      h('meta', { charset: 'utf-8' }),
      h('title', { safe: true }, d.title),
      h('link', { rel: 'stylesheet', href: '/hxkit.css' })
    ),
    h(
      'body',
      null,
      h(
        'header',
        { class: 'top' },
        h('nav', { class: 'nav' }, ...d.nav.map((l) => h(Link, { l }))),
        h('span', { class: 'user', safe: true }, d.user)
      ),
      h(
        'main',
        { class: 'content' },
        h('h1', { safe: true }, d.title),
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

/** @kitajs/html with `safe` on every element holding user text. */
export const kitajs: Candidate = {
  name: '@kitajs/html (safe)',
  escapes: true,
  // Every child here is synchronous, so every element is a string (never a promise).
  row: (o) => h(Row, { o }) as string,
  fragment: (orders) => h(Rows, { orders }) as string,
  page: (d) => '<!doctype html>' + (h(Page, { d }) as string),
}
