// The order form's own storage: a details table next to the seeded orders, and the statements.
import type { Database } from 'better-sqlite3'
import type { OrderStatus } from '../seed.ts'
import type { OrderValue } from './schema.ts'

type OrderInput = OrderValue

/** The uploaded invoice as stored: its name, type and size (never the bytes). */
export interface InvoiceInfo {
  name: string
  type: string
  size: number
}

/** An order as the edit form shows it. */
export interface OrderRecord {
  id: number
  customer: string
  email: string
  status: OrderStatus
  total: number
  deliverBy: Date
  express: boolean
  address: { street: string; city: string; zip: string }
  notes: string | undefined
  invoice: InvoiceInfo | null
}

/** The order form's queries. */
export interface OrderStore {
  find(id: number): OrderRecord | undefined
  create(input: OrderInput, actor: string): number
  update(id: number, input: OrderInput, actor: string): void
}

// Idempotent: the seed's tables stay as they are, the form keeps its extra fields here.
const MIGRATION = `
CREATE TABLE IF NOT EXISTS order_details (
  order_id INTEGER PRIMARY KEY REFERENCES orders(id) ON DELETE CASCADE,
  deliver_by TEXT NOT NULL,
  express INTEGER NOT NULL DEFAULT 0 CHECK (express IN (0, 1)),
  street TEXT NOT NULL,
  city TEXT NOT NULL,
  zip TEXT NOT NULL,
  notes TEXT,
  invoice_name TEXT,
  invoice_type TEXT,
  invoice_size INTEGER
);
CREATE INDEX IF NOT EXISTS customers_email ON customers(email COLLATE NOCASE);
`

const FIND_SQL = `SELECT o.id, c.name AS customer, c.email, c.city AS customerCity, o.status,
  o.total_cents AS totalCents, o.created_at AS createdAt, d.deliver_by AS deliverBy,
  d.express, d.street, d.city, d.zip, d.notes, d.invoice_name AS invoiceName,
  d.invoice_type AS invoiceType, d.invoice_size AS invoiceSize
  FROM orders o JOIN customers c ON c.id = o.customer_id
  LEFT JOIN order_details d ON d.order_id = o.id WHERE o.id = ?`

const SAVE_DETAILS_SQL = `INSERT INTO order_details (order_id, deliver_by, express, street, city,
  zip, notes, invoice_name, invoice_type, invoice_size)
  VALUES (@id, @deliverBy, @express, @street, @city, @zip, @notes, @invoiceName, @invoiceType,
  @invoiceSize)
  ON CONFLICT (order_id) DO UPDATE SET deliver_by = excluded.deliver_by,
  express = excluded.express, street = excluded.street, city = excluded.city, zip = excluded.zip,
  notes = excluded.notes,
  invoice_name = COALESCE(excluded.invoice_name, invoice_name),
  invoice_type = COALESCE(excluded.invoice_type, invoice_type),
  invoice_size = COALESCE(excluded.invoice_size, invoice_size)`

interface FoundRow {
  id: number
  customer: string
  email: string
  customerCity: string
  status: OrderStatus
  totalCents: number
  createdAt: string
  deliverBy: string | null
  express: number | null
  street: string | null
  city: string | null
  zip: string | null
  notes: string | null
  invoiceName: string | null
  invoiceType: string | null
  invoiceSize: number | null
}

const DAY = 86_400_000

function toRecord(row: FoundRow): OrderRecord {
  // seeded orders have no details yet: a week after the order, the customer's city
  const deliverBy = row.deliverBy ?? new Date(Date.parse(row.createdAt) + 7 * DAY).toISOString()
  return {
    id: row.id,
    customer: row.customer,
    email: row.email,
    status: row.status,
    total: row.totalCents / 100,
    deliverBy: new Date(deliverBy.slice(0, 10)),
    express: row.express === 1,
    address: { street: row.street ?? '', city: row.city ?? row.customerCity, zip: row.zip ?? '' },
    notes: row.notes ?? undefined,
    invoice:
      row.invoiceName === null
        ? null
        : { name: row.invoiceName, type: row.invoiceType ?? '', size: row.invoiceSize ?? 0 },
  }
}

