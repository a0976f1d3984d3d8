// J10: Redis goes away for 30 s while two worker processes run tasks (the server is killed and
// started again on the same port, with an fsynced append-only file). Workers back off and
// recover, no task runs on two workers at once (an O_EXCL lock file held by the handler), no task
// is lost, and an enqueue during the outage fails at once with RedisUnavailable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RedisUnavailable } from '../../src/tasks-bullmq/index.ts'
import type { BullmqBackend } from '../../src/tasks-bullmq/index.ts'
import { readEvents, request, sleep, workerProcesses } from '../tasks/fixtures/harness.ts'
import { useRedisBackends } from './fixtures/redis-backends.ts'

const FIXTURE = join(import.meta.dirname, 'fixtures/outage-worker.ts')
const OUTAGE_MS = Number(process.env['J10_OUTAGE_MS'] ?? 30_000)
const backends = useRedisBackends({ persist: true })
const processes = workerProcesses()
let dir: string
let backend: BullmqBackend

const events = () => readEvents(join(dir, 'events.jsonl'))
const spawnWorker = () =>
  processes.spawn(FIXTURE, {
    REDIS_URL: backends.redis.url,
    PREFIX: 'j10',
    EVENTS: join(dir, 'events.jsonl'),
    LOCKS: join(dir, 'locks'),
  })
const hold = (ms: number) => request({ taskName: 'outage.hold', args: [ms] })

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hxkit-j10-'))
  mkdirSync(join(dir, 'locks'))
  backend = backends.connect({ prefix: 'j10', offlineTimeoutMs: 1_000 })
})
afterAll(async () => {
  await processes.killAll()
  rmSync(dir, { recursive: true, force: true })
})

describe('a Redis outage during processing (J10)', () => {
  it(
    'recovers every task, never runs one on two workers at once, and fails enqueues fast meanwhile',
    { timeout: OUTAGE_MS + 90_000 },
    async () => {
      await Promise.all([spawnWorker(), spawnWorker()])
      const ids: string[] = []
      for (let i = 0; i < 12; i++) {
        const record = await backend.enqueue(hold(4_000))
        ids.push(record.id)
      }
      while (!events().some((event) => event.kind === 'started')) {
        await sleep(20)
      }

      await backends.redis.kill()
      const outageStarted = Date.now()
      const asked = Date.now()
      const refused = await backend.enqueue(hold(10)).catch((error: unknown) => error)
      const refusedIn = Date.now() - asked
      await sleep(OUTAGE_MS - (Date.now() - outageStarted))
      await backends.redis.start()

      const deadline = Date.now() + 60_000
      let statuses: (string | undefined)[] = []
      while (Date.now() < deadline) {
        statuses = await Promise.all(
          ids.map((id) =>
            backend.getResult(id).then(
              (record) => record?.status,
              () => 'unreachable'
            )
          )
        )
        if (statuses.every((status) => status === 'SUCCESSFUL')) {
          break
        }
        await sleep(200)
      }

      expect(refused).toBeInstanceOf(RedisUnavailable)
      expect(refusedIn).toBeLessThan(2_500)
      expect(statuses).toEqual(ids.map(() => 'SUCCESSFUL'))
      const seen = events()
      expect(seen.filter((event) => event.kind === 'overlap')).toEqual([])
      // the outage cut some attempts short: they gave their task up when renewal failed
      expect(seen.some((event) => event.kind === 'aborted:LeaseExpired')).toBe(true)
      for (const id of ids) {
        expect(seen.filter((event) => event.task === id && event.kind === 'finished')).toHaveLength(
          1
        )
      }
    }
  )
})
