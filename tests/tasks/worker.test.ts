// What the worker does beyond the backend conformance suite (tests/tasks/conformance/suite.ts,
// which covers retries, timeouts, cancel, progress and release on stop for every backend): waking
// at once on an in-process enqueue, unknown tasks, context.transaction(), a short task's grace,
// the shutdown registry and the options.
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TaskContext } from '../../src/tasks/index.ts'
import { sqliteBackend } from '../../src/tasks/sqlite.ts'
import type { SqliteBackend } from '../../src/tasks/sqlite.ts'
import { task } from '../../src/tasks/task.ts'
import { worker } from '../../src/tasks/worker.ts'
import type { TaskWorker } from '../../src/tasks/worker.ts'
import { request, sleep, until } from './fixtures/harness.ts'

let dir: string
let db: Database.Database
let backend: SqliteBackend
let workers: TaskWorker[] = []

function start(options: Partial<Parameters<typeof worker>[0]> = {}): TaskWorker {
  const started = worker({ backend, onError: () => {}, ...options })
  workers.push(started)
  return started
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hxkit-worker-'))
  db = new Database(join(dir, 'tasks.db'))
  backend = sqliteBackend(db, { leaseMs: 200 })
})

afterEach(async () => {
  await Promise.all(workers.map((running) => running.stop()))
  workers = []
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('worker()', () => {
  describe('running tasks', () => {
    it('starts an in-process enqueue at once and stores the return value', async () => {
      const started: number[] = []
      const job = task(
        (n: number) => {
          started.push(Date.now())
          return n + 1
        },
        { name: 'worker.inc', backend }
      )
      start()
      await sleep(20)
      const before = Date.now()

      const result = await job.enqueue(1)
      await until(async () => {
        await result.refresh()
        return result.isFinished
      })

      expect(result.returnValue).toBe(2)
      expect((started[0] ?? Infinity) - before).toBeLessThan(50)
    })

    it('fails a task no module of this process defines', async () => {
      const { id } = await backend.enqueue(request({ taskName: 'worker.nowhere', maxAttempts: 3 }))
      start()

      await until(async () => (await backend.getResult(id))?.status === 'FAILED')

      expect((await backend.getResult(id))?.errors[0]?.exceptionClassPath).toBe('UnknownTask')
    })
  })

  describe('onTaskEvent', () => {
    it('tells each state change after the backend recorded it', async () => {
      const seen: string[] = []
      const statuses: Promise<string | undefined>[] = []
      let attempts = 0
      const steps = task(
        async (context: TaskContext) => {
          attempts++
          await context.progress(0.5, 'half')
          if (attempts === 1) {
            throw new Error('once')
          }
          return 'done'
        },
        {
          name: 'worker.events',
          backend,
          takesContext: true,
          maxAttempts: 2,
          backoff: { delay: 1, factor: 1, jitter: 0, max: 1 },
        }
      )
      start({
        onTaskEvent: (event) => {
          seen.push(`${event.type}:${String(event.attempt)}`)
          statuses.push(backend.getResult(event.id).then((record) => record?.status))
        },
      })

      const result = await steps.enqueue()
      await until(() => seen.includes('succeeded:2'))

      expect(seen).toEqual([
        'started:1',
        'progress:1',
        'retrying:1',
        'started:2',
        'progress:2',
        'succeeded:2',
      ])
      expect(await Promise.all(statuses)).toEqual([
        'RUNNING',
        'RUNNING',
        'READY',
        'RUNNING',
        'RUNNING',
        'SUCCESSFUL',
      ])
      expect(result.id).toMatch(/./)
    })

    it('tells a final failure and a release on shutdown', async () => {
      const seen: string[] = []
      const broken = task(
        () => {
          throw new Error('no')
        },
        { name: 'worker.events-fail', backend, maxAttempts: 1 }
      )
      const long = task(
        (context: TaskContext) =>
          new Promise((done) => {
            context.signal.addEventListener('abort', done)
          }),
        { name: 'worker.events-long', backend, takesContext: true }
      )
      const running = start({
        graceMs: 10,
        onTaskEvent: (event) => {
          seen.push(`${event.type}:${event.taskName}`)
        },
      })

      await broken.enqueue()
      await until(() => seen.includes('failed:worker.events-fail'))
      await long.enqueue()
      await until(() => running.running === 1)
      await running.stop()

      expect(seen).toEqual([
        'started:worker.events-fail',
        'failed:worker.events-fail',
        'started:worker.events-long',
        'released:worker.events-long',
      ])
    })

    it('sends a throwing listener to onError and keeps running', async () => {
      const errors: unknown[] = []
      const quick = task(() => 1, { name: 'worker.events-throw', backend })
      start({
        onError: (error) => errors.push(error),
        onTaskEvent: () => {
          throw new Error('listener broke')
        },
      })

      const result = await quick.enqueue()
      await until(async () => {
        await result.refresh()
        return result.isFinished
      })

      expect(result.status).toBe('SUCCESSFUL')
      expect(errors).toEqual([
        expect.objectContaining({ message: 'listener broke' }),
        expect.objectContaining({ message: 'listener broke' }),
      ])
      expect(() => worker({ backend, onTaskEvent: 1 as never })).toThrow('"onTaskEvent"')
    })
  })

  describe('transaction()', () => {
    it('commits a handler’s writes on the backend’s database while it holds the lease', async () => {
      db.exec('CREATE TABLE effect (task TEXT)')
      const write = task(
        (context: TaskContext) =>
          context.transaction(() =>
            db.prepare('INSERT INTO effect VALUES (?)').run(context.result.id)
          ),
        { name: 'worker.transaction', backend, takesContext: true }
      )
      start()

      const result = await write.enqueue()
      await until(async () => (await backend.getResult(result.id))?.status === 'SUCCESSFUL')

      expect(db.prepare('SELECT task FROM effect').pluck().all()).toEqual([result.id])
    })

    it('fails the attempt with a TypeError on a backend without one', async () => {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- dropped, never called
      const { transaction: _none, ...withoutTransactions } = backend
      const write = task((context: TaskContext) => context.transaction(() => 1), {
        name: 'worker.no-transaction',
        backend,
        takesContext: true,
      })
      start({ backend: { ...withoutTransactions, name: 'bare' } })

      const result = await write.enqueue()
      await until(async () => (await backend.getResult(result.id))?.status === 'FAILED')

      expect((await backend.getResult(result.id))?.errors[0]?.message).toBe(
        'context.transaction(): the bare backend has no database to fence a transaction in.'
      )
    })
  })

  describe('stop()', () => {
    it('lets a short task finish within the grace period', async () => {
      const short = task(() => sleep(50).then(() => 'done'), { name: 'worker.short', backend })
      const running = start({ graceMs: 1_000 })
      const result = await short.enqueue()
      await until(() => running.running === 1)

      await running.stop()

      expect((await backend.getResult(result.id))?.status).toBe('SUCCESSFUL')
    })

    it('registers with a shutdown registry in the stop phase', async () => {
      const hooks: { phase: unknown; hook: () => unknown }[] = []
      const running = start({
        shutdown: {
          onShutdown: (hook, options) => {
            hooks.push({ phase: options?.phase, hook: () => hook(new AbortController().signal) })
            return () => {}
          },
        },
      })

      await hooks[0]?.hook()

      expect(hooks.map((entry) => entry.phase)).toEqual(['stop'])
      expect(running.running).toBe(0)
    })
  })

  describe('with bad options', () => {
    it.each([
      [{ concurrency: 0 }, '"concurrency" must be an integer ≥ 1'],
      [{ graceMs: -1 }, '"graceMs" must be an integer ≥ 0'],
      [{ backend: {} }, '"backend" must be a worker backend'],
      [{ threads: 2 }, 'unknown option "threads"'],
    ])('throws for %o', (options, message) => {
      expect(() => worker({ backend, ...options } as never)).toThrow(`worker(): ${message}`)
    })
  })
})
