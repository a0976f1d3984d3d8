// The demo's Tasks: starting an export or a recompute, the progress partial, the CSV download,
// the row actions and prune, through app.request() on a fresh SQLite file with a real worker.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { createApp } from '../../demo/app.ts'
import { openDb } from '../../demo/db.ts'
import type { DemoDb } from '../../demo/db.ts'
import { taskBackendFromEnv } from '../../demo/tasks/backend.ts'
import { csvCell, csvLine } from '../../demo/tasks/csv.ts'
import { workerSettings } from '../../demo/tasks/worker-options.ts'
import type { TaskRecord } from '../../src/tasks/index.ts'
import {
  checkPartialParity,
  htmxRequest,
  noJsRequest,
  plainRequest,
} from '../../src/testing/index.ts'
import { TEST_USERS, drainTasks, readStream, signIn, unsafeMarkup, untilTask } from './setup.ts'

interface Harness {
  app: ReturnType<typeof createApp>
  db: DemoDb
  dir: string
}

let h: Harness

function open(stepMs = 0, retentionMs?: number): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'hxkit-tasks-'))
  const db = openDb({ path: join(dir, 'demo.db'), reset: true })
  return {
    app: signIn(
      createApp({ db, htmxVersion: 4, tasks: { stepMs, retentionMs }, users: TEST_USERS })
    ),
    db,
    dir,
  }
}

/** The same app on htmx 2 (its pages poll instead of streaming). */
function openHtmx2(): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'hxkit-tasks-'))
  const db = openDb({ path: join(dir, 'demo.db'), reset: true })
  return {
    app: signIn(createApp({ db, htmxVersion: 2, tasks: { stepMs: 0 }, users: TEST_USERS })),
    db,
    dir,
  }
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
})

/** Runs a real worker until no task is READY or RUNNING. */
const drain = (harness: Harness = h): Promise<void> => drainTasks(harness.app)

async function record(id: string): Promise<TaskRecord> {
  const found = await h.app.tasks().backend.getResult(id)
  if (found === null) {
    throw new Error(`no task ${id}`)
  }
  return found
}

async function startExport(form: Record<string, string> = {}): Promise<string> {
  const res = await noJsRequest(h.app, '/tasks/export', { method: 'POST', form })
  expect(res.status).toBe(303)
  const location = res.headers.get('Location') ?? ''
  expect(location).toMatch(/^\/tasks\/[0-9a-f-]{36}$/)
  return location.slice('/tasks/'.length)
}

function parseCsv(text: string): string[][] {
  // enough of RFC 4180 for the test: quoted cells with doubled quotes, CRLF records
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') {
        quoted = false
      } else {
        cell += ch
      }
    } else if (ch === '"') {
      quoted = true
    } else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else {
      cell += ch
    }
  }
  return rows
}

describe('csvCell()', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=1+1', "'=1+1"],
    ['+31 20', "'+31 20"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['', ''],
  ])('writes %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell)
  })

  it('writes numbers as they are, negative ones too, and null as an empty cell', () => {
    expect(csvCell(-12.5)).toBe('-12.5')
    expect(csvCell(null)).toBe('')
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n')
  })
})

