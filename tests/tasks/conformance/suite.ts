// One behavioural suite for every worker backend: what tasks mean (order, deferral, retries,
// idempotency, cancel, timeout, progress, fencing, crash recovery, shutdown, prune), not how a
// backend stores them. A property a backend does not promise is skipped by its declared
// capability, with the reason in the test's name, never asserted more weakly.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { task, worker } from '../../../src/tasks/index.ts'
import type {
  EnqueueRequest,
  TaskBackendFeatures,
  TaskClaim,
  TaskContext,
  TaskWorker,
  WorkerBackend,
} from '../../../src/tasks/index.ts'
import {
  readEvents,
  request as testRequest,
  sleep,
  until,
  workerProcesses,
} from '../fixtures/harness.ts'

/** The store under test, fresh for each test. */
export interface ConformanceStore {
  /** A backend on the store, as another process would open it (its own connection). */
  connect(options?: { leaseMs?: number; maxStalledCount?: number }): WorkerBackend
  /** Deletes finished tasks older than `ms`; resolves with their ids. */
  prune(backend: WorkerBackend, ms: number): Promise<string[]>
  /** Runs `fn` in the app's transaction and rolls it back (only with `transactions`). */
  rollback?(backend: WorkerBackend, fn: () => void): void
  /** What a worker process (fixtures/conformance-worker.ts) needs to open the store. */
  readonly env: Record<string, string>
  close(): Promise<void>
}

/** How to make a store for each test, and what its backend declares. */
export interface ConformanceTarget {
  readonly supports: TaskBackendFeatures
  open(dir: string): Promise<ConformanceStore>
}

const FIXTURE = join(import.meta.dirname, 'worker-process.ts')
const request = (overrides: Partial<EnqueueRequest> = {}): EnqueueRequest =>
  testRequest({ taskName: 'conformance.none', ...overrides })

/** The title of a case that needs `feature`, saying why it is skipped when the backend lacks it. */
function needs(
  supports: TaskBackendFeatures,
  feature: keyof TaskBackendFeatures,
  title: string
): string {
  return supports[feature] ? title : `${title} — skipped: the backend declares ${feature}: false`
}

