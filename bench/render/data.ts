/**
 * The render benchmark's data: a deterministic dashboard (6 nav links, 8 stat cards, 100 orders)
 * in which about a third of the text holes need escaping, and a clean copy without any character
 * that needs escaping (for the no-escaping ceiling's equivalence check).
 */

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

/** The hostile strings mixed into the data. */
export const HOSTILE = [
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
export function dashboard(rows = 100): Dashboard {
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
export interface Renderers {
  readonly page: (d: Dashboard) => string
  readonly fragment: (orders: readonly Order[]) => string
  readonly row: (o: Order) => string
}

const NEEDS_ESCAPE = /[&<>"']/

/** The share of the text holes of a rendered dashboard that need escaping. */
export function escapeShare(d: Dashboard): number {
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

const SPECIALS = /[&<>"']/g

/** The same dashboard with every character that needs escaping removed from its text. */
export function clean(d: Dashboard): Dashboard {
  const strip = (text: string): string => text.replace(SPECIALS, '')
  return {
    title: strip(d.title),
    user: strip(d.user),
    nav: d.nav.map((l) => ({ href: strip(l.href), label: strip(l.label) })),
    stats: d.stats.map((c) => ({
      label: strip(c.label),
      value: strip(c.value),
      delta: strip(c.delta),
    })),
    orders: d.orders.map((o) => ({
      id: o.id,
      customer: strip(o.customer),
      email: strip(o.email),
      product: strip(o.product),
      total: strip(o.total),
      status: strip(o.status),
    })),
  }
}

/** A renderer under test: its name, whether it escapes, and its three render functions. */
export interface Candidate extends Renderers {
  readonly name: string
  /** False only for the no-escaping ceiling: its output is checked on the clean data only. */
  readonly escapes: boolean
}