describe('POST /tasks/export', () => {
  it('without JavaScript enqueues the export with the table filters and answers 303 to its page', async () => {
    const id = await startExport({ sort: 'total', dir: 'asc', status: 'paid' })

    const task = await record(id)
    expect(task.status).toBe('READY')
    expect(task.taskName).toBe('demo.exportOrders')
    expect(task.queueName).toBe('exports')
    expect(task.args).toEqual([{ sort: 'total', dir: 'asc', status: 'paid' }])
    expect(h.db.activity(1)[0]?.message).toBe('started a CSV export of paid orders')
  })

  it('falls back to the table defaults for bad filters', async () => {
    const id = await startExport({ sort: 'o.id; DROP TABLE orders', dir: 'up', status: 'lost' })

    expect((await record(id)).args).toEqual([{ sort: 'created', dir: 'desc', status: null }])
  })

  it('with htmx answers 202, the progress partial and the element that streams it (htmx 4)', async () => {
    const res = await htmxRequest(h.app, '/tasks/export', {
      method: 'POST',
      target: 'div#export-progress',
      form: { sort: 'id', dir: 'asc', status: '' },
    })
    const body = await res.text()

    expect(res.status).toBe(202)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const id = /id="progress-([0-9a-f-]{36})"/.exec(body)?.[1] ?? ''
    expect(body).toMatch(/^<div id="task-progress"><div id="progress-/)
    expect(body).toMatch(
      new RegExp(
        `<div hidden hx-sse:connect="/tasks/${id}/progress\\?since=\\d+" hx-sse:close="hxkit:end"`
      )
    )
    expect(body).not.toContain('hx-trigger')
    expect(body).toContain('Waiting for a worker')
    expect(body).not.toContain('<hx-partial')
    expect(unsafeMarkup(body)).toEqual([])
  })

  it('answers htmx 2 with an element that polls the same route every second', async () => {
    const two = openHtmx2()
    try {
      const res = await htmxRequest(two.app, '/tasks/export', {
        method: 'POST',
        target: 'export-progress',
        version: 2,
        form: {},
      })
      const body = await res.text()
      const id = /id="progress-([0-9a-f-]{36})"/.exec(body)?.[1] ?? ''

      expect(body).toContain(`<div hidden hx-get="/tasks/${id}/progress" hx-trigger="every 1s"`)
      expect(body).not.toContain('hx-sse')
    } finally {
      close(two)
    }
  })

  it('rolls the activity entry back with the task when the enqueue fails', async () => {
    const before = h.db.activity(1)[0]?.id
    h.app.tasks()
    h.db.sqlite().exec('DROP TABLE hx_task')

    const res = await noJsRequest(h.app, '/tasks/export', { method: 'POST', form: {} })

    expect(res.status).toBe(500)
    expect(h.db.activity(1)[0]?.id).toBe(before)
  })
})

describe('the orders export', () => {
  it('writes every matching order, sorted as the table was, with quoted and guarded cells', async () => {
    const sqlite = h.db.sqlite()
    sqlite
      .prepare(
        `INSERT INTO customers (id, name, email, city, created_at) VALUES (?, ?, ?, 'Ghent', '2025-01-01T00:00:00Z')`
      )
      .run(9001, '=HYPERLINK("http://evil.example","click")', '@evil.example')
    sqlite
      .prepare(
        `INSERT INTO orders (customer_id, status, total_cents, created_at) VALUES (9001, 'paid', 1, '2025-01-01T00:00:00Z')`
      )
      .run()
    const id = await startExport({ sort: 'total', dir: 'asc', status: 'paid' })

    await drain()
    const res = await plainRequest(h.app, `/tasks/${id}/download`)
    const text = await res.text()
    const rows = parseCsv(text)

    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="orders-\d{4}-\d{2}-\d{2}-paid\.csv"$/
    )
    expect(rows[0]).toEqual(['order', 'customer', 'email', 'status', 'total', 'placed'])
    const paid = sqlite.prepare(`SELECT COUNT(*) FROM orders WHERE status = 'paid'`).pluck().get()
    expect(rows.length - 1).toBe(paid)
    expect(rows.slice(1).every((row) => row[3] === 'paid')).toBe(true)
    const totals = rows.slice(1).map((row) => Number(row[4]))
    expect(totals).toEqual([...totals].sort((a, b) => a - b))
    expect(rows[1]?.slice(1, 3)).toEqual([
      `'=HYPERLINK("http://evil.example","click")`,
      "'@evil.example",
    ])
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`)
    const result = await record(id)
    expect(result.returnValue).toMatchObject({ rows: paid })
    expect(result.progress).toEqual({
      fraction: 1,
      message: `${String(paid)} of ${String(paid)} orders`,
    })
  })

  it('quotes names with commas, quotes and line breaks', async () => {
    h.db
      .sqlite()
      .prepare(
        `UPDATE customers SET name = ? WHERE id = (SELECT customer_id FROM orders WHERE id = 1)`
      )
      .run('Smith, "Ada"\nand Co')
    const id = await startExport({ sort: 'id', dir: 'asc' })

    await drain()
    const rows = parseCsv(await (await plainRequest(h.app, `/tasks/${id}/download`)).text())

    expect(rows[1]?.[0]).toBe('1')
    expect(rows[1]?.[1]).toBe('Smith, "Ada"\nand Co')
    expect(rows).toHaveLength(5_400 + 1)
  })
})

const streamHeaders = { Accept: 'text/html, text/event-stream' }

describe('GET /tasks/:id/progress', () => {
  it('streams the progress to htmx 4 and ends the stream itself when the task finished', async () => {
    // steps of 100 ms: the progress spans several of the hub's 250 ms intervals
    close(h)
    h = open(100)
    const id = await startExport()
    const res = await htmxRequest(h.app, `/tasks/${id}/progress?since=0`, {
      target: `div#export-progress`,
      headers: streamHeaders,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/event-stream; charset=utf-8')
    expect(res.headers.get('Cache-Control')).toBe('no-store, no-transform')

    const reading = readStream(res)
    await sleep(100) // the first render: the task as the page showed it
    await drain()
    const messages = await reading

    expect(messages[0]?.event).toBe('hxkit:nonce')
    expect(messages.at(-1)?.event).toBe('hxkit:end')
    const swaps = messages.filter((message) => message.event === '')
    expect(swaps[0]?.data).toContain('Waiting for a worker')
    // each message renders the progress partial, the last one finished, with its toast
    expect(swaps.every((m) => m.data.startsWith('<hx-partial hx-target="#task-progress"'))).toBe(
      true
    )
    expect(swaps.some((m) => m.data.includes(' of 5400 orders'))).toBe(true)
    const last = swaps.at(-1)?.data ?? ''
    expect(last).toMatch(/<p role="status"[^>]*>\s*Orders CSV export finished \(5,400 orders\)/)
    expect(last).toContain(`href="/tasks/${id}/download" download`)
    expect(last).toMatch(
      /<hx-partial hx-target="#toasts" hx-swap="beforeend"[^>]*><div class="hx-toast hx-toast--success"><p>Orders CSV export finished \(5,400 orders\)\.<\/p>/
    )
    expect(swaps.slice(0, -1).some((m) => m.data.includes('#toasts'))).toBe(false)
  })

  it('sends a stream that opens on a finished task its final markup, then ends it', async () => {
    const id = await startExport()
    await drain()

    const res = await htmxRequest(h.app, `/tasks/${id}/progress?since=0`, {
      headers: streamHeaders,
    })
    const messages = await readStream(res)

    expect(messages.map((m) => m.event)).toEqual(['hxkit:nonce', '', 'hxkit:end'])
    expect(messages[1]?.data).toContain('Orders CSV export finished')
  })

  it('answers the htmx 2 poll with the partial while the task waits, and 286 once it finished', async () => {
    const id = await startExport()
    const waiting = await htmxRequest(h.app, `/tasks/${id}/progress`, { version: 2 })
    expect(waiting.status).toBe(200)
    const first = await waiting.text()
    expect(first).toMatch(/^<hx-partial hx-target="#task-progress" hx-swap="outerHTML"/)
    expect(first).toContain('Waiting for a worker')
    expect(first).not.toContain('#toasts')

    await drain()
    const done = await htmxRequest(h.app, `/tasks/${id}/progress`, { version: 2 })
    const body = await done.text()

    expect(done.status).toBe(286)
    expect(done.headers.get('Cache-Control')).toBe('no-store')
    expect(done.headers.get('Vary')).toContain('Accept')
    // the progress markup carries no trigger of its own: the hidden element beside it polls
    expect(body).not.toContain('hx-trigger')
    expect(body).not.toContain('hx-get')
    expect(body).toMatch(/<p role="status"[^>]*>\s*Orders CSV export finished \(5,400 orders\)/)
    expect(body).toContain(`href="/tasks/${id}/download" download`)
    expect(body).toContain('<hx-partial hx-target="#toasts" hx-swap="beforeend"')
  })

  it('on the task page also refreshes the details when it ends', async () => {
    const id = await startExport()
    await drain()

    const res = await htmxRequest(h.app, `/tasks/${id}/progress/detail`, { version: 2 })

    expect(res.status).toBe(286)
    await expect(res).toHaveHxPartial('#task-detail')
    await expect(res).toHaveHxPartial('#task-progress')
  })

  it('streams the task page only the progress on a progress report, and the details on a state change', async () => {
    close(h)
    h = open(100)
    const id = await startExport()
    const res = await htmxRequest(h.app, `/tasks/${id}/progress/detail?since=0`, {
      headers: streamHeaders,
    })
    const reading = readStream(res)
    await sleep(100)
    await drain()
    const swaps = (await reading).filter((m) => m.event === '')

    const details = swaps.filter((m) => m.data.includes('hx-target="#task-detail"'))
    const progressOnly = swaps.filter((m) => !m.data.includes('hx-target="#task-detail"'))
    expect(progressOnly.length).toBeGreaterThan(0)
    expect(details.length).toBeGreaterThan(0)
    expect(details.at(-1)?.data).toContain('<h3>Result</h3>')
  })

  it('announces a failure with role="alert"', async () => {
    const id = await startExport()
    await h.app.tasks().backend.cancel(id)

    const res = await htmxRequest(h.app, `/tasks/${id}/progress`)

    expect(res.status).toBe(286)
    expect(res.headers.get('HX-Trigger')).toBeNull()
    expect(await res.text()).toMatch(/<p role="alert"[^>]*>\s*Orders CSV export was cancelled/)
  })

  it('ends the poll of a task that no longer exists', async () => {
    const id = await startExport()
    await h.app.tasks().admin.discard(id)

    const res = await htmxRequest(h.app, `/tasks/${id}/progress`)

    expect(res.status).toBe(286)
    expect(await res.text()).toContain('This task no longer exists.')
  })

  it('sends a browser without JavaScript to the task page (303), or 404 for no task', async () => {
    const id = await startExport()

    const res = await noJsRequest(h.app, `/tasks/${id}/progress`)
    const missing = await noJsRequest(h.app, '/tasks/nope/progress')
    const bad = await htmxRequest(h.app, '/tasks/..%2F..%2Fetc/progress')

    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe(`/tasks/${id}`)
    expect(missing.status).toBe(404)
    expect(bad.status).toBe(404)
  })
})

