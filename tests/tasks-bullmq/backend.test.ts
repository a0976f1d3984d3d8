// What the BullMQ backend adds to the conformance suite: its options, Redis outages failing
// fast, the dashboard's reads and actions, job schedulers, and the fencing BullMQ lacks.
import { afterEach, describe, expect, it } from 'vitest'
import { schedule, task, worker } from '../../src/tasks/index.ts'
import type { EnqueueRequest, TaskClaim, TaskWorker } from '../../src/tasks/index.ts'
import { bullmqBackend, RedisUnavailable } from '../../src/tasks-bullmq/index.ts'
import { freePort, startRedis } from '../fixtures/redis.ts'
import { request as testRequest, sleep, until } from '../tasks/fixtures/harness.ts'
import { useRedisBackends } from './fixtures/redis-backends.ts'

const backends = useRedisBackends()
const { connect, prefix } = backends
let workers: TaskWorker[] = []
afterEach(async () => {
  await Promise.all(workers.map((running) => running.stop()))
  workers = []
})

const request = (overrides: Partial<EnqueueRequest> = {}): EnqueueRequest =>
  testRequest({ taskName: 'bullmq.none', ...overrides })

describe('bullmqBackend()', () => {
  describe('with bad options', () => {
    it.each([
      [undefined, 'options must be an object with "url"'],
      [{ url: 'http://x' }, '"url" must be a redis:// or rediss:// URL'],
      [{ url: 'redis://x', prefix: 'a:b' }, '"prefix" must be 1–100 letters'],
      [{ url: 'redis://x', queues: [] }, '"queues" must be a non-empty list'],
      [{ url: 'redis://x', queues: ['a b'] }, '"queues" must be a non-empty list'],
      [{ url: 'redis://x', leaseMs: 1.5 }, '"leaseMs" must be an integer ≥ 10'],
      [{ url: 'redis://x', keepFailedMs: 10 }, '"keepFailedMs" must be null or an integer ≥ 1000'],
      [{ url: 'redis://x', lease: 1 }, 'unknown option "lease"'],
    ])('throws for %o', (options, message) => {
      expect(() => bullmqBackend(options as never)).toThrow(`bullmqBackend(): ${message}`)
    })

    it('refuses a queue it does not serve at task definition', () => {
      const backend = connect({ queues: ['mail'] })

      expect(() => task(() => null, { name: 'bullmq.wrongQueue', backend })).toThrow(
        '"queueName" must be one of the backend\'s queues: mail'
      )
    })
  })

  describe('when Redis is unreachable', () => {
    it('fails an enqueue with RedisUnavailable within offlineTimeoutMs, password redacted', async () => {
      const port = await freePort()
      const backend = connect({
        url: `redis://user:secret@127.0.0.1:${String(port)}`,
        offlineTimeoutMs: 300,
      })
      const started = Date.now()

      const error = await backend.enqueue(request()).catch((caught: unknown) => caught)

      expect(error).toBeInstanceOf(RedisUnavailable)
      expect(String(error)).toContain(`redis://user:***@127.0.0.1:${String(port)}`)
      expect(String(error)).not.toContain('secret')
      expect(Date.now() - started).toBeLessThan(1_500)
    })

    it('fails fast while the server is down, and works again once it is back', async () => {
      const own = await startRedis()
      const backend = connect({ url: own.url, offlineTimeoutMs: 300 })
      const before = await backend.enqueue(request())

      await own.kill()
      const started = Date.now()
      await expect(backend.enqueue(request())).rejects.toBeInstanceOf(RedisUnavailable)
      await expect(backend.getResult(before.id)).rejects.toBeInstanceOf(RedisUnavailable)
      expect(Date.now() - started).toBeLessThan(2_000)
      await own.start()

      await until(async () =>
        backend.enqueue(request()).then(
          () => true,
          () => false
        )
      )
      await own.stop()
    })

    it('refuses calls after close()', async () => {
      const backend = connect()
      await backend.close()
      await backend.close()

      await expect(backend.getResult('x')).rejects.toThrow('the backend is closed')
    })
  })

  describe('the dashboard’s reads and actions', () => {
    it('lists, counts, runs now, discards and prunes by status', async () => {
      const backend = connect({ queues: ['default', 'mail'] })
      const later = await backend.enqueue(request({ runAfter: new Date(Date.now() + 60_000) }))
      const mail = await backend.enqueue(request({ queueName: 'mail', priority: 5 }))
      const failed = await backend.enqueue(request())
      await backend.cancel(failed.id)

      expect(await backend.counts()).toEqual({ READY: 2, RUNNING: 0, SUCCESSFUL: 0, FAILED: 1 })
      expect((await backend.list()).map((record) => record.id)).toEqual([
        failed.id,
        mail.id,
        later.id,
      ])
      expect((await backend.list({ status: 'FAILED' })).map((record) => record.id)).toEqual([
        failed.id,
      ])
      expect((await backend.list({ queueName: 'mail' }))[0]).toMatchObject({
        id: mail.id,
        queueName: 'mail',
        priority: 5,
      })
      expect(await backend.runNow(mail.id)).toBe(false)
      expect(await backend.runNow(later.id)).toBe(true)
      expect((await backend.claim('w', ['default']))?.id).toBe(later.id)
      expect(await backend.discard(later.id)).toBe(false)
      expect(await backend.discard(mail.id)).toBe(true)
      expect(await backend.discard('nope')).toBe(false)
      await sleep(5)
      expect(await backend.prune(1, 'SUCCESSFUL')).toEqual([])
      expect((await backend.prune(1, 'FAILED')).map((record) => record.id)).toEqual([failed.id])
      expect(await backend.getResult('')).toBeNull()
    })

    it('serves the queues a worker names, in that order', async () => {
      const backend = connect({ queues: ['a', 'b', 'c'] })
      await backend.enqueue(request({ queueName: 'b', args: ['b'] }))
      await backend.enqueue(request({ queueName: 'a', args: ['a'] }))
      await backend.enqueue(request({ queueName: 'c', args: ['c'] }))

      const first = await backend.claim('w', ['a', 'b'])
      const second = await backend.claim('w', ['a', 'b'])
      const third = await backend.claim('w', ['a', 'b'])

      expect([first?.args[0], second?.args[0], third]).toEqual(['a', 'b', null])
    })
  })

  describe('fencing that BullMQ leaves out', () => {
    it('keeps a finished task’s progress from a stale worker’s late write', async () => {
      const backend = connect({ leaseMs: 60 })
      const { id } = await backend.enqueue(request())
      const stale = (await backend.claim('A', null)) as TaskClaim
      await until(async () => {
        await backend.sweep()
        return (await backend.getResult(id))?.status === 'READY'
      })
      const fresh = (await backend.claim('B', null)) as TaskClaim
      await backend.progress(fresh, { fraction: 1, message: 'done' })
      await backend.complete(fresh, 'ok')

      expect(await backend.progress(stale, { fraction: 0.99, message: 'zombie' })).toBe(false)
      expect(await backend.heartbeat(fresh)).toEqual({ held: false, cancelRequested: false })
      expect((await backend.getResult(id))?.progress).toEqual({ fraction: 1, message: 'done' })
    })

    it('fails a task at its next pickup once it stalled more than maxStalledCount times', async () => {
      const backend = connect({ leaseMs: 40, maxStalledCount: 0 })
      const { id } = await backend.enqueue(request({ maxAttempts: 5 }))
      await backend.claim('crash', null)
      await until(async () => {
        await backend.sweep()
        return (await backend.getResult(id))?.status === 'READY'
      })

      expect(await backend.claim('next', null)).toBeNull()
      const record = await backend.getResult(id)
      expect(record?.status).toBe('FAILED')
      expect(record?.errors.map((error) => error.exceptionClassPath)).toEqual(['TaskStalled'])
    })
  })

  describe('schedules', () => {
    it('runs each due time once across two instances’ workers, through a job scheduler', async () => {
      const shared = prefix()
      const a = connect({ prefix: shared })
      const b = connect({ prefix: shared })
      const runs: string[] = []
      const tick = task(
        (context: { idempotencyKey: string | null }, label: string) => {
          runs.push(`${label} ${String(context.idempotencyKey)}`)
        },
        { name: 'bullmq.tick', backend: a, takesContext: true }
      )
      const everySecond = schedule(tick, '* * * * * *', { args: ['tick'] })
      workers.push(worker({ backend: a, schedules: [everySecond], onError: () => {} }))
      workers.push(worker({ backend: b, schedules: [everySecond], onError: () => {} }))

      await sleep(3_300)

      expect(runs.length).toBeGreaterThanOrEqual(2)
      expect(runs.length).toBeLessThanOrEqual(4)
      expect(new Set(runs).size).toBe(runs.length)
      for (const run of runs) {
        expect(run).toMatch(/^tick bullmq\.tick@\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/)
      }
      expect(await a.runSchedules([everySecond], new Date())).toBe(0)
    })

    it('refuses a schedule whose queue the backend does not serve', async () => {
      const other = connect({ queues: ['other'] })
      const backend = connect()
      const job = task(() => null, { name: 'bullmq.elsewhere', backend })

      await expect(other.runSchedules([schedule(job, '0 3 * * *')], new Date())).rejects.toThrow(
        'queue "default" is not one of "queues"'
      )
    })
  })
})
