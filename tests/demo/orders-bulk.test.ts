// The orders console's bulk hand-off: a large "mark shipped" is enqueued as the shipOrders task
// (202 with the Tasks' own progress partial and live element in the bulk bar), runs in chunks on a
// real worker against the demo's SQLite file, and the Tasks' inline progress view ends it with a
// toast and the refreshed table. Small selections stay inline; without JavaScript the POST answers
// 303 to the task's page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../demo/app.ts'
import { openDb } from '../../demo/db.ts'
import type { DemoDb } from '../../demo/db.ts'
import { ORDERS_CHANNEL, demoLive } from '../../demo/live.ts'
import { BULK_INLINE_MAX, bulkInlineMax } from '../../demo/orders/bulk.ts'
import { SHIP_CHUNK } from '../../demo/tasks/definitions.ts'
import type { Role } from '../../demo/users.ts'
import { scanCspSafety } from '../../src/csp/index.ts'
import { memoryBus } from '../../src/live/index.ts'
import type { LiveBus } from '../../src/live/index.ts'
import type { TaskRecord } from '../../src/tasks/index.ts'
import { htmxRequest, noJsRequest } from '../../src/testing/index.ts'
import { TEST_USERS, drainTasks, readStream, signIn, untilTask } from './setup.ts'

interface Harness {
  app: ReturnType<typeof createApp>
  db: DemoDb
  dir: string
}

let h: Harness