describe('GET /tasks/:id/download', () => {
  it('is 404 for an unknown task, an unfinished export, another task and a removed file', async () => {
    const unknown = await plainRequest(
      h.app,
      '/tasks/00000000-0000-0000-0000-000000000000/download'
    )
    const waiting = await startExport()
    const unfinished = await plainRequest(h.app, `/tasks/${waiting}/download`)
    const recompute = (await h.app.tasks().recomputeCustomerTotals.enqueue()).id
    await drain()
    const other = await plainRequest(h.app, `/tasks/${recompute}/download`)
    rmSync(h.app.tasks().files.path(waiting) as string)
    const removed = await plainRequest(h.app, `/tasks/${waiting}/download`)

    expect([unknown.status, unfinished.status, other.status, removed.status]).toEqual([
      404, 404, 404, 404,
    ])
    expect(await removed.text()).toContain('This export has no file')
  })
})

describe('prune', () => {
  it('deletes finished tasks and their export files, and leaves waiting ones', async () => {
    const done = await startExport()
    await drain()
    const waiting = await startExport()
    const file = h.app.tasks().files.path(done) as string
    expect(existsSync(file)).toBe(true)
    await sleep(5)

    const deleted = await h.app.tasks().prune(0)

    expect(deleted).toBe(1)
    expect(existsSync(file)).toBe(false)
    expect((await plainRequest(h.app, `/tasks/${done}`)).status).toBe(404)
    expect((await plainRequest(h.app, `/tasks/${done}/download`)).status).toBe(404)
    expect((await record(waiting)).status).toBe('READY')
  })

  it('runs every ten minutes through the worker, removing the files of pruned exports', async () => {
    const pruning = open(0, 0)
    try {
      const tasks = pruning.app.tasks()
      const res = await noJsRequest(pruning.app, '/tasks/export', { method: 'POST', form: {} })
      const id = (res.headers.get('Location') ?? '').slice('/tasks/'.length)
      await drain(pruning)
      const file = tasks.files.path(id) as string
      expect(existsSync(file)).toBe(true)
      const runSchedules = tasks.backend.runSchedules?.bind(tasks.backend)
      const now = Date.now()

      expect(await runSchedules?.(tasks.schedules, new Date(now))).toBe(0)
      expect(await runSchedules?.(tasks.schedules, new Date(now + 10 * 60_000))).toBe(1)
      await drain(pruning)

      expect(existsSync(file)).toBe(false)
      expect(await tasks.backend.getResult(id)).toBeNull()
      const prune = (await tasks.admin.list({ status: null, limit: 5, offset: 0 }))[0]
      expect(prune?.taskName).toBe('demo.pruneFinishedTasks')
      expect(prune?.returnValue).toBe(1)
    } finally {
      close(pruning)
    }
  })

  it('keeps tasks younger than the retention', async () => {
    await startExport()
    await drain()

    expect(await h.app.tasks().prune()).toBe(0)
  })
})

