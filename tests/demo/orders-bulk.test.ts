// The orders console's bulk hand-off: a large "mark shipped" is enqueued as the shipOrders task
// (202 with its progress in the bulk bar), runs in chunks on a real worker against the demo's
// SQLite file, and its last poll answers the refreshed table and a toast. Small selections stay
// inline; without JavaScript the POST answers 303 to the task's page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../demo/app.ts'
import { openDb } from '../../demo/db.ts'
import type { DemoDb } from '../../demo/db.ts'
import { BULK_INLINE_MAX, bulkInlineMax } from '../../demo/orders/bulk.ts'
import { SHIP_CHUNK } from '../../demo/tasks/definitions.ts'
import type { Role } from '../../demo/users.ts'
import { scanCspSafety } from '../../src/csp/index.ts'
import type { TaskRecord } from '../../src/tasks/index.ts'
import { htmxRequest, noJsRequest } from '../../src/testing/index.ts'
import { TEST_USERS, drainTasks, signIn, untilTask } from './setup.ts'

interface Harness {
  app: ReturnType<typeof createApp>
  db: DemoDb
  dir: string
}

let h: Harness

function open(options: { stepMs?: number; version?: 2 | 4; as?: Role } = {}): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'hxkit-bulk-'))
  const db = openDb({ path: join(dir, 'demo.db'), reset: true })
  const app = createApp({
    db,
    htmxVersion: options.version ?? 4,
    tasks: { stepMs: options.stepMs ?? 0 },
    users: TEST_USERS,
  })
  return { app: signIn(app, options.as ?? 'operator'), db, dir }
}

function close(harness: Harness): void {
  harness.db.close()
  rmSync(harness.dir, { recursive: true, force: true })
}

beforeEach(() => {
  h = open()
})
afterEach(() => {
  close(h)
  vi.unstubAllEnvs()
})

const TABLE = 'section#orders-table'
const pendingCount = (harness: Harness = h): number =>
  harness.db
    .sqlite()
    .prepare("SELECT COUNT(*) FROM orders WHERE status = 'pending'")
    .pluck()
    .get() as number

/** The scope token and count the table offers for "all across pages" at `query`. */
async function offer(query: string, harness: Harness = h) {
  const page = await (
    await htmxRequest(harness.app, `/orders?${query}`, { source: 'a', target: TABLE })
  ).text()
  return {
    scope: /name="scope" value="([^"]+)"/.exec(page)?.[1] ?? '',
    expected: /name="expected" value="(\d+)"/.exec(page)?.[1] ?? '',
  }
}

function ship(query: string, form: Record<string, string | string[]>, harness: Harness = h) {
  return htmxRequest(harness.app, `/orders/bulk/ship${query === '' ? '' : `?${query}`}`, {
    method: 'POST',
    target: TABLE,
    form,
  })
}

/** Runs a real worker until no task is READY or RUNNING. */
const drain = (harness: Harness = h): Promise<void> => drainTasks(harness.app)

async function onlyTask(harness: Harness = h): Promise<TaskRecord> {
  const [task, ...more] = await harness.app
    .tasks()
    .admin.list({ status: null, limit: 10, offset: 0 })
  expect(more).toEqual([])
  if (task === undefined) {
    throw new Error('no task was enqueued')
  }
  return task
}

const pollPath = (body: string): string =>
  (/hx-get="(\/orders\/bulk\/ship\/[^"]+)"/.exec(body)?.[1] ?? '').replaceAll('&amp;', '&')

