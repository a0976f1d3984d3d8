// Activity entries name the signed-in user who made the change: the order form, the orders
// console (row edit, delete, bulk ship) and starting a task, for an operator and for an admin.
import { afterAll, describe, expect, it } from 'vitest'
import type { Role } from '../../demo/users.ts'
import { htmx4Element, htmx4Headers } from '../../src/testing/index.ts'
import { openTestApp } from './setup.ts'

const t = openTestApp(4, { as: null })
afterAll(() => {
  t.cleanup()
})

const SAME_ORIGIN = { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }
const ROW = htmx4Headers({ source: 'button', target: htmx4Element('tr', 'order-7') })
const NAMES: Partial<Record<Role, string>> = { operator: 'Operator User', admin: 'Admin User' }

/** The newest activity entry. */
const latest = (): { actor: string; message: string } =>
  t.db.sqlite().prepare('SELECT actor, message FROM activity ORDER BY id DESC LIMIT 1').get() as {
    actor: string
    message: string
  }

async function send(
  role: Role,
  path: string,
  body: BodyInit,
  { method = 'POST', headers = {} }: { method?: string; headers?: Record<string, string> } = {}
): Promise<Response> {
  const cookie = await t.app.sessionCookie(role)
  return t.app.request(path, { method, body, headers: { ...SAME_ORIGIN, ...headers, cookie } })
}

function newOrder(): FormData {
  const body = new FormData()
  const fields = {
    customer: 'Grace Hopper',
    email: 'grace@example.com',
    status: 'paid',
    total: '12.00',
    deliverBy: '2030-05-15',
    'address.street': 'Main Street 1',
    'address.city': 'Arlington',
    'address.zip': '22201',
  }
  for (const [name, value] of Object.entries(fields)) {
    body.append(name, value)
  }
  return body
}

describe.each(['operator', 'admin'] as const)('activity entries of the %s', (role) => {
  const name = NAMES[role] as string

  it('name them for a new order', async () => {
    const res = await send(role, '/orders/new', newOrder())
    expect(res.status).toBeLessThan(400)
    expect(latest().actor).toBe(name)
    expect(latest().message).toMatch(/^Order #\d+ created$/)
  })

  it('name them for an order edited in its row, and for a bulk ship', async () => {
    const row = await send(role, '/orders/7/row', new URLSearchParams({ status: 'delivered' }), {
      method: 'PUT',
      headers: ROW,
    })
    expect(row.status).toBe(200)
    expect(latest()).toEqual({ actor: name, message: 'Order #7 marked delivered' })
    // the edited order is delivered now, not shippable: ship one that is still open
    const open = t.db
      .sqlite()
      .prepare("SELECT id FROM orders WHERE status IN ('pending', 'paid') ORDER BY id LIMIT 1")
      .pluck()
      .get() as number
    const ship = await send(role, '/orders/bulk/ship', new URLSearchParams({ ids: String(open) }))
    expect(ship.status).toBeLessThan(400)
    expect(latest()).toEqual({ actor: name, message: '1 orders marked shipped in bulk' })
  })

  it('name them for a task they started', async () => {
    const res = await send(role, '/tasks/recompute', new URLSearchParams())
    expect(res.status).toBe(303)
    expect(latest()).toMatchObject({ actor: name })
  })
})
