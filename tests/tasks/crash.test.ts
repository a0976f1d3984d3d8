// Crash semantics with real worker processes, real signals and a real SQLite file: J2–J9 and J11
// of the crash table in docs/tasks.md (J1 is the soak, scripts/soak-tasks.ts). Leases,
// sweeps and grace periods are scaled down from seconds to hundreds of ms so the suite stays fast.
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
import { task } from '../../src/tasks/task.ts'

const WORKER = join(import.meta.dirname, 'fixtures/worker.ts')
const PRODUCER = join(import.meta.dirname, 'fixtures/producer.ts')
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

/** Starts a fixture process; resolves once it printed `ready`. */
function spawnProcess(file: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', file], {
    env: { ...process.env, DB: join(dir, 'tasks.db'), ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  children.push(child)
  return new Promise((ready, failed) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        ready(child)
      }
    })
    child.on('exit', (code) => {
      failed(new Error(`${file} exited early with ${String(code)}`))
    })
  })
}
const spawnWorker = (env: Record<string, string> = {}): Promise<ChildProcess> =>
  spawnProcess(WORKER, env)

/** Everything a process prints on stdout until it exits. */
function output(child: ChildProcess): Promise<string> {
  let text = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString()
  })
  return new Promise((done) => {
    child.on('exit', () => {
      done(text)
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
const events = (id: string): { kind: string; pid: number; at: number }[] =>
  db.prepare('SELECT kind, pid, at FROM events WHERE task = ? ORDER BY rowid').all(id) as never
const taskRows = (): number => db.prepare('SELECT count(*) FROM hx_task').pluck().get() as number

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hxkit-crash-'))
  db = new Database(join(dir, 'tasks.db'))
  backend = sqliteBackend(db)
  db.exec(`CREATE TABLE IF NOT EXISTS events (task TEXT, kind TEXT, pid INTEGER, at INTEGER);
           CREATE TABLE IF NOT EXISTS writes (task TEXT, pid INTEGER)`)
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
    await spawnWorker(fast) // up before the kill, so its start-up is not part of the recovery

    a.kill('SIGKILL')
    const killedAt = Date.now()
    await until(async () => (await status(id)) === 'SUCCESSFUL')

    // lease + sweep, with room for a loaded machine's scheduling
    expect(Date.now() - killedAt).toBeLessThan(400 + 100 + 1_000)
    const record = await backend.getResult(id)
    expect(record?.workerIds).toHaveLength(2)
    expect(record?.errors.map((error) => error.exceptionClassPath)).toEqual(['LeaseExpired'])
  })

  describe('a stale worker, SIGSTOPped past its lease and then continued (J3)', () => {
    it('is aborted by its heartbeat and leaves the newer attempt’s result', async () => {
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
      // its heartbeat found the lease gone and aborted the attempt: it never tried to complete
      const kinds = events(id)
        .filter((event) => event.pid === a.pid)
        .map((event) => event.kind)
      expect(kinds.slice(0, 2)).toEqual(['started', 'aborted:LeaseExpired'])
      expect(kinds.filter((kind) => kind.startsWith('complete:'))).toEqual([])
    })

    it('has its completion rejected and its transactional write rolled back', async () => {
      const fast = { LEASE_MS: '300', SWEEP_MS: '100' }
      const a = await spawnWorker(fast)
      const { id } = await enqueue('crash.stale')
      // the first attempt stops its own process right after it started
      await until(() => events(id).some((event) => event.kind === 'started'))
      const b = await spawnWorker(fast)
      await until(async () => (await status(id)) === 'SUCCESSFUL')

      a.kill('SIGCONT')
      await until(() => events(id).some((event) => event.kind === 'complete:false'), 5_000)

      const byPid = (pid: number | undefined): string[] =>
        events(id)
          .filter((event) => event.pid === pid)
          .map((event) => event.kind)
      expect(byPid(b.pid)).toEqual(['started', 'transaction:committed', 'complete:true'])
      expect(byPid(a.pid)).toEqual([
        'started',
        'continued',
        'transaction:LeaseExpired',
        'complete:false',
      ])
      expect(db.prepare('SELECT pid FROM writes WHERE task = ?').pluck().all(id)).toEqual([b.pid])
      expect(await backend.getResult(id)).toMatchObject({
        status: 'SUCCESSFUL',
        returnValue: b.pid,
      })
    })
  })

  it('lets a running task finish on SIGTERM within the grace period and exits 0 (J4)', async () => {
    const a = await spawnWorker({ GRACE_MS: '8000' })
    // long enough that a poll slowed by a loaded machine still sees it RUNNING before it ends
    const { id } = await enqueue('crash.sleep', [2_000])
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
    const seen = events(id)
    expect(seen.map((event) => event.kind)).toEqual(['started', 'aborted:WorkerShutdown'])
    // the signal fires when the grace period is over, not before
    const abortedAfter = (seen[1]?.at ?? 0) - termAt
    expect(abortedAfter).toBeGreaterThanOrEqual(300)
    expect(abortedAfter).toBeLessThan(300 + 1_500)
    expect(await backend.getResult(id)).toMatchObject({
      status: 'READY',
      maxAttempts: 2,
      errors: [],
    })
    expect(backend.counts().RUNNING).toBe(0)
  })

  it('keeps one task for 100 enqueues with one idempotency key from 4 processes at once (J6)', async () => {
    const producers = await Promise.all(
      [1, 2, 3, 4].map(() =>
        spawnProcess(PRODUCER, { MODE: 'idempotent', KEY: 'report:42', COUNT: '25' })
      )
    )
    const printed = producers.map(output)

    for (const producer of producers) {
      producer.stdin?.write('go\n')
    }
    const ids = (await Promise.all(printed)).flatMap((text) => JSON.parse(text) as string[])

    expect(ids).toHaveLength(100)
    expect(new Set(ids).size).toBe(1)
    expect(taskRows()).toBe(1)
    expect(await backend.getResult(ids[0] as string)).toMatchObject({
      status: 'READY',
      idempotencyKey: 'report:42',
    })
  })

  describe('an enqueue in the app’s transaction, with a worker process running (J7)', () => {
    const effect = task((..._args: unknown[]) => 0, { name: 'crash.effect' })

    it('never reaches the worker when the transaction rolls back', async () => {
      await spawnWorker({ SWEEP_MS: '100' })
      const using = effect.using({ backend })

      expect(() => {
        db.transaction(() => {
          void using.enqueue(1)
          throw new Error('rolled back')
        })()
      }).toThrow('rolled back')
      await sleep(400)

      expect(taskRows()).toBe(0)
      expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0)
    })

    it('reaches the worker only after the commit', async () => {
      await spawnWorker({ SWEEP_MS: '100' })
      const using = effect.using({ backend })
      const other = new Database(join(dir, 'tasks.db'))

      db.exec('BEGIN IMMEDIATE')
      const { id } = await using.enqueue(1)
      await sleep(300)
      const seenBefore = other.prepare('SELECT count(*) FROM hx_task').pluck().get()
      const committingAt = Date.now()
      db.exec('COMMIT')
      await until(async () => (await status(id)) === 'SUCCESSFUL', 5_000)
      other.close()

      expect(seenBefore).toBe(0)
      expect(events(id).map((event) => event.kind)).toEqual(['effect', 'complete:true'])
      expect(events(id)[0]?.at).toBeGreaterThanOrEqual(committingAt)
    })
  })

  it('fails by the backoff across processes and keeps the full error history (J9)', async () => {
    // crash.flaky: 4 attempts, backoff { delay: 250, factor: 4, max: 400, jitter: 0.2 }
    await spawnWorker({ SWEEP_MS: '100' })
    const { id } = await backend.enqueue({
      taskName: 'crash.flaky',
      queueName: 'default',
      priority: 0,
      args: [],
      runAfter: null,
      maxAttempts: 4,
      idempotencyKey: null,
    })
    await until(async () => (await status(id)) === 'FAILED', 10_000)

    const starts = events(id).map((event) => event.at)
    const gaps = starts.slice(1).map((at, index) => at - (starts[index] as number))
    expect(gaps).toHaveLength(3)
    // 250 · 4^(n−1), capped at 400, less up to 20 %; the upper slack (scheduling on a loaded
    // machine) stays below what an uncapped second retry (1000 less 20 %) would take
    const bounds = [250, 400, 400]
    gaps.forEach((gap, index) => {
      const full = bounds[index] as number
      expect(gap).toBeGreaterThanOrEqual(full * 0.8)
      expect(gap).toBeLessThan(full + 350)
    })
    const record = await backend.getResult(id)
    expect(record?.workerIds).toHaveLength(4)
    expect(
      record?.errors.map(({ exceptionClassPath, message, attempt }) => ({
        exceptionClassPath,
        message,
        attempt,
      }))
    ).toEqual(
      [1, 2, 3, 4].map((attempt) => ({
        exceptionClassPath: 'Error',
        message: `boom ${String(attempt)}`,
        attempt,
      }))
    )
    expect(record?.errors.every((error) => error.traceback.includes('boom'))).toBe(true)
  })

  it('refuses arguments that do not survive JSON in the enqueuing process (J11)', async () => {
    await spawnWorker({ SWEEP_MS: '100' })
    const producer = await spawnProcess(PRODUCER, { MODE: 'json' })
    const printed = output(producer)
    producer.stdin?.write('go\n')
    const { outcomes, good } = JSON.parse(await printed) as {
      outcomes: Record<string, string>
      good: string
    }
    await until(async () => (await status(good)) === 'SUCCESSFUL', 5_000)

    expect(Object.keys(outcomes)).toHaveLength(8)
    for (const outcome of Object.values(outcomes)) {
      expect(outcome).toMatch(/^TypeError: crash\.effect\.enqueue\(\): argument 1\b/)
    }
    expect(outcomes['Date']).toContain('is a Date')
    expect(taskRows()).toBe(1)
    expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(2) // effect + complete
  })

  describe('a task that exits its process every time (J8)', () => {
    it.each([1, 2])(
      'fails for good after maxStalledCount %i + 1 crashes, while other tasks keep flowing',
      async (maxStalls) => {
        const fast = { LEASE_MS: '300', SWEEP_MS: '100', MAX_STALLS: String(maxStalls) }
        const poison = await enqueue('crash.exit', [], 100)
        const before = await Promise.all([1, 2, 3, 4, 5].map(() => enqueue('crash.effect')))
        // two supervised slots: a worker that exits is started again at once, as systemd would
        let exits = 0
        const supervisor = { running: true }
        const running = (): boolean => supervisor.running
        const supervise = async (): Promise<void> => {
          while (running()) {
            try {
              await exited(await spawnWorker(fast))
            } catch {
              // it exited before it said it was ready
            }
            if (running()) {
              exits++
            }
          }
        }
        const slots = [supervise(), supervise()]
        await until(() => exits >= 1)
        const after = await Promise.all([1, 2, 3, 4, 5].map(() => enqueue('crash.effect')))

        await until(async () => (await status(poison.id)) === 'FAILED', 15_000)
        await until(async () => {
          const all = await Promise.all([...before, ...after].map(({ id }) => status(id)))
          return all.every((s) => s === 'SUCCESSFUL')
        })
        await sleep(800) // no crash loop: nothing else exits
        supervisor.running = false
        const exitsAfterFailure = exits
        for (const child of children) {
          child.kill('SIGKILL')
        }
        await Promise.allSettled(slots)

        const record = await backend.getResult(poison.id)
        expect(exitsAfterFailure).toBe(maxStalls + 1)
        expect(record?.workerIds).toHaveLength(maxStalls + 1)
        expect(record?.errors.map((error) => error.exceptionClassPath)).toEqual([
          ...Array.from({ length: maxStalls }, () => 'LeaseExpired'),
          'TaskStalled',
        ])
        expect(record?.errors.at(-1)?.message).toContain(
          `lease expiry ${String(maxStalls + 1)} of this task; maxStalledCount is ${String(maxStalls)}`
        )
        // the crashes cost the other tasks nothing: each ran once, on a worker that stayed up
        for (const { id } of [...before, ...after]) {
          expect(events(id).map((event) => event.kind)).toEqual(['effect', 'complete:true'])
        }
      }
    )
  })
})