describe('the hand-off threshold', () => {
  it('defaults to 100, reads ORDERS_BULK_INLINE_MAX and refuses a bad value at start-up', () => {
    expect(BULK_INLINE_MAX).toBe(100)
    expect(bulkInlineMax({})).toBe(100)
    expect(bulkInlineMax({ ORDERS_BULK_INLINE_MAX: '0' })).toBe(0)
    expect(bulkInlineMax({ ORDERS_BULK_INLINE_MAX: '500' })).toBe(500)
    for (const bad of ['-1', '1.5', 'many']) {
      expect(() => bulkInlineMax({ ORDERS_BULK_INLINE_MAX: bad })).toThrow(/ORDERS_BULK_INLINE_MAX/)
    }
  })

  it('ships a selection up to the threshold inline and hands a larger one off', async () => {
    vi.stubEnv('ORDERS_BULK_INLINE_MAX', '2')
    const small = open()
    try {
      const inline = await ship('', { ids: ['1', '2'] }, small)
      const body = await inline.text()
      expect(inline.status).toBe(200)
      expect(body).toMatch(/\d orders? marked shipped/)
      expect(await small.app.tasks().admin.counts()).toMatchObject({ READY: 0 })

      const handed = await ship('', { ids: ['3', '4', '5'] }, small)
      expect(handed.status).toBe(202)
      expect(await handed.text()).toContain('hx-bulk-bar--task')
      const task = await onlyTask(small)
      expect(task.args).toEqual([{ ids: [3, 4, 5], actor: 'Operator User' }])
    } finally {
      close(small)
    }
  })

  it('keeps a small "all across pages" inline', async () => {
    // one customer's pending orders: a handful, under the threshold
    const name = h.db
      .sqlite()
      .prepare(
        "SELECT c.name FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.status = 'pending' GROUP BY c.id ORDER BY COUNT(*) LIMIT 1"
      )
      .pluck()
      .get() as string
    const query = `q=${encodeURIComponent(name)}&status=pending`
    const { scope, expected } = await offer(query)
    expect(Number(expected)).toBeGreaterThan(0)
    expect(Number(expected)).toBeLessThanOrEqual(BULK_INLINE_MAX)

    const res = await ship(query, { scope, expected })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain(
      `${expected} ${expected === '1' ? 'order' : 'orders'} marked shipped`
    )
    expect(await h.app.tasks().admin.counts()).toMatchObject({ READY: 0, SUCCESSFUL: 0 })
  })
})