function open(
  options: { stepMs?: number; version?: 2 | 4; as?: Role; bus?: LiveBus } = {}
): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'hxkit-bulk-'))
  const db = openDb({ path: join(dir, 'demo.db'), reset: true })
  const app = createApp({
    db,
    htmxVersion: options.version ?? 4,
    tasks: { stepMs: options.stepMs ?? 0 },
    users: TEST_USERS,
    live: options.bus === undefined ? undefined : demoLive(options.version ?? 4, options.bus),
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

/** The URL of the Tasks' inline progress view that a 202's bulk bar follows (stream or poll). */
const progressUrl = (body: string): string =>
  (/hx-(?:sse:connect|get)="(\/tasks\/[\w-]+\/progress[^"]*)"/.exec(body)?.[1] ?? '')
    .replaceAll('&amp;', '&')
    .replace(/[?&]since=\d+$/, '')

const TABLE_BLOCK = '<hx-partial hx-target="#orders-table" hx-swap="outerHTML"'
const streamHeaders = { Accept: 'text/html, text/event-stream' }

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
  it('answers 202 with the table whose bulk bar shows the Tasks progress and its stream, CSP-clean, before any change', async () => {
    const before = pendingCount()
    const { scope, expected } = await offer('status=pending')
    expect(Number(expected)).toBe(before)
    expect(before).toBeGreaterThan(SHIP_CHUNK)

    const res = await ship('status=pending', { scope, expected })
    const body = await res.text()

    expect(res.status).toBe(202)
    expect(body.startsWith('<section id="orders-table"')).toBe(true)
    expect(body).toContain('class="hx-bulk-bar hx-bulk-bar--shown hx-bulk-bar--task"')
    const task = await onlyTask()
    // the same partial and element as the CSV export's: the stream carries the list's query
    expect(body).toContain(
      `<div id="task-progress"><div id="progress-${task.id}" class="task-progress">`
    )
    expect(body).toContain(`<a href="/tasks/${task.id}">Bulk shipping of orders</a>`)
    expect(body).toContain('Waiting for a worker')
    expect(body).toMatch(
      new RegExp(
        `<div hidden hx-sse:connect="/tasks/${task.id}/progress\\?status=pending&amp;since=\\d+" hx-sse:close="hxkit:end"`
      )
    )
    // no route of the console's own follows the task any more
    expect(body).not.toContain('/orders/bulk/ship/')
    // the running set cannot be sent twice from the bar
    expect(body).not.toContain('name="scope"')
    expect(body).not.toContain('>Mark shipped</button>')
    expect(scanCspSafety(body, { hxCsp: true })).toEqual([])
    expect(pendingCount()).toBe(before)
    expect(task.taskName).toBe('demo.shipOrders')
    expect(task.args).toEqual([{ query: 'status=pending', actor: 'Operator User' }])
  })

  it('ships every matching order in chunks on the SQLite file; the progress view ends with a toast and the refreshed table', async () => {
    const before = pendingCount()
    const { scope, expected } = await offer('status=pending')
    const poll = progressUrl(await (await ship('status=pending', { scope, expected })).text())
    expect(poll).toMatch(/^\/tasks\/[\w-]+\/progress\?status=pending$/)

    const waiting = await htmxRequest(h.app, poll, { target: 'div#x' })
    expect(waiting.status).toBe(200)
    const first = await waiting.text()
    expect(first).toContain('Waiting for a worker')
    expect(first).not.toContain('#orders-table')

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
    expect(done.status).toBe(286)
    expect(done.headers.get('HX-Push-Url')).toBeNull()
    expect(body).toMatch(/^<hx-partial hx-target="#task-progress" hx-swap="outerHTML"/)
    expect(body).toMatch(
      new RegExp(`<p role="status"[^>]*>\\s*Bulk shipping of orders finished \\(${shown} orders\\)`)
    )
    expect(body).toContain('<hx-partial hx-target="#toasts" hx-swap="beforeend"')
    expect(body).toContain(`Bulk shipping of orders finished (${shown} orders).`)
    expect(body).toContain(TABLE_BLOCK)
    expect(body).toContain('No orders match these filters.')
    // the refreshed table is the plain one: its bar offers the buttons again, follows nothing
    const table = body.slice(body.indexOf(TABLE_BLOCK))
    expect(table).not.toContain('hx-bulk-bar--task')
    expect(table).not.toContain('hx-sse')
    // htmx 2 finds a block's target from the polling element, which the table's block removes
    expect(body.indexOf('hx-target="#toasts"')).toBeLessThan(body.indexOf(TABLE_BLOCK))
    expect(scanCspSafety(body, { hxCsp: true })).toEqual([])
  })

  it('streams the progress to htmx 4; the last message carries the toast and the table, then the stream ends', async () => {
    const slow = open({ stepMs: 50 })
    try {
      const { scope, expected } = await offer('status=pending', slow)
      const body = await (await ship('status=pending', { scope, expected }, slow)).text()
      const res = await htmxRequest(slow.app, `${progressUrl(body)}&since=0`, {
        target: 'div#x',
        headers: streamHeaders,
      })
      expect(res.headers.get('Content-Type')).toBe('text/event-stream; charset=utf-8')
      const reading = readStream(res, 10_000)
      await drain(slow)
      const messages = await reading

      expect(messages.at(-1)?.event).toBe('hxkit:end')
      const swaps = messages.filter((m) => m.event === '')
      expect(swaps.length).toBeGreaterThan(1)
      expect(swaps.some((m) => / of [\d,]+ orders/.test(m.data))).toBe(true)
      // only the last message, once the task finished, redraws the table
      expect(swaps.slice(0, -1).some((m) => m.data.includes('#orders-table'))).toBe(false)
      const last = swaps.at(-1)?.data ?? ''
      expect(last).toContain('Bulk shipping of orders finished')
      expect(last).toContain(TABLE_BLOCK)
      expect(last.indexOf('hx-target="#toasts"')).toBeLessThan(last.indexOf(TABLE_BLOCK))
      expect(last).toContain('No orders match these filters.')
    } finally {
      close(slow)
    }
  })

  it('tells open overviews once the task has shipped, not when it is enqueued', async () => {
    close(h)
    const bus = memoryBus()
    h = open({ bus })
    const heard: string[] = []
    const stop = bus.subscribe((channel) => heard.push(channel))
    const { scope, expected } = await offer('status=pending')

    expect((await ship('status=pending', { scope, expected })).status).toBe(202)
    await new Promise((done) => setTimeout(done, 0))
    const beforeRun = heard.filter((channel) => channel === ORDERS_CHANNEL).length
    await drain()
    await new Promise((done) => setTimeout(done, 0))
    stop()

    expect(pendingCount()).toBe(0)
    expect(beforeRun).toBe(0)
    expect(heard.filter((channel) => channel === ORDERS_CHANNEL).length).toBeGreaterThan(0)
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
      const poll = progressUrl(
        await (await ship('status=pending', { scope, expected }, slow)).text()
      )
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
      const res = await htmxRequest(slow.app, poll, { target: 'div#x' })
      const body = await res.text()
      expect(res.status).toBe(286)
      expect(body).toMatch(
        /<p role="alert" class="task-outcome task-failed">\s*Bulk shipping of orders was cancelled/
      )
      // the table's refresh takes that away: a toast says it again, before the table
      expect(body).toContain('hx-toast--error')
      expect(body).toContain('Bulk shipping was cancelled after')
      expect(body).toContain('the orders it reached stay shipped.')
      expect(body.indexOf('hx-toast--error')).toBeLessThan(body.indexOf(TABLE_BLOCK))
      expect(scanCspSafety(body, { hxCsp: true })).toEqual([])
    } finally {
      close(slow)
    }
  })

  it('answers htmx 2 with 202 and the same view, polled; its 286 carries the table', async () => {
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
      expect(body).toMatch(
        /<div hidden hx-get="\/tasks\/[\w-]+\/progress\?status=pending" hx-trigger="every 1s"/
      )
      expect(body).not.toContain('hx-sse')
      expect(scanCspSafety(body)).toEqual([])
      await drain(two)
      const done = await htmxRequest(two.app, progressUrl(body), { version: 2, target: 'x' })
      expect(done.status).toBe(286)
      const last = await done.text()
      expect(last).toContain('Bulk shipping of orders finished')
      expect(last.indexOf('hx-target="#toasts"')).toBeLessThan(last.indexOf(TABLE_BLOCK))
      expect(pendingCount(two)).toBe(0)
    } finally {
      close(two)
    }
  })

  it('sends no table with another task, nor for a stream URL with a bad list query', async () => {
    const other = (await h.app.tasks().recomputeCustomerTotals.enqueue()).id
    const { scope, expected } = await offer('status=pending')
    const poll = progressUrl(await (await ship('status=pending', { scope, expected })).text())
    await drain()

    const recompute = await htmxRequest(h.app, `/tasks/${other}/progress?status=pending`, {
      target: 'div#x',
    })
    expect(recompute.status).toBe(286)
    expect(await recompute.text()).not.toContain('#orders-table')

    const bad = await htmxRequest(h.app, poll.replace('status=pending', 'status=lost'), {
      target: 'div#x',
    })
    expect(bad.status).toBe(286)
    const body = await bad.text()
    expect(body).toContain('Bulk shipping of orders finished')
    expect(body).not.toContain('#orders-table')
  })
})