describe('POST /tasks/recompute', () => {
  it('with htmx from the Tasks page answers 202, the progress and the counts', async () => {
    const res = await htmxRequest(h.app, '/tasks/recompute', {
      method: 'POST',
      target: 'div#task-started',
      form: { from: 'tasks' },
    })
    await expect(res).toHaveHxPartial('#task-counts')
    const body = await res.text()

    expect(res.status).toBe(202)
    expect(body).toMatch(/^<div id="task-progress"><div\s+id="progress-[0-9a-f-]{36}"/)
    expect(body).toContain('<dd data-status="READY">1</dd>')
  })

  it('recomputes every customer in ten steps with progress', async () => {
    const res = await noJsRequest(h.app, '/tasks/recompute', { method: 'POST', form: {} })
    const id = (res.headers.get('Location') ?? '').slice('/tasks/'.length)

    await drain()
    const task = await record(id)
    const sqlite = h.db.sqlite()
    const mismatches = sqlite
      .prepare(
        `SELECT COUNT(*) FROM customer_totals t JOIN (SELECT c.id, COUNT(o.id) AS n,
           COALESCE(SUM(CASE WHEN o.status != 'cancelled' THEN o.total_cents END), 0) AS spent
           FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id) a
         ON a.id = t.customer_id WHERE a.n != t.orders OR a.spent != t.spent_cents`
      )
      .pluck()
      .get()

    expect(task.status).toBe('SUCCESSFUL')
    expect(task.returnValue).toEqual({ customers: 600, steps: 10 })
    expect(task.progress).toEqual({ fraction: 1, message: '600 of 600 customers' })
    expect(sqlite.prepare('SELECT COUNT(*) FROM customer_totals').pluck().get()).toBe(600)
    expect(mismatches).toBe(0)
  })

  it('stops between steps when it is cancelled while running', async () => {
    const slow = open(150)
    try {
      const tasks = slow.app.tasks()
      const result = await tasks.recomputeCustomerTotals.enqueue()
      const running = tasks.startWorker({ graceMs: 0 })
      await untilTask(slow.app, result.id, (record) => record?.progress != null)

      expect(await tasks.backend.cancel(result.id)).toBe('requested')
      await untilTask(slow.app, result.id, (record) => record?.status === 'FAILED')
      await running.stop()
      const task = (await tasks.backend.getResult(result.id)) as TaskRecord

      expect(task.status).toBe('FAILED')
      expect(task.errors.at(-1)?.exceptionClassPath).toBe('TaskCancelled')
      expect(task.progress?.fraction).toBeLessThan(1)
      const written = slow.db.sqlite().prepare('SELECT COUNT(*) FROM customer_totals').pluck().get()
      expect(written).toBeLessThan(600)
    } finally {
      close(slow)
    }
  })
})

