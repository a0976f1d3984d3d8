// What the SQLite backend adds to the conformance suite (tests/tasks/conformance/suite.ts, which
// covers order, idempotency keys, rollback, fencing, release, retry and prune on every backend):
// WAL and its options, reads from another connection, commit visibility, queue order, the claim's
// record, heartbeats, the stall limit's record, fenced transactions, runNow, cancel through the
// heartbeat, discard and list, and waking for work.
import type Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { EnqueueRequest } from '../../src/tasks/index.ts'
import type { SqliteBackend } from '../../src/tasks/sqlite.ts'
import { task } from '../../src/tasks/task.ts'
import { useTaskDatabase } from './fixtures/database.ts'
import { request as testRequest, sleep } from './fixtures/harness.ts'

const files = useTaskDatabase('tasks')
const connect = (options: Parameters<typeof files.connect>[0] = {}): SqliteBackend =>
  files.connect(options)

const request = (overrides: Partial<EnqueueRequest> = {}): EnqueueRequest =>
  testRequest({ taskName: 'sqlite-test', args: [1], ...overrides })

describe('sqliteBackend()', () => {
  describe('the database', () => {
    it('runs in WAL mode and creates its table once', () => {
      const backend = connect()
      connect()

      expect(backend.db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(backend.counts()).toEqual({ READY: 0, RUNNING: 0, SUCCESSFUL: 0, FAILED: 0 })
    })

    it.each([
      [{ leaseMs: -1 }, '"leaseMs" must be an integer ≥ 0'],
      [{ pollMs: 1.5 }, '"pollMs" must be an integer ≥ 0'],
      [{ lease: 1 }, 'unknown option "lease"'],
    ])('refuses %o', (options, message) => {
      expect(() => connect(options as never)).toThrow(`sqliteBackend(): ${message}`)
    })
  })

  describe('enqueue() and getResult()', () => {
    it('stores a task that another connection reads back', async () => {
      const backend = connect()
      const echo = task((value: string) => value, { name: 'sqlite.echo', backend })

      const { id } = await echo.enqueue('hi')
      const other = connect()
      const found = await other.getResult(id)

      expect(found).toMatchObject({ id, status: 'READY', args: ['hi'], taskName: 'sqlite.echo' })
      expect(await other.getResult('nope')).toBeNull()
    })
  })

  describe('in the app’s transaction (J7)', () => {
    it('is visible to other connections only after the commit', async () => {
      const backend = connect()
      const worker = connect()
      const job = task(() => null, { name: 'sqlite.tx.commit', backend })
      const db = backend.db as Database.Database
      const seen: (string | null)[] = []

      db.transaction(() => {
        void job.enqueue()
        // a worker in another connection (or process) polls while the transaction is open
        const during = worker.db.prepare(`SELECT count(*) AS n FROM hx_task`).get() as { n: number }
        seen.push(String(during.n))
      })()
      const claim = await worker.claim('w', null)
      seen.push(claim?.taskName ?? null)

      expect(seen).toEqual(['0', 'sqlite.tx.commit'])
    })
  })

  describe('claim()', () => {
    it('serves queues in the order given', async () => {
      const backend = connect()
      await backend.enqueue(request({ queueName: 'b', args: ['b'] }))
      await backend.enqueue(request({ queueName: 'a', args: ['a'] }))
      await backend.enqueue(request({ queueName: 'c', args: ['c'] }))

      const first = await backend.claim('w', ['a', 'b'])
      const second = await backend.claim('w', ['a', 'b'])
      const third = await backend.claim('w', ['a', 'b'])

      expect([first?.args[0], second?.args[0], third]).toEqual(['a', 'b', null])
    })

    it('marks the task RUNNING with the attempt and the worker', async () => {
      const backend = connect()
      const { id } = await backend.enqueue(request())

      const claim = await backend.claim('worker-1', null)
      const record = await backend.getResult(id)

      expect(claim).toMatchObject({ id, attempt: 1, workerId: 'worker-1' })
      expect(record).toMatchObject({ status: 'RUNNING', workerIds: ['worker-1'] })
      expect(record?.startedAt).toEqual(record?.lastAttemptedAt)
    })
  })

  describe('heartbeat()', () => {
    it('renews the lease so the sweeper leaves the task', async () => {
      const backend = connect({ leaseMs: 60 })
      await backend.enqueue(request())
      const claim = await backend.claim('w', null)
      if (claim === null) {
        throw new Error('no claim')
      }

      await sleep(40)
      expect((await backend.heartbeat(claim)).held).toBe(true)
      await sleep(40)

      expect(await backend.sweep()).toBe(0)
    })
  })

  describe('sweep()', () => {
    it('fails a task for good once it stalled more than maxStalledCount times', async () => {
      const backend = connect({ leaseMs: 1, maxStalledCount: 1 })
      const { id } = await backend.enqueue(request({ maxAttempts: 5 }))

      await backend.claim('crash-1', null)
      await sleep(5)
      expect(await backend.sweep()).toBe(1)
      expect((await backend.getResult(id))?.status).toBe('READY')
      await backend.claim('crash-2', null)
      await sleep(5)
      await backend.sweep()

      const record = await backend.getResult(id)
      expect(record?.status).toBe('FAILED')
      expect(record?.errors.map((error) => error.exceptionClassPath)).toEqual([
        'LeaseExpired',
        'TaskStalled',
      ])
      expect(record?.errors[1]?.attempt).toBe(2)
      expect(record?.errors[1]?.message).toBe(
        'The worker crash-2 stopped renewing its lease (lease expiry 2 of this task; maxStalledCount is 1): it failed for good.'
      )
      expect(record?.finishedAt).toBeInstanceOf(Date)
    })
  })

  describe('transaction()', () => {
    const setUp = async (
      leaseMs = 1_000
    ): Promise<{
      backend: SqliteBackend
      db: Database.Database
      claim: NonNullable<Awaited<ReturnType<SqliteBackend['claim']>>>
    }> => {
      const db = files.database()
      const backend = files.connect({ leaseMs })
      db.exec('CREATE TABLE IF NOT EXISTS effect (note TEXT)')
      await backend.enqueue(request())
      const claim = await backend.claim('A', null)
      if (claim === null) {
        throw new Error('no claim')
      }
      return { backend, db: backend.db as Database.Database, claim }
    }
    const notes = (db: Database.Database): unknown[] =>
      db.prepare('SELECT note FROM effect').pluck().all()

    it('commits the writes while the claim holds its lease', async () => {
      const { backend, db, claim } = await setUp()

      const value = await backend.transaction(claim, () => {
        db.prepare('INSERT INTO effect VALUES (?)').run('held')
        return 7
      })

      expect(value).toBe(7)
      expect(notes(db)).toEqual(['held'])
    })

    it('rolls them back with LeaseExpired once another attempt took the task over', async () => {
      const { backend, db, claim } = await setUp(20)
      await sleep(40)
      await backend.sweep()
      await backend.claim('B', null)
      let ran = false

      await expect(
        backend.transaction(claim, () => {
          ran = true
          db.prepare('INSERT INTO effect VALUES (?)').run('stale')
        })
      ).rejects.toMatchObject({ name: 'LeaseExpired' })

      expect(ran).toBe(false)
      expect(notes(db)).toEqual([])
      expect(db.inTransaction).toBe(false)
    })

    it('rolls back what a throwing or asynchronous function wrote', async () => {
      const { backend, db, claim } = await setUp()
      const insert = db.prepare('INSERT INTO effect VALUES (?)')

      await expect(
        backend.transaction(claim, () => {
          insert.run('thrown')
          throw new Error('no')
        })
      ).rejects.toThrow('no')
      await expect(
        backend.transaction(claim, () => {
          insert.run('async')
          return Promise.resolve()
        })
      ).rejects.toThrow('context.transaction(): the function must be synchronous')
      await expect(
        backend.transaction(claim, () => {
          insert.run('ended')
          db.exec('COMMIT')
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- a non-Error throw
          throw 'plain'
        })
      ).rejects.toThrow('plain')

      expect(notes(db)).toEqual(['ended'])
      expect(db.inTransaction).toBe(false)
    })
  })

  describe('fail()', () => {
    it('makes a failed attempt READY at the retry time, or FAILED without one', async () => {
      const backend = connect()
      const { id } = await backend.enqueue(request({ maxAttempts: 2 }))
      const error = { exceptionClassPath: 'Error', message: 'x', traceback: 'Error: x', attempt: 1 }

      const first = await backend.claim('w', null)
      await backend.fail(first as never, error, new Date(Date.now() + 60_000))
      expect(await backend.claim('w', null)).toBeNull()
      expect(backend.runNow(id)).toBe(true)
      const second = await backend.claim('w', null)
      await backend.fail(second as never, { ...error, attempt: 2 }, null)

      const record = await backend.getResult(id)
      expect(record?.status).toBe('FAILED')
      expect(record?.errors.map((entry) => entry.attempt)).toEqual([1, 2])
    })
  })

  describe('cancel(), discard(), prune() and list()', () => {
    it('cancels a READY task at once and asks a RUNNING one through the heartbeat', async () => {
      const backend = connect()
      const ready = await backend.enqueue(request())
      const running = await backend.enqueue(request())
      const heard: string[] = []
      backend.onCancel((id) => heard.push(id))
      await backend.cancel(ready.id) // leave `running` for the claim
      const claim = await backend.claim('w', null)

      expect(await backend.cancel(running.id)).toBe('requested')
      expect(await backend.heartbeat(claim as never)).toEqual({ held: true, cancelRequested: true })
      expect(heard).toEqual([running.id])
      expect((await backend.getResult(ready.id))?.errors[0]?.exceptionClassPath).toBe(
        'TaskCancelled'
      )
      expect(await backend.cancel('nope')).toBe(false)
    })

    it('discards what is not running, prunes old finished tasks and lists by status', async () => {
      const backend = connect()
      const a = await backend.enqueue(request())
      const b = await backend.enqueue(request())
      const c = await backend.enqueue(request())
      await backend.cancel(b.id)
      const claim = await backend.claim('w', null)

      expect(backend.discard(claim?.id as string)).toBe(false)
      expect(backend.discard(c.id)).toBe(true)
      expect(backend.list({ status: 'FAILED' }).map((record) => record.id)).toEqual([b.id])
      expect(backend.list().map((record) => record.id)).toEqual([b.id, a.id])
      expect(backend.prune(60_000)).toEqual([])
      await sleep(5)
      expect(backend.prune(1, 'FAILED').map((record) => record.id)).toEqual([b.id])
      expect(backend.counts()).toEqual({ READY: 0, RUNNING: 1, SUCCESSFUL: 0, FAILED: 0 })
    })
  })

  describe('waitForWork()', () => {
    it('wakes at once on an enqueue in this process', async () => {
      const backend = connect()
      const started = Date.now()
      const waiting = backend.waitForWork(new AbortController().signal, 5_000)

      await backend.enqueue(request())
      await waiting

      expect(Date.now() - started).toBeLessThan(50)
    })

    it('wakes within 100 ms on a commit by another connection', async () => {
      const worker = connect()
      const db = files.database()
      const started = Date.now()
      const waiting = worker.waitForWork(new AbortController().signal, 5_000)

      db.prepare(
        `INSERT INTO hx_task (id, task_name, args, available_at, enqueued_at) VALUES ('x', 't', '[]', 0, 0)`
      ).run()
      await waiting

      expect(Date.now() - started).toBeLessThan(150)
    })

    it('wakes when a deferred task falls due, and on abort', async () => {
      const backend = connect()
      await backend.enqueue(request({ runAfter: new Date(Date.now() + 30) }))
      const controller = new AbortController()
      const started = Date.now()

      await backend.waitForWork(controller.signal, 5_000)
      expect(Date.now() - started).toBeLessThan(1_000)
      controller.abort()
      await backend.waitForWork(controller.signal, 5_000)
    })
  })
})