describe('handing "all across pages" off to a task', () => {
  it('answers 202 with the table whose bulk bar polls the task, CSP-clean, before any change', async () => {
    const before = pendingCount()
    const { scope, expected } = await offer('status=pending')
    expect(Number(expected)).toBe(before)
    expect(before).toBeGreaterThan(SHIP_CHUNK)

    const res = await ship('status=pending', { scope, expected })
    const body = await res.text()

    expect(res.status).toBe(202)
    expect(body.startsWith('<section id="orders-table"')).toBe(true)
    expect(body).toContain('class="hx-bulk-bar hx-bulk-bar--shown hx-bulk-bar--task"')
    expect(body).toMatch(
      /<div class="hx-task hx-task--ready" id="ship-[\w-]+" hx-get="\/orders\/bulk\/ship\/[\w-]+\?status=pending" hx-swap="outerHTML" hx-trigger="every 1s"/
    )
    expect(body).toContain('Waiting to start')
    // the running set cannot be sent twice from the bar
    expect(body).not.toContain('name="scope"')
    expect(body).not.toContain('>Mark shipped</button>')
    expect(scanCspSafety(body, { hxCsp: true })).toEqual([])
    expect(pendingCount()).toBe(before)
    const task = await onlyTask()
    expect(task.taskName).toBe('demo.shipOrders')
    expect(task.args).toEqual([{ query: 'status=pending', actor: 'Operator User' }])
  })

  it('ships every matching order in chunks on the SQLite file, then the last poll refreshes the table with a toast', async () => {
    const before = pendingCount()
    const { scope, expected } = await offer('status=pending')
    const poll = pollPath(await (await ship('status=pending', { scope, expected })).text())

    const waiting = await htmxRequest(h.app, poll, { target: 'div#x' })
    expect(waiting.status).toBe(200)
    expect(await waiting.text()).toContain('hx-trigger="every 1s"')

    await drain()
    expect(pendingCount()).toBe(0)
    const sqlite = h.db.sqlite()
    expect(
      sqlite.prepare('SELECT actor, message FROM activity ORDER BY id DESC LIMIT 1').get()
    ).toEqual({
      actor: 'Operator User',
      message: `${String(before)} orders marked shipped in bulk`,
    })
    const task = await onlyTask()
    expect(task.status).toBe('SUCCESSFUL')
    expect(task.returnValue).toEqual({ rows: before, matched: before })
    const shown = new Intl.NumberFormat('en-GB').format(before)
    expect(task.progress).toEqual({ fraction: 1, message: `${shown} of ${shown} orders` })

    const done = await htmxRequest(h.app, poll, { target: 'div#x' })
    const body = await done.text()
    expect(done.status).toBe(200)
    expect(done.headers.get('HX-Push-Url')).toBeNull()
    expect(body).toMatch(/^<div class="hx-task hx-task--successful" id="ship-[\w-]+">/)
    expect(body.slice(0, body.indexOf('<hx-partial'))).not.toContain('hx-trigger')
    expect(body).toContain('<hx-partial hx-target="#orders-table" hx-swap="outerHTML"')
    expect(body).toContain('No orders match these filters.')
    expect(body).toContain('<hx-partial hx-target="#toasts" hx-swap="beforeend"')
    expect(body).toContain(`${shown} orders marked shipped`)
    // htmx 2 finds a block's target from the polling element, which the table's block removes
    expect(body.indexOf('hx-target="#toasts"')).toBeLessThan(
      body.indexOf('hx-target="#orders-table"')
    )
    expect(scanCspSafety(body, { hxCsp: true })).toEqual([])
  })

  it('re-applies the scope when it runs: it ships what matches then and reports that count', async () => {
    const before = pendingCount()
    const { scope, expected } = await offer('status=pending')
    expect((await ship('status=pending', { scope, expected })).status).toBe(202)
    const sqlite = h.db.sqlite()
    // after the enqueue, three pending orders are cancelled and two paid ones go back to pending
    const cancelled = sqlite
      .prepare("SELECT id FROM orders WHERE status = 'pending' ORDER BY id DESC LIMIT 3")
      .pluck()
      .all() as number[]
    sqlite.prepare("UPDATE orders SET status = 'cancelled' WHERE id IN (?, ?, ?)").run(...cancelled)
    const reopened = sqlite
      .prepare("SELECT id FROM orders WHERE status = 'paid' ORDER BY id LIMIT 2")
      .pluck()
      .all() as number[]
    sqlite.prepare("UPDATE orders SET status = 'pending' WHERE id IN (?, ?)").run(...reopened)

    await drain()
    const task = await onlyTask()
    expect(task.returnValue).toEqual({ rows: before - 1, matched: before - 1 })
    expect(pendingCount()).toBe(0)
    const statuses = sqlite
      .prepare('SELECT DISTINCT status FROM orders WHERE id IN (?, ?)')
      .pluck()
      .all(...reopened)
    expect(statuses).toEqual(['shipped'])
    expect(
      sqlite
        .prepare('SELECT DISTINCT status FROM orders WHERE id IN (?, ?, ?)')
        .pluck()
        .all(...cancelled)
    ).toEqual(['cancelled'])
  })

  it('checks the scope at enqueue time: a changed set answers 409 with a fresh bar and enqueues nothing', async () => {
    const { scope, expected } = await offer('status=pending')
    h.db
      .sqlite()
      .exec(
        "UPDATE orders SET status = 'paid' WHERE id = (SELECT MIN(id) FROM orders WHERE status = 'pending')"
      )

    const res = await ship('status=pending', { scope, expected })
    const body = await res.text()

    expect(res.status).toBe(409)
    expect(body).toContain(`not ${expected}`)
    expect(body).toMatch(/name="scope" value="[^"]+" data-hxkit-across checked/)
    expect(await h.app.tasks().admin.list({ status: null, limit: 1, offset: 0 })).toEqual([])
  })

  it('stops between chunks when cancelled, keeping and logging the chunks it committed', async () => {
    const slow = open({ stepMs: 150 })
    try {
      const { scope, expected } = await offer('status=pending', slow)
      const poll = pollPath(await (await ship('status=pending', { scope, expected }, slow)).text())
      const tasks = slow.app.tasks()
      const task = await onlyTask(slow)
      const running = tasks.startWorker({ graceMs: 0 })
      await untilTask(slow.app, task.id, (record) => record?.progress != null)
      expect(await tasks.backend.cancel(task.id)).toBe('requested')
      await untilTask(slow.app, task.id, (record) => record?.status === 'FAILED')
      await running.stop()

      const shipped = Number(expected) - pendingCount(slow)
      expect(shipped).toBeGreaterThan(0)
      expect(shipped % SHIP_CHUNK).toBe(0)
      expect(shipped).toBeLessThan(Number(expected))
      expect(
        slow.db
          .sqlite()
          .prepare('SELECT message FROM activity ORDER BY id DESC LIMIT 1')
          .pluck()
          .get()
      ).toBe(`${String(shipped)} orders marked shipped in bulk`)
      const body = await (await htmxRequest(slow.app, poll, { target: 'div#x' })).text()
      expect(body).toContain('hx-task--failed')
      expect(body).toContain('Bulk shipping was cancelled after')
      expect(body).toContain('<hx-partial hx-target="#orders-table"')
    } finally {
      close(slow)
    }
  })

  it('answers htmx 2 with 202 and the same poll', async () => {
    const two = open({ version: 2 })
    try {
      const page = await (
        await htmxRequest(two.app, '/orders?status=pending', { version: 2, target: 'orders-table' })
      ).text()
      const scope = /name="scope" value="([^"]+)"/.exec(page)?.[1] ?? ''
      const expected = /name="expected" value="(\d+)"/.exec(page)?.[1] ?? ''
      const res = await htmxRequest(two.app, '/orders/bulk/ship?status=pending', {
        version: 2,
        method: 'POST',
        target: 'orders-table',
        form: { scope, expected },
      })
      const body = await res.text()
      expect(res.status).toBe(202)
      await drain(two)
      const done = await htmxRequest(two.app, pollPath(body), { version: 2, target: 'x' })
      expect(await done.text()).toContain('<hx-partial hx-target="#orders-table"')
      expect(pendingCount(two)).toBe(0)
    } finally {
      close(two)
    }
  })
})