describe('when the refreshed table cannot be drawn', () => {
  it('still sends the last message, with a toast saying to reload, so the view ends', async () => {
    const { scope, expected } = await offer('status=pending')
    const poll = progressUrl(await (await ship('status=pending', { scope, expected })).text())
    await drain()
    h.db.sqlite().exec('ALTER TABLE orders RENAME TO orders_away')
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)

    const done = await htmxRequest(h.app, poll, { target: 'div#x' })
    const body = await done.text()
    h.db.sqlite().exec('ALTER TABLE orders_away RENAME TO orders')

    expect(done.status).toBe(286)
    expect(body).toContain('Bulk shipping of orders finished')
    expect(body).toContain('The orders table could not be refreshed: reload the page')
    expect(body).not.toContain(TABLE_BLOCK)
    expect(String(logged.mock.calls[0]?.[0])).toContain('could not be refreshed')
    logged.mockRestore()
  })
})

describe('without JavaScript, and who may', () => {
  it('answers a plain form POST with 303 to the task page, as the progress view does', async () => {
    const { scope, expected } = await offer('status=pending')
    const res = await noJsRequest(h.app, '/orders/bulk/ship?status=pending', {
      method: 'POST',
      form: { scope, expected },
    })
    const task = await onlyTask()

    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe(`/tasks/${task.id}`)
    const progress = await noJsRequest(h.app, `/tasks/${task.id}/progress?status=pending`)
    expect(progress.status).toBe(303)
    expect(progress.headers.get('Location')).toBe(`/tasks/${task.id}`)
    const taskPage = await (await noJsRequest(h.app, `/tasks/${task.id}`)).text()
    expect(taskPage).toContain('Bulk shipping of orders')
    // the console's own progress route is gone
    expect((await noJsRequest(h.app, `/orders/bulk/ship/${task.id}`)).status).toBe(404)
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
