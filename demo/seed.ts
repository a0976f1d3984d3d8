// Schema and deterministic seed data of the demo database.
import type { Database } from 'better-sqlite3'

/** Order states, in the order the stat cards show them. */
export const ORDER_STATUSES = ['pending', 'paid', 'shipped', 'delivered', 'cancelled'] as const

/** One order state. */
export type OrderStatus = (typeof ORDER_STATUSES)[number]

/** How many rows the seed writes. */
export const SEED = { customers: 600, orders: 5_400, activity: 300 } as const

// Every write to orders or customers, by any connection or process, bumps one counter, so the
// overview's figures can be cached until the data they sum changes (demo/db.ts).
const REVISION_TRIGGERS = ['orders', 'customers']
  .flatMap((table) =>
    ['INSERT', 'UPDATE', 'DELETE'].map(
      (event) =>
        `CREATE TRIGGER IF NOT EXISTS ${table}_${event.toLowerCase()}_revision AFTER ${event} ON ${table}
  BEGIN UPDATE figures_revision SET n = n + 1 WHERE id = 1; END;`
    )
  )
  .join('\n')

const SCHEMA = `
CREATE TABLE IF NOT EXISTS customers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  city TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS orders (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  status TEXT NOT NULL CHECK (status IN (${ORDER_STATUSES.map((s) => `'${s}'`).join(', ')})),
  total_cents INTEGER NOT NULL CHECK (total_cents >= 0),
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS orders_customer ON orders(customer_id);
CREATE INDEX IF NOT EXISTS orders_created ON orders(created_at);
CREATE INDEX IF NOT EXISTS orders_total ON orders(total_cents);
CREATE INDEX IF NOT EXISTS orders_status ON orders(status);
CREATE TABLE IF NOT EXISTS activity (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS activity_at ON activity(at);
CREATE TABLE IF NOT EXISTS figures_revision (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n INTEGER NOT NULL
);
INSERT OR IGNORE INTO figures_revision (id, n) VALUES (1, 0);
${REVISION_TRIGGERS}
`

/** Customer names that need escaping: they must show as text, never as markup. */
export const HOSTILE_NAMES = [
  "O'Brien & Sons <Ltd>",
  '"Quoted" Traders & Co',
  '<script>alert(1)</script> GmbH',
  '<img src=x onerror=alert(1)> Imports',
] as const

const FIRST = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne']
const SECOND = ['Foods', 'Logistics', 'Systems', 'Textiles', 'Labs', 'Supplies', 'Media', 'Works']
const CITIES = ['Berlin', 'Lyon', 'Porto', 'Dublin', 'Kraków', 'Turin', 'Ghent', 'Aarhus']
const ACTORS = ['alice', 'bob', 'carol', 'dave']
const START = Date.UTC(2025, 0, 1)
const DAY = 86_400_000

/** A small deterministic pseudo-random generator (mulberry32), so every seed is identical. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z'
}

function customerName(index: number): string {
  const hostile = HOSTILE_NAMES[index]
  if (hostile !== undefined) {
    return hostile
  }
  const first = FIRST[index % FIRST.length] as string
  const second = SECOND[Math.floor(index / FIRST.length) % SECOND.length] as string
  return `${first} ${second} ${String(Math.floor(index / 64) + 1)}`
}

function seedCustomers(db: Database, next: () => number): void {
  const insert = db.prepare(
    'INSERT INTO customers (id, name, email, city, created_at) VALUES (?, ?, ?, ?, ?)'
  )
  for (let i = 0; i < SEED.customers; i++) {
    const id = i + 1
    insert.run(
      id,
      customerName(i),
      `buyer${String(id)}@example.com`,
      pick(CITIES, next),
      iso(START + i * 3_600_000)
    )
  }
}

/**
 * How many orders to seed: `DEMO_ORDERS` (up to 2,000,000, e.g. 100000 to feel keyset paging),
 * else 5,400 so `npm start` stays fast.
 *
 * @param env - the environment; default `process.env`
 * @example
 * seedOrderCount({ DEMO_ORDERS: '100000' }) // 100000
 */
export function seedOrderCount(env: Record<string, string | undefined> = process.env): number {
  const given = Number(env['DEMO_ORDERS'])
  return Number.isInteger(given) && given > 0 ? Math.min(given, 2_000_000) : SEED.orders
}

function seedOrders(db: Database, next: () => number): void {
  const insert = db.prepare(
    'INSERT INTO orders (id, customer_id, status, total_cents, created_at) VALUES (?, ?, ?, ?, ?)'
  )
  const orders = seedOrderCount()
  for (let i = 0; i < orders; i++) {
    const customer = 1 + Math.floor(next() * SEED.customers)
    const cents = 500 + Math.floor(next() * 250_000)
    const at = START + Math.floor((i / orders) * 300 * DAY) + Math.floor(next() * 3_600_000)
    insert.run(i + 1, customer, pick(ORDER_STATUSES, next), cents, iso(at))
  }
}

function seedActivity(db: Database, next: () => number): void {
  const insert = db.prepare('INSERT INTO activity (id, at, actor, message) VALUES (?, ?, ?, ?)')
  for (let i = 0; i < SEED.activity; i++) {
    const order = 1 + Math.floor(next() * SEED.orders)
    const status = pick(ORDER_STATUSES, next)
    const at = START + 300 * DAY - (SEED.activity - i) * 1_800_000
    insert.run(i + 1, iso(at), pick(ACTORS, next), `Order #${String(order)} marked ${status}`)
  }
}

/**
 * Creates the tables and, when they are empty, fills them with the same data every time.
 *
 * @param db - an open database
 * @example
 * migrateAndSeed(new Database(':memory:'))
 */
export function migrateAndSeed(db: Database): void {
  db.exec(SCHEMA)
  const row = db.prepare('SELECT COUNT(*) AS n FROM customers').get() as { n: number }
  if (row.n > 0) {
    return
  }
  const next = random(20_260_101)
  db.transaction(() => {
    seedCustomers(db, next)
    seedOrders(db, next)
    seedActivity(db, next)
  })()
}
