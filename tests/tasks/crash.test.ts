// Crash semantics with real worker processes, real signals and a real SQLite file (J2–J5, J8).
// Leases and grace periods are scaled down from seconds to hundreds of ms so the suite stays fast.
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { EnqueueRequest } from '../../src/tasks/index.ts'
import { sqliteBackend } from '../../src/tasks/sqlite.ts'
import type { SqliteBackend } from '../../src/tasks/sqlite.ts'

const FIXTURE = join(import.meta.dirname, 'fixtures/worker.ts')
let dir: string
let db: Database.Database
let backend: SqliteBackend
let children: ChildProcess[] = []

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))
async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) {
      throw new Error('timed out')
    }
    await sleep(20)
  }
}

function spawnWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    env: { ...process.env, DB: join(dir, 'tasks.db'), ...env },
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

const exited = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((done) =>
        child.on('exit', (code) => {
          done(code)
        })
      )

function enqueue(taskName: string, args: number[] = [], priority = 0): Promise<{ id: string }> {
  const request: EnqueueRequest = {
    taskName,
    queueName: 'default',
    priority,
    args,
    runAfter: null,
    maxAttempts: 1,
    idempotencyKey: null,
  }
  return backend.enqueue(request)
}
const status = async (id: string): Promise<string | undefined> =>
  (await backend.getResult(id))?.status
const events = (id: string): { kind: string; pid: number }[] =>
  db.prepare('SELECT kind, pid FROM events WHERE task = ? ORDER BY at').all(id) as never

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hxkit-crash-'))
  db = new Database(join(dir, 'tasks.db'))
  backend = sqliteBackend(db)
  db.exec('CREATE TABLE IF NOT EXISTS events (task TEXT, kind TEXT, pid INTEGER, at INTEGER)')
})

afterEach(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGCONT')
      child.kill('SIGKILL')
      await exited(child)
    }
  }
  children = []
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('worker processes', { timeout: 30_000 }, () => {
  it('runs a task again within lease + sweep after kill -9 in the handler (J2)', async () => {
    const fast = { LEASE_MS: '400', SWEEP_MS: '100' }
    const a = await spawnWorker(fast)
    const { id } = await enqueue('crash.sleep', [60_000])
    await until(async () => (await status(id)) === 'RUNNING')

    a.kill('SIGKILL')
    const killedAt = Date.now()
    await spawnWorker(fast)
    await until(async () => (await status(id)) === 'SUCCESSFUL')

    expect(Date.now() - killedAt).toBeLessThan(400 + 100 + 1_500)
    const record = await backend.getResult(id)
    expect(record?.workerIds).toHaveLength(2)
    expect(record?.errors.map((error) => error.exceptionClassPath)).toEqual(['LeaseExpired'])
  })

  it('rejects a stale worker’s completion after SIGSTOP past the lease and SIGCONT (J3)', async () => {
    const fast = { LEASE_MS: '300', SWEEP_MS: '100' }
    const a = await spawnWorker(fast)
    const { id } = await enqueue('crash.sleep', [1_500])
    await until(async () => (await status(id)) === 'RUNNING')
    a.kill('SIGSTOP')
    const b = await spawnWorker(fast)

    await until(async () => (await status(id)) === 'SUCCESSFUL')
    a.kill('SIGCONT')
    await until(
      () => events(id).some((event) => event.pid === a.pid && event.kind !== 'started'),
      5_000
    )
    await sleep(200)

    const record = await backend.getResult(id)
    expect(record).toMatchObject({ status: 'SUCCESSFUL', returnValue: b.pid })
    expect(record?.workerIds).toHaveLength(2)
  })

  it('lets a running task finish on SIGTERM within the grace period and exits 0 (J4)', async () => {
    const a = await spawnWorker({ GRACE_MS: '3000' })
    const { id } = await enqueue('crash.sleep', [700])
    await until(async () => (await status(id)) === 'RUNNING')

    a.kill('SIGTERM')

    expect(await exited(a)).toBe(0)
    expect(await status(id)).toBe('SUCCESSFUL')
    expect(backend.counts().RUNNING).toBe(0)
  })

  it('aborts a long task at the grace period on SIGTERM and releases it unspent (J5)', async () => {
    const a = await spawnWorker({ GRACE_MS: '300' })
    const { id } = await enqueue('crash.sleep', [60_000])
    await until(async () => (await status(id)) === 'RUNNING')
    const termAt = Date.now()

    a.kill('SIGTERM')

    expect(await exited(a)).toBe(0)
    expect(Date.now() - termAt).toBeLessThan(3_000)
    expect(events(id).map((event) => event.kind)).toEqual(['started', 'aborted:WorkerShutdown'])
    expect(await backend.getResult(id)).toMatchObject({
      status: 'READY',
      maxAttempts: 2,
      errors: [],
    })
    expect(backend.counts().RUNNING).toBe(0)
  })

  it('fails a task that exits the process every time after the stall limit, while others flow (J8)', async () => {
    const fast = { LEASE_MS: '300', SWEEP_MS: '100', MAX_STALLS: '1' }
    const poison = await enqueue('crash.exit', [], 100)
    const others = await Promise.all([1, 2, 3, 4, 5].map(() => enqueue('crash.effect')))
    let crashes = 0

    for (let round = 0; round < 6; round++) {
      const child = await spawnWorker(fast)
      const done = until(async () => {
        const all = await Promise.all(others.map(({ id }) => status(id)))
        return (await status(poison.id)) === 'FAILED' && all.every((s) => s === 'SUCCESSFUL')
      }, 3_000).then(
        () => true,
        () => false
      )
      const outcome = await Promise.race([
        exited(child).then(() => 'exited'),
        done.then(() => 'done'),
      ])
      if (outcome === 'done' && (await done)) {
        break
      }
      crashes++
    }

    const record = await backend.getResult(poison.id)
    expect(crashes).toBe(2)
    expect(record?.status).toBe('FAILED')
    expect(record?.errors.map((error) => error.exceptionClassPath)).toEqual([
      'LeaseExpired',
      'LeaseExpired',
    ])
    for (const { id } of others) {
      expect(await status(id)).toBe('SUCCESSFUL')
    }
  })
})
