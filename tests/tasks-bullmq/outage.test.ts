// J10: Redis goes away for 30 s while two worker processes run tasks (the server is killed and
// started again on the same port, with an fsynced append-only file). Workers back off and
// recover, no task runs on two workers at once (an O_EXCL lock file held by the handler), no task
// is lost, and an enqueue during the outage fails at once with RedisUnavailable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bullmqBackend, RedisUnavailable } from '../../src/tasks-bullmq/index.ts'
import type { BullmqBackend } from '../../src/tasks-bullmq/index.ts'
import { startRedis } from '../fixtures/redis.ts'
import type { RedisServer } from '../fixtures/redis.ts'

const FIXTURE = join(import.meta.dirname, 'fixtures/outage-worker.ts')
const OUTAGE_MS = Number(process.env['J10_OUTAGE_MS'] ?? 30_000)
let dir: string
let redis: RedisServer
let backend: BullmqBackend
const children: ChildProcess[] = []

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))
const events = (): { task: string; kind: string; pid: number }[] => {
  const file = join(dir, 'events.jsonl')
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { task: string; kind: string; pid: number })
    : []
}

function spawnWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    env: {
      ...process.env,
      REDIS_URL: redis.url,
      PREFIX: 'j10',
      EVENTS: join(dir, 'events.jsonl'),
      LOCKS: join(dir, 'locks'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(child)
  return new Promise((ready, failed) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        ready(child)
      }
    })
    child.on('exit', (code) => {
      failed(new Error(`worker exited early with ${String(code)}`))
    })
  })
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hxkit-j10-'))
  mkdirSync(join(dir, 'locks'))
  mkdirSync(join(dir, 'redis'))
  redis = await startRedis({ persistDir: join(dir, 'redis') })
  backend = bullmqBackend({ url: redis.url, prefix: 'j10', offlineTimeoutMs: 1_000 })
})
afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((done) => child.once('exit', done))
      child.kill('SIGKILL')
      await gone
    }
  }
  await backend.close()
  await redis.stop()
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
        const record = await backend.enqueue({
          taskName: 'outage.hold',
          queueName: 'default',
          priority: 0,
          args: [4_000],
          runAfter: null,
          maxAttempts: 1,
          idempotencyKey: null,
        })
        ids.push(record.id)
      }
      while (!events().some((event) => event.kind === 'started')) {
        await sleep(20)
      }

      await redis.kill()
      const outageStarted = Date.now()
      const asked = Date.now()
      const refused = await backend
        .enqueue({
          taskName: 'outage.hold',
          queueName: 'default',
          priority: 0,
          args: [10],
          runAfter: null,
          maxAttempts: 1,
          idempotencyKey: null,
        })
        .catch((error: unknown) => error)
      const refusedIn = Date.now() - asked
      await sleep(OUTAGE_MS - (Date.now() - outageStarted))
      await redis.start()

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