describe('without JavaScript, and who may', () => {
  it('answers a plain form POST with 303 to the task page, and the progress route likewise', async () => {
    const { scope, expected } = await offer('status=pending')
    const res = await noJsRequest(h.app, '/orders/bulk/ship?status=pending', {
      method: 'POST',
      form: { scope, expected },
    })
    const task = await onlyTask()

    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe(`/tasks/${task.id}`)
    const page = await noJsRequest(h.app, `/orders/bulk/ship/${task.id}`)
    expect(page.status).toBe(303)
    expect(page.headers.get('Location')).toBe(`/tasks/${task.id}`)
    const taskPage = await (await noJsRequest(h.app, `/tasks/${task.id}`)).text()
    expect(taskPage).toContain('Bulk shipping of orders')
  })

  it('answers 404 for an unknown task, or one that is no bulk ship, and ends an htmx poll', async () => {
    const other = await h.app.tasks().recomputeCustomerTotals.enqueue()
    for (const id of ['no-such-task', other.id, 'bad%20id']) {
      expect((await noJsRequest(h.app, `/orders/bulk/ship/${id}`)).status).toBe(404)
      const polled = await htmxRequest(h.app, `/orders/bulk/ship/${id}`, { target: 'div#x' })
      expect(polled.status).toBe(286)
      expect(await polled.text()).toContain('This bulk action no longer exists.')
    }
  })

  it('refuses a viewer with 403 and enqueues nothing', async () => {
    const viewer = open({ as: 'viewer' })
    try {
      const { scope, expected } = await offer('status=pending', viewer)
      const res = await ship('status=pending', { scope, expected }, viewer)
      expect(res.status).toBe(403)
      expect(await viewer.app.tasks().admin.list({ status: null, limit: 1, offset: 0 })).toEqual([])
      expect(pendingCount(viewer)).toBe(Number(expected))
    } finally {
      close(viewer)
    }
  })
})