/** Registers the suite for one backend. */
export function describeBackendConformance(name: string, target: ConformanceTarget): void {
  const { supports } = target
  describe(`${name} backend conformance`, { timeout: 30_000 }, () => {
    let dir = ''
    let store: ConformanceStore
    let workers: TaskWorker[] = []
    const processes = workerProcesses()
    let serial = 0
    const unique = (base: string): string => `${name}.${base}.${String(++serial)}`
    const itNeeds = (
      feature: keyof TaskBackendFeatures,
      title: string,
      fn: () => Promise<void>
    ) => {
      it.skipIf(!supports[feature])(needs(supports, feature, title), fn)
    }

    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), `hxkit-conformance-${name}-`))
      store = await target.open(dir)
    })
    afterEach(async () => {
      await Promise.all(workers.map((running) => running.stop()))
      workers = []
      await processes.killAll()
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    })
    const start = (backend: WorkerBackend, options: Partial<Parameters<typeof worker>[0]> = {}) => {
      const running = worker({ backend, onError: () => {}, sweepIntervalMs: 50, ...options })
      workers.push(running)
      return running
    }
    const finished = async (backend: WorkerBackend, id: string): Promise<void> => {
      await until(async () => {
        const status = (await backend.getResult(id))?.status
        return status === 'SUCCESSFUL' || status === 'FAILED'
      })
    }
    async function drainOrder(backend: WorkerBackend): Promise<unknown[]> {
      const order: unknown[] = []
      for (
        let claim = await backend.claim('w', null);
        claim;
        claim = await backend.claim('w', null)
      ) {
        order.push(claim.args[0])
      }
      return order
    }

    it('claims the highest priority first, then the oldest, and only due tasks', async () => {
      const backend = store.connect()
      await backend.enqueue(request({ args: ['low'] }))
      await backend.enqueue(request({ args: ['high'], priority: 9 }))
      await backend.enqueue(
        request({ args: ['later'], priority: 100, runAfter: new Date(Date.now() + 60_000) })
      )
      await backend.enqueue(request({ args: ['lowest'], priority: -100 }))
      await backend.enqueue(request({ args: ['top'], priority: 100 }))
      await backend.enqueue(request({ args: ['low2'] }))

      expect(await drainOrder(backend)).toEqual(['top', 'high', 'low', 'low2', 'lowest'])
    })

    itNeeds('defer', 'runs a deferred task once runAfter has passed, not before', async () => {
      const backend = store.connect()
      const runAfter = new Date(Date.now() + 300)
      const { id } = await backend.enqueue(request({ runAfter }))

      expect(await backend.claim('w', null)).toBeNull()
      expect((await backend.getResult(id))?.runAfter).toEqual(runAfter)
      await sleep(350)
      expect((await backend.claim('w', null))?.id).toBe(id)
    })

    it('retries by the backoff and keeps every error (J9)', async () => {
      const backend = store.connect({ leaseMs: 1_000 })
      const times: number[] = []
      const flaky = task(
        () => {
          times.push(Date.now())
          throw new Error(`attempt ${String(times.length)}`)
        },
        {
          name: unique('flaky'),
          backend,
          maxAttempts: 3,
          backoff: { delay: 100, factor: 2, jitter: 0, max: 150 },
        }
      )
      start(backend)

      const result = await flaky.enqueue()
      await finished(backend, result.id)
      await result.refresh()

      expect(result.status).toBe('FAILED')
      expect(result.errors.map((error) => [error.message, error.attempt])).toEqual([
        ['attempt 1', 1],
        ['attempt 2', 2],
        ['attempt 3', 3],
      ])
      expect(result.attempts).toBe(3)
      expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(100 - 5)
      expect((times[2] ?? 0) - (times[1] ?? 0)).toBeGreaterThanOrEqual(150 - 5)
    })

    it('keeps one live task per idempotency key over 100 enqueues on 4 connections, then frees the key (J6)', async () => {
      const backends = [store.connect(), store.connect(), store.connect(), store.connect()]

      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          (backends[i % 4] as WorkerBackend).enqueue(request({ idempotencyKey: 'same' }))
        )
      )
      expect(new Set(results.map((record) => record.id)).size).toBe(1)
      const claim = (await backends[0]?.claim('w', null)) as TaskClaim
      expect(await backends[0]?.claim('w', null)).toBeNull()
      expect((await backends[1]?.enqueue(request({ idempotencyKey: 'same' })))?.id).toBe(claim.id)
      await backends[0]?.complete(claim, null)

      const again = await backends[1]?.enqueue(request({ idempotencyKey: 'same' }))
      expect(again?.id).not.toBe(claim.id)
    })

    it('cancels a READY task at once, and a RUNNING one from another connection (TaskCancelled)', async () => {
      const backend = store.connect({ leaseMs: 400 })
      const other = store.connect()
      let reason: unknown
      const waits = task(
        (context: TaskContext) =>
          new Promise((done) => {
            context.signal.addEventListener('abort', () => {
              reason = context.signal.reason
              done(null)
            })
          }),
        { name: unique('waits'), backend, takesContext: true, maxAttempts: 3 }
      )
      const ready = await other.enqueue(request({ taskName: waits.name }))
      expect(await other.cancel(ready.id)).toBe('cancelled')
      expect(await other.getResult(ready.id)).toMatchObject({
        status: 'FAILED',
        errors: [{ exceptionClassPath: 'TaskCancelled' }],
      })
      start(backend)
      const running = await waits.enqueue()
      await until(async () => (await other.getResult(running.id))?.status === 'RUNNING')
      if (!supports.cancelRunning) {
        return
      }

      expect(await other.cancel(running.id)).toBe('requested')
      await until(async () => (await other.getResult(running.id))?.status === 'FAILED', 2_000)

      expect(reason).toMatchObject({ name: 'TaskCancelled' })
      expect((await other.getResult(running.id))?.errors.map((e) => e.exceptionClassPath)).toEqual([
        'TaskCancelled',
      ])
      expect(await other.cancel(running.id)).toBe(false)
      expect(await other.cancel('no-such-task')).toBe(false)
    })

    it('fails an attempt that outruns its timeout with TaskTimeout', async () => {
      const backend = store.connect()
      const slow = task((context: TaskContext) => sleep(5_000).then(() => context.attempt), {
        name: unique('slow'),
        backend,
        takesContext: true,
        timeout: 50,
      })
      start(backend)

      const result = await slow.enqueue()
      await finished(backend, result.id)

      expect((await backend.getResult(result.id))?.errors[0]?.exceptionClassPath).toBe(
        'TaskTimeout'
      )
    })

    it('records progress and the return value', async () => {
      const backend = store.connect()
      const steps = task(
        async (context: TaskContext, n: number) => {
          await context.progress(0.25, 'one of four')
          return { n }
        },
        { name: unique('steps'), backend, takesContext: true }
      )
      start(backend)

      const result = await steps.enqueue(7)
      await finished(backend, result.id)
      await result.refresh()

      expect(result.progress).toEqual({ fraction: 0.25, message: 'one of four' })
      expect(result.returnValue).toEqual({ n: 7 })
      expect(result.workerIds).toHaveLength(1)
      expect(result.startedAt).toBeInstanceOf(Date)
      expect(result.finishedAt).toBeInstanceOf(Date)
    })

    itNeeds(
      'fencedProgress',
      'rejects every write of a stale attempt once another holds the task',
      async () => {
        const backend = store.connect({ leaseMs: 100 })
        const { id } = await backend.enqueue(request())
        const stale = (await backend.claim('A', null)) as TaskClaim
        await until(async () => {
          await backend.sweep()
          return (await backend.getResult(id))?.status === 'READY'
        })
        const fresh = (await backend.claim('B', null)) as TaskClaim

        expect(fresh.attempt).toBe(2)
        expect((await backend.heartbeat(stale)).held).toBe(false)
        expect(await backend.progress(stale, { fraction: 0.9, message: 'stale' })).toBe(false)
        expect(await backend.complete(stale, 'stale')).toBe(false)
        expect(
          await backend.fail(
            stale,
            { exceptionClassPath: 'E', message: '', traceback: '', attempt: 1 },
            null
          )
        ).toBe(false)
        expect(await backend.release(stale)).toBe(false)
        expect(await backend.progress(fresh, { fraction: 0.5, message: 'fresh' })).toBe(true)
        expect(await backend.complete(fresh, 'fresh')).toBe(true)
        expect(await backend.progress(stale, { fraction: 0.99, message: 'late' })).toBe(false)

        expect(await backend.getResult(id)).toMatchObject({
          status: 'SUCCESSFUL',
          returnValue: 'fresh',
          workerIds: ['A', 'B'],
          progress: { fraction: 0.5, message: 'fresh' },
          errors: [{ exceptionClassPath: 'LeaseExpired' }],
        })
      }
    )

    it('releases a task on stop past the grace period without spending an attempt', async () => {
      const backend = store.connect()
      let reason: unknown
      const long = task(
        (context: TaskContext) =>
          new Promise(() => {
            context.signal.addEventListener('abort', () => {
              reason = context.signal.reason
            })
          }),
        { name: unique('long'), backend, takesContext: true }
      )
      const running = start(backend, { graceMs: 30 })
      const result = await long.enqueue()
      await until(() => running.running === 1)

      await running.stop()

      expect(reason).toMatchObject({ name: 'WorkerShutdown' })
      expect(await backend.getResult(result.id)).toMatchObject({
        status: 'READY',
        maxAttempts: 2,
        errors: [],
      })
      expect((await backend.claim('w', null))?.attempt).toBe(2)
    })

    it('retries a FAILED task with one more attempt', async () => {
      const backend = store.connect()
      const { id } = await backend.enqueue(request())
      await backend.cancel(id)

      expect(await backend.retry(id)).toBe(true)
      expect(await backend.retry(id)).toBe(false)
      expect(await backend.getResult(id)).toMatchObject({ status: 'READY', maxAttempts: 1 })
      expect((await backend.claim('w', null))?.id).toBe(id)
    })

    it('prunes finished tasks older than the given age', async () => {
      const backend = store.connect()
      const done = await backend.enqueue(request())
      const waiting = await backend.enqueue(request())
      await backend.cancel(done.id)

      expect(await store.prune(backend, 60_000)).toEqual([])
      await sleep(20)
      expect(await store.prune(backend, 1)).toEqual([done.id])
      expect(await backend.getResult(done.id)).toBeNull()
      expect((await backend.getResult(waiting.id))?.status).toBe('READY')
    })

    itNeeds(
      'transactions',
      'leaves no task when the app’s transaction rolls back (J7)',
      async () => {
        const backend = store.connect()
        const job = task(() => null, { name: unique('tx'), backend })

        expect(() => {
          store.rollback?.(backend, () => {
            void job.enqueue()
          })
        }).toThrow('roll back')

        expect(await backend.claim('w', null)).toBeNull()
      }
    )

    describe('with real worker processes', () => {
      const events = (id: string) =>
        readEvents(join(dir, 'events.jsonl')).filter((event) => event.task === id)
      const spawnWorker = (env: Record<string, string>) =>
        processes.spawn(FIXTURE, { ...store.env, EVENTS: join(dir, 'events.jsonl'), ...env })
      const exited = (child: Awaited<ReturnType<typeof spawnWorker>>): Promise<unknown> =>
        child.exitCode !== null || child.signalCode !== null
          ? Promise.resolve()
          : new Promise((done) => child.once('exit', done))

      it('runs a task again after kill -9 of its worker, within lease + sweep (J2)', async () => {
        const backend = store.connect()
        const fast = { LEASE_MS: '400', SWEEP_MS: '100' }
        const a = await spawnWorker(fast)
        const { id } = await backend.enqueue(
          request({ taskName: 'conformance.sleep', args: [60_000] })
        )
        await until(async () => (await backend.getResult(id))?.status === 'RUNNING')

        const b = await spawnWorker(fast)
        a.kill('SIGKILL')
        const killedAt = Date.now()
        await until(async () => (await backend.getResult(id))?.status === 'SUCCESSFUL')

        expect(Date.now() - killedAt).toBeLessThan(400 + 2 * 100 + 1_500)
        const record = await backend.getResult(id)
        expect(record).toMatchObject({ returnValue: b.pid })
        expect(record?.workerIds).toHaveLength(2)
        expect(record?.errors.map((error) => error.exceptionClassPath)).toEqual(['LeaseExpired'])
      })

      it('fails a task that kills its worker every time after the stall limit, while others flow (J8)', async () => {
        const backend = store.connect()
        const fast = { LEASE_MS: '300', SWEEP_MS: '100', MAX_STALLS: '1' }
        const poison = await backend.enqueue(
          request({ taskName: 'conformance.exit', priority: 100 })
        )
        const others = await Promise.all(
          [1, 2, 3].map(() => backend.enqueue(request({ taskName: 'conformance.effect' })))
        )
        let crashes = 0
        const settled = async (): Promise<boolean> => {
          const all = await Promise.all(others.map(({ id }) => backend.getResult(id)))
          return (
            (await backend.getResult(poison.id))?.status === 'FAILED' &&
            all.every((record) => record?.status === 'SUCCESSFUL')
          )
        }
        for (let round = 0; round < 6 && !(await settled()); round++) {
          const child = await spawnWorker(fast)
          const outcome = await Promise.race([
            exited(child).then(() => 'exited'),
            until(settled, 4_000).then(
              () => 'done',
              () => 'stuck'
            ),
          ])
          if (outcome === 'exited') {
            crashes++
          }
        }

        expect(crashes).toBe(2)
        const record = await backend.getResult(poison.id)
        expect(record?.status).toBe('FAILED')
        expect(record?.errors.map((error) => error.exceptionClassPath)).toEqual([
          'LeaseExpired',
          'TaskStalled',
        ])
        expect(events(poison.id).map((event) => event.kind)).toEqual(['started', 'started'])
      })

      itNeeds('cancelRunning', 'cancels a task running in another process', async () => {
        const backend = store.connect()
        await spawnWorker({ LEASE_MS: '1000' })
        const { id } = await backend.enqueue(
          request({ taskName: 'conformance.sleep', args: [60_000] })
        )
        // a worker process on a loaded machine can take a while to make its first claim
        await until(async () => (await backend.getResult(id))?.status === 'RUNNING', 20_000)

        const asked = Date.now()
        expect(await backend.cancel(id)).toBe('requested')
        await until(async () => (await backend.getResult(id))?.status === 'FAILED', 4_000)

        expect(Date.now() - asked).toBeLessThan(2_000)
        expect(events(id).map((event) => event.kind)).toEqual(['started', 'aborted:TaskCancelled'])
      })
    })
  })
}