describe('GET /tasks', () => {
  it('renders the counts, the status tabs and the rows without unsafe markup', async () => {
    const id = await startExport()

    const res = await noJsRequest(h.app, '/tasks')
    await expect(res).toBeFullPage()
    const body = await res.text()

    expect(res.status).toBe(200)
    expect(body).toMatch(/<a href="\/tasks"[^>]*hx-boost="true"[^>]*aria-current="page">Tasks<\/a>/)
    expect(body).toContain('<dd data-status="READY">1</dd>')
    expect(body).toContain(`<tr id="task-${id}">`)
    expect(body).toContain(`action="/tasks/${id}/cancel"`)
    expect(body).not.toContain(`action="/tasks/${id}/retry"`)
    expect(unsafeMarkup(body)).toEqual([])
  })

  it('pages one status at a time, the state in the URL', async () => {
    for (let i = 0; i < 30; i++) {
      await h.app.tasks().recomputeCustomerTotals.enqueue()
    }
    await h.app.tasks().backend.cancel(await startExport())

    const second = await (await plainRequest(h.app, '/tasks?status=READY&page=2')).text()
    const clamped = await (await plainRequest(h.app, '/tasks?status=READY&page=9')).text()
    const failed = await (await plainRequest(h.app, '/tasks?status=FAILED')).text()

    expect(second).toContain('Page 2 of 2')
    expect(second.match(/<tr id="task-/g)).toHaveLength(5)
    expect(second).toMatch(/href="\/tasks\?status=READY"\s+hx-get="\/tasks\?status=READY"/)
    expect(clamped).toContain('Page 2 of 2')
    expect(failed.match(/<tr id="task-/g)).toHaveLength(1)
    expect(failed).toContain('<h2 id="task-list-heading">Failed tasks</h2>')
  })

  it('renders each partial exactly as the full page does', async () => {
    await startExport()

    const parity = await checkPartialParity(h.app, '/tasks?status=READY', h.app.pages.tasks)

    // the list holds the element that opens its stream, stamped with the time of its render
    const untimed = (markup: string | null): string =>
      (markup ?? '').replace(/since=\d+/g, 'since=…')
    expect(parity.map((entry) => entry.name)).toEqual(['taskCounts', 'taskList'])
    expect(parity.every((entry) => entry.subtree !== null)).toBe(true)
    expect(parity.filter((entry) => untimed(entry.partial) !== untimed(entry.subtree))).toEqual([])
  })
})

describe('GET /live/tasks', () => {
  it('renders the Tasks page with the element that streams its counts and table, for the state it shows', async () => {
    const all = await (await plainRequest(h.app, '/tasks')).text()
    const failed = await (await plainRequest(h.app, '/tasks?status=FAILED&page=1')).text()

    expect(all).toMatch(
      /<div hidden hx-sse:connect="\/live\/tasks\?since=\d+" hx-sse:close="hxkit:end"/
    )
    expect(failed).toMatch(/hx-sse:connect="\/live\/tasks\?status=FAILED&amp;since=\d+"/)
  })

  it('streams the counts and the table when a task is enqueued, cancelled or run', async () => {
    const res = await htmxRequest(
      h.app,
      `/live/tasks?status=FAILED&since=${String(Date.now() + 60_000)}`,
      {
        headers: streamHeaders,
      }
    )
    expect(res.headers.get('Content-Type')).toBe('text/event-stream; charset=utf-8')
    const reading = readStream(res, 1_500)
    const id = await startExport()
    await sleep(300)
    await htmxRequest(h.app, `/tasks/${id}/cancel`, { method: 'POST', form: { status: 'FAILED' } })
    const swaps = (await reading).filter((m) => m.event === '')

    expect(swaps.length).toBeGreaterThanOrEqual(2)
    const last = swaps.at(-1)?.data ?? ''
    expect(last).toMatch(/^<hx-partial hx-target="#task-counts"/)
    expect(last).toContain('<hx-partial hx-target="#task-table"')
    expect(last).toContain('<dd data-status="FAILED">1</dd>')
    // the table of the stream's own state: the failed tasks
    expect(last).toContain(`<tr id="task-${id}">`)
    expect(last).toContain('name="status" value="FAILED"')
  })

  it('answers the htmx 2 poll with the counts and the table of its state, and never 286', async () => {
    const id = await startExport()
    await h.app.tasks().backend.cancel(id)

    const res = await htmxRequest(h.app, '/live/tasks?status=READY', { version: 2 })
    const body = await res.text()

    expect(res.status).toBe(200)
    expect(body).toContain('<hx-partial hx-target="#task-counts"')
    expect(body).toContain('<hx-partial hx-target="#task-table"')
    expect(body).not.toContain(`<tr id="task-${id}">`)
    expect(body).toContain('No tasks here.')
  })

  it('renders an htmx 2 Tasks page with an element that polls the stream route every 5 s', async () => {
    const two = openHtmx2()
    try {
      const body = await (await plainRequest(two.app, '/tasks?status=FAILED')).text()

      expect(body).toContain('<div hidden hx-get="/live/tasks?status=FAILED" hx-trigger="every 5s"')
      expect(body).not.toContain('hx-sse')
    } finally {
      close(two)
    }
  })
})

describe('GET /tasks/:id', () => {
  it('shows arguments, attempts, timings, and each error with its class and stack', async () => {
    const id = await startExport({ status: 'pending' })
    await h.app.tasks().backend.cancel(id)

    const res = await noJsRequest(h.app, `/tasks/${id}`)
    const body = await res.text()

    expect(res.status).toBe(200)
    expect(body).toContain('&quot;status&quot;: &quot;pending&quot;')
    expect(body).toContain('<dt>Attempts</dt><dd>0 of 3</dd>')
    expect(body).toMatch(
      /<details>\s*<summary>Attempt 0: <code>TaskCancelled<\/code> Cancelled before it ran.<\/summary>\s*<pre><code>TaskCancelled: Cancelled before it ran.\n\s+at /
    )
    expect(body).toContain(`action="/tasks/${id}/retry"`)
    expect(unsafeMarkup(body)).toEqual([])
  })

  it('renders its partial exactly as the full page does', async () => {
    const id = await startExport()
    await drain()

    const parity = await checkPartialParity(h.app, `/tasks/${id}`, h.app.pages.task)

    expect(parity.filter((entry) => !entry.ok)).toEqual([])
  })

  it('shows a refresh link while the task can change', async () => {
    const id = await startExport()

    const body = await (await noJsRequest(h.app, `/tasks/${id}`)).text()

    expect(body).toContain(`<a href="/tasks/${id}">Refresh</a>`)
  })

  it('is 404 with a message for an unknown id', async () => {
    const res = await noJsRequest(h.app, '/tasks/unknown-task')

    expect(res.status).toBe(404)
    expect(await res.text()).toContain('There is no such task')
  })
})

describe('POST /tasks/:id/<action>', () => {
  const fromList = { from: 'list', status: 'READY', page: '1' }

  it('cancel with htmx answers the new row and the counts in one response', async () => {
    const id = await startExport()

    const res = await htmxRequest(h.app, `/tasks/${id}/cancel`, {
      method: 'POST',
      target: `tr#task-${id}`,
      form: fromList,
    })
    await expect(res).toHaveHxPartial('#task-counts')
    const body = await res.text()

    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(body.startsWith(`<tr id="task-${id}">`)).toBe(true)
    expect(body).toContain('<span class="status status-failed">Failed</span>')
    expect(body).toContain(`action="/tasks/${id}/retry"`)
    expect(body).toContain('<dd data-status="FAILED">1</dd>')
    expect(body).toContain('<dd data-status="READY">0</dd>')
  })

  it('answers htmx 2 the same row and counts, varying on the htmx headers', async () => {
    const id = await startExport()

    const res = await htmxRequest(h.app, `/tasks/${id}/cancel`, {
      method: 'POST',
      version: 2,
      target: `task-${id}`,
      form: fromList,
    })

    expect(res.status).toBe(200)
    await expect(res).toVaryOn('HX-Request', 'HX-Target')
    await expect(res).toHaveHxPartial('#task-counts')
    expect(await res.text()).toMatch(new RegExp(`^<tr id="task-${id}">`))
  })

  it('retry puts a failed task back, and a second retry is refused with 409', async () => {
    const id = await startExport()
    await h.app.tasks().backend.cancel(id)

    const res = await htmxRequest(h.app, `/tasks/${id}/retry`, { method: 'POST', form: fromList })
    const again = await htmxRequest(h.app, `/tasks/${id}/retry`, { method: 'POST', form: fromList })

    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<span class="status status-ready">Ready</span>')
    expect((await record(id)).status).toBe('READY')
    expect(again.status).toBe(409)
    expect(await again.text()).toBe(
      '<p role="alert">Orders CSV export: Only a failed task can be retried.</p>'
    )
  })

  it('refuses to retry or cancel a successful task with 409 and a page without JavaScript', async () => {
    const id = await startExport()
    await drain()

    const retry = await noJsRequest(h.app, `/tasks/${id}/retry`, { method: 'POST', form: fromList })
    const cancel = await noJsRequest(h.app, `/tasks/${id}/cancel`, {
      method: 'POST',
      form: fromList,
    })

    expect(retry.status).toBe(409)
    await expect(retry).toBeFullPage()
    expect(await retry.text()).toContain('Only a failed task can be retried.')
    expect(cancel.status).toBe(409)
    expect(await cancel.text()).toContain('there is nothing to cancel')
  })

  it('without JavaScript answers 303 back to the list state or the task page', async () => {
    const first = await startExport()
    const second = await startExport()

    const list = await noJsRequest(h.app, `/tasks/${first}/cancel`, {
      method: 'POST',
      form: { from: 'list', status: 'READY', page: '2' },
    })
    const detail = await noJsRequest(h.app, `/tasks/${second}/cancel`, {
      method: 'POST',
      form: { from: 'detail' },
    })

    expect(list.status).toBe(303)
    expect(list.headers.get('Location')).toBe('/tasks?status=READY&page=2')
    expect(detail.status).toBe(303)
    expect(detail.headers.get('Location')).toBe(`/tasks/${second}`)
  })

  it('from the task page with htmx answers the details partial', async () => {
    const id = await startExport()

    const res = await htmxRequest(h.app, `/tasks/${id}/cancel`, {
      method: 'POST',
      target: 'section#task-detail',
      form: { from: 'detail' },
    })

    expect(res.status).toBe(200)
    await expect(res).toBeFragment('section#task-detail')
    expect(await res.text()).toContain('Orders CSV export was cancelled')
  })

  it('discard removes the task and its file, and a running task cannot be discarded', async () => {
    const done = await startExport()
    await drain()
    const file = h.app.tasks().files.path(done) as string
    const running = await startExport()
    const claim = await h.app.tasks().backend.claim('test-worker', null)
    expect(claim?.id).toBe(running)

    const res = await htmxRequest(h.app, `/tasks/${done}/discard`, {
      method: 'POST',
      form: fromList,
    })
    const refused = await htmxRequest(h.app, `/tasks/${running}/discard`, {
      method: 'POST',
      form: fromList,
    })
    const fromDetail = await htmxRequest(h.app, `/tasks/${await startExport()}/discard`, {
      method: 'POST',
      form: { from: 'detail' },
    })

    expect(res.status).toBe(200)
    expect(await res.text()).toContain('discarded.')
    expect(existsSync(file)).toBe(false)
    expect((await plainRequest(h.app, `/tasks/${done}`)).status).toBe(404)
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('A running task cannot be discarded')
    await expect(fromDetail).toRedirectHtmx('/tasks')
  })

  it('cancel of a running task asks its worker to stop', async () => {
    const id = await startExport()
    await h.app.tasks().backend.claim('test-worker', null)

    const res = await htmxRequest(h.app, `/tasks/${id}/cancel`, { method: 'POST', form: fromList })

    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<span class="status status-running">Running</span>')
  })

  it('run now makes a deferred task due, and is refused for a task already due', async () => {
    const tasks = h.app.tasks()
    const later = await tasks.recomputeCustomerTotals
      .using({ runAfter: new Date(Date.now() + 3_600_000) })
      .enqueue()
    const due = await startExport()
    await expect((await noJsRequest(h.app, '/tasks')).text()).resolves.toContain(
      `action="/tasks/${later.id}/run-now"`
    )

    const res = await htmxRequest(h.app, `/tasks/${later.id}/run-now`, {
      method: 'POST',
      form: fromList,
    })
    const refused = await htmxRequest(h.app, `/tasks/${due}/run-now`, {
      method: 'POST',
      form: fromList,
    })
    await drain()

    expect(res.status).toBe(200)
    expect(refused.status).toBe(409)
    expect((await record(later.id)).status).toBe('SUCCESSFUL')
  })

  it('is 404 for an unknown task or action', async () => {
    const id = await startExport()

    const unknown = await htmxRequest(h.app, '/tasks/0000/retry', {
      method: 'POST',
      form: fromList,
    })
    const action = await noJsRequest(h.app, `/tasks/${id}/explode`, {
      method: 'POST',
      form: fromList,
    })

    expect(unknown.status).toBe(404)
    expect(action.status).toBe(404)
    expect(await action.text()).toContain('There is no such action.')
  })
})

describe('workerSettings()', () => {
  it('reads flags before the environment', () => {
    expect(
      workerSettings(['--concurrency', '4', '--queues', 'exports, default'], {
        TASKS_CONCURRENCY: '9',
      })
    ).toEqual({
      concurrency: 4,
      queues: ['exports', 'default'],
      graceMs: 10_000,
    })
    expect(
      workerSettings([], { TASKS_CONCURRENCY: '3', TASKS_QUEUES: 'exports', TASKS_GRACE_MS: '500' })
    ).toEqual({
      concurrency: 3,
      queues: ['exports'],
      graceMs: 500,
    })
    expect(workerSettings([], {})).toEqual({ concurrency: 2, queues: null, graceMs: 10_000 })
  })

  it('reads the sweep interval from TASKS_SWEEP_MS, and refuses a bad one', () => {
    expect(workerSettings([], { TASKS_SWEEP_MS: '200' })).toMatchObject({ sweepIntervalMs: 200 })
    expect(() => workerSettings([], { TASKS_SWEEP_MS: '0' })).toThrow('TASKS_SWEEP_MS must be')
  })

  it.each([
    [['--concurrency', '0']],
    [['--concurrency', 'x']],
    [['--grace-ms', '-1']],
    [['--nope']],
  ])('refuses %j', (argv) => {
    expect(() => workerSettings(argv, {})).toThrow(TypeError)
  })
})

describe('taskBackendFromEnv()', () => {
  it('refuses a backend it does not know, naming the ones it does', () => {
    expect(() => taskBackendFromEnv(h.db.sqlite(), { TASKS_BACKEND: 'mongo' })).toThrow(
      'TASKS_BACKEND must be one of sqlite, redis (got "mongo").'
    )
  })

  it('needs REDIS_URL for redis, and builds the BullMQ backend on it', async () => {
    expect(() => taskBackendFromEnv(h.db.sqlite(), { TASKS_BACKEND: 'redis' })).toThrow(
      'TASKS_BACKEND=redis needs REDIS_URL'
    )
    const { backend } = taskBackendFromEnv(h.db.sqlite(), {
      TASKS_BACKEND: 'redis',
      REDIS_URL: 'redis://127.0.0.1:1',
    })

    expect(backend.name).toBe('bullmq')
    expect(backend.queues).toEqual(['default', 'exports'])
    await (backend as unknown as { close(): Promise<void> }).close()
  })
})