function nowIso(): string {
  return new Date().toISOString().slice(0, 19) + 'Z'
}

function prepare(db: Database) {
  return {
    find: db.prepare(FIND_SQL),
    customerByEmail: db
      .prepare('SELECT id FROM customers WHERE email = ? COLLATE NOCASE ORDER BY id LIMIT 1')
      .pluck(),
    renameCustomer: db.prepare('UPDATE customers SET name = ? WHERE id = ?'),
    customerOf: db.prepare('SELECT customer_id FROM orders WHERE id = ?').pluck(),
    insertCustomer: db.prepare(
      'INSERT INTO customers (name, email, city, created_at) VALUES (?, ?, ?, ?)'
    ),
    insertOrder: db.prepare(
      'INSERT INTO orders (customer_id, status, total_cents, created_at) VALUES (?, ?, ?, ?)'
    ),
    updateOrder: db.prepare(
      'UPDATE orders SET customer_id = ?, status = ?, total_cents = ? WHERE id = ?'
    ),
    saveDetails: db.prepare(SAVE_DETAILS_SQL),
    log: db.prepare('INSERT INTO activity (at, actor, message) VALUES (?, ?, ?)'),
  }
}

type Statements = ReturnType<typeof prepare>

/**
 * The customer with this email, or a new one. A new order only links to an existing customer: it
 * never renames one (anyone who knew a customer's email could rename them). An edit renames only
 * the customer the order already belongs to (`current`), through the operator's guarded edit.
 */
function customerFor(sql: Statements, input: OrderInput, current?: number): number {
  const found = sql.customerByEmail.get(input.email) as number | undefined
  if (found !== undefined) {
    if (found === current) {
      sql.renameCustomer.run(input.customer, found)
    }
    return found
  }
  const created = sql.insertCustomer.run(input.customer, input.email, input.address.city, nowIso())
  return Number(created.lastInsertRowid)
}

function saveDetails(sql: Statements, id: number, input: OrderInput): void {
  sql.saveDetails.run({
    id,
    deliverBy: input.deliverBy.toISOString().slice(0, 10),
    express: input.express ? 1 : 0,
    ...input.address,
    notes: input.notes ?? null,
    invoiceName: input.invoice?.name.slice(0, 200) ?? null,
    invoiceType: input.invoice?.type ?? null,
    invoiceSize: input.invoice?.size ?? null,
  })
}

/**
 * Creates the order form's table (idempotent) and prepares its statements.
 *
 * @param db - the demo's better-sqlite3 handle (`DemoDb.sqlite()`)
 * @example
 * const store = orderStore(db.sqlite())
 * const id = store.create(value, actorOf(c))
 */
export function orderStore(db: Database): OrderStore {
  db.exec(MIGRATION)
  const sql = prepare(db)
  const create = db.transaction((input: OrderInput, actor: string): number => {
    const at = nowIso()
    const cents = Math.round(input.total * 100)
    const created = sql.insertOrder.run(customerFor(sql, input), input.status, cents, at)
    const id = Number(created.lastInsertRowid)
    saveDetails(sql, id, input)
    sql.log.run(at, actor, `Order #${String(id)} created`)
    return id
  })
  const update = db.transaction((id: number, input: OrderInput, actor: string): void => {
    const cents = Math.round(input.total * 100)
    const current = sql.customerOf.get(id) as number | undefined
    sql.updateOrder.run(customerFor(sql, input, current), input.status, cents, id)
    saveDetails(sql, id, input)
    sql.log.run(nowIso(), actor, `Order #${String(id)} marked ${input.status}`)
  })
  return {
    find: (id) => {
      const row = sql.find.get(id) as FoundRow | undefined
      return row === undefined ? undefined : toRecord(row)
    },
    create: (input, actor) => create(input, actor),
    update: (id, input, actor) => {
      update(id, input, actor)
    },
  }
}
