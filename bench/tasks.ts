// The tasks benchmark: no-op tasks through a worker backend (SQLite on a WAL file by default), in
// this process and in worker processes, as tasks/s (a backlog drained) and enqueue-to-start
// latency p50/p99 (one task at a time, the workers idle), next to a baseline measured in the same
// run: the backend's own claim and complete statements in a bare loop, no worker around them.
// `npm run bench:tasks` (-- --quick, --json, --backend=sqlite,bullmq: both by default). Needs none of bench/'s own
// dependencies. Backends are the crash soak's factories (scripts/soak-tasks/backends.ts): a row
// set per backend, so another backend adds rows by adding a factory.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { soakBackends } from '../scripts/soak-tasks/backends.ts'
import type { SoakBackendFactory, SoakStore } from '../scripts/soak-tasks/backends.ts'
import { task, worker } from '../src/tasks/index.ts'
import type { SqliteBackend, Task, WorkerBackend } from '../src/tasks/index.ts'
import { CLAIM_ANY, FENCE } from '../src/tasks/sqlite-schema.ts'
import { parseArgs } from './lib/args.ts'
import { machineLine } from './lib/machine.ts'
import { fixed, quantile } from './lib/stats.ts'
import { markdownTable } from './lib/table.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const WORKER = fileURLToPath(new URL('tasks/worker.ts', import.meta.url))

interface Row {
  backend: string
  run: string
  where: 'in-process' | 'cross-process' | 'baseline'
  workers: string
  tasksPerSecond: number
  p50: number
  p99: number
}

const args = parseArgs(process.argv.slice(2))
const backendNames = (
  process.argv.find((arg) => arg.startsWith('--backend='))?.slice('--backend='.length) ??
  'sqlite,bullmq'
).split(',')
const TASKS = args.quick ? 2_000 : 10_000
const SAMPLES = args.quick ? 60 : 300
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))
const children = new Set<ChildProcess>()
process.on('exit', () => {
  for (const child of children) {
    child.kill('SIGKILL')
  }
})

/** A fresh store of one backend in its own temp folder. */
async function fresh(
  factory: SoakBackendFactory
): Promise<{ store: SoakStore; env: Record<string, string>; dispose: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'hxkit-bench-tasks-'))
  const env = { ...(await factory.prepare(dir)), SOAK_DIR: dir }
  const store = await factory.open(
    { ...process.env, ...env },
    { leaseMs: 30_000, maxStalledCount: 1 }
  )
  return {
    store,
    env,
    dispose: async () => {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

let defined: Task<[], number> | undefined
/** The no-op task (one definition per process; the backend is given per enqueue). */
function noop(backend: WorkerBackend): Task<[], number> {
  defined ??= task(() => Date.now(), { name: 'bench.noop', backend })
  return defined.using({ backend })
}

async function enqueueBacklog(backend: WorkerBackend, count: number): Promise<void> {
  const job = noop(backend)
  for (let index = 0; index < count; index++) {
    await job.enqueue()
  }
}

async function waitAllDone(backend: WorkerBackend, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    for (;;) {
      const record = await backend.getResult(id)
      if (record?.status === 'SUCCESSFUL') {
        break
      }
      await sleep(1)
    }
  }
}

/**
 * Drains a backlog of TASKS no-ops; tasks/s from the first start to the last completion. With
 * `early` (workers in other processes, whose start-up is not throughput) the workers start before
 * the backlog, which they drain while it is being enqueued, and the clock starts before the first
 * enqueue, so the rate is of the enqueue and the drain together, never of a drain that already
 * happened.
 */
async function throughput(
  backend: WorkerBackend,
  start: () => Promise<unknown>,
  early: boolean
): Promise<number> {
  if (early) {
    await start()
  }
  const enqueueing = performance.now()
  await enqueueBacklog(backend, TASKS)
  // the last enqueued is claimed last (FIFO); count by status once it is done
  const lastId = (await noop(backend).enqueue()).id
  const began = early ? enqueueing : performance.now()
  if (!early) {
    await start()
  }
  while ((await backend.getResult(lastId))?.status !== 'SUCCESSFUL') {
    await sleep(2)
  }
  return (TASKS + 1) / ((performance.now() - began) / 1000)
}

/** Enqueue-to-start latency of single tasks with the workers idle (ms; start is the task's own clock). */
async function latency(backend: WorkerBackend): Promise<number[]> {
  const job = noop(backend)
  const samples: number[] = []
  for (let index = 0; index < SAMPLES; index++) {
    await sleep(5 + Math.random() * 20) // the workers are waiting, at a random point of their poll
    const result = await job.enqueue()
    await waitAllDone(backend, [result.id])
    await result.refresh()
    samples.push(result.returnValue - result.enqueuedAt.getTime())
  }
  return samples
}

/** Starts the workers of a run on a fresh store; resolves with what stops them. */
type Launch = (backend: WorkerBackend, env: Record<string, string>) => Promise<() => Promise<void>>

/**
 * One row: the throughput, then the latency, each on a fresh store with the workers `launch`
 * starts (stopped before the store is disposed).
 */
async function measureRow(
  factory: SoakBackendFactory,
  launch: Launch,
  row: Pick<Row, 'run' | 'where' | 'workers'>
): Promise<Row> {
  const withWorkers = async <T>(
    run: (backend: WorkerBackend, start: () => Promise<unknown>) => Promise<T>
  ): Promise<T> => {
    const { store, env, dispose } = await fresh(factory)
    let stop: (() => Promise<void>) | undefined
    try {
      return await run(store.backend, async () => (stop = await launch(store.backend, env)))
    } finally {
      await stop?.()
      await dispose()
    }
  }
  const rate = await withWorkers((backend, start) =>
    throughput(backend, start, row.where === 'cross-process')
  )
  const samples = await withWorkers(async (backend, start) => {
    await start()
    return latency(backend)
  })
  return {
    backend: factory.name,
    ...row,
    tasksPerSecond: rate,
    p50: quantile(samples, 0.5),
    p99: quantile(samples, 0.99),
  }
}

function inProcess(factory: SoakBackendFactory, concurrency: number): Promise<Row> {
  return measureRow(
    factory,
    (backend) => {
      const running = worker({ backend, concurrency })
      return Promise.resolve(() => running.stop())
    },
    {
      run: `worker() in this process, concurrency ${String(concurrency)}`,
      where: 'in-process',
      workers: `1 × ${String(concurrency)}`,
    }
  )
}

function spawnWorker(env: Record<string, string>, concurrency: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    cwd: ROOT,
    env: { ...process.env, ...env, BENCH_CONCURRENCY: String(concurrency) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.add(child)
  child.on('exit', () => {
    children.delete(child)
  })
  return new Promise((ready, failed) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        ready(child)
      }
    })
    child.on('exit', (code) => {
      failed(new Error(`bench worker exited with ${String(code)}`))
    })
  })
}

async function stopProcesses(started: readonly ChildProcess[]): Promise<void> {
  await Promise.all(
    started.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) {
            done()
            return
          }
          child.on('exit', () => {
            done()
          })
          child.kill('SIGTERM')
        })
    )
  )
}

function crossProcess(
  factory: SoakBackendFactory,
  processes: number,
  concurrency: number
): Promise<Row> {
  return measureRow(
    factory,
    async (_backend, env) => {
      const env$ = { ...env, BENCH_BACKEND: factory.name }
      const started = await Promise.all(
        Array.from({ length: processes }, () => spawnWorker(env$, concurrency))
      )
      return () => stopProcesses(started)
    },
    {
      run: `${String(processes)} runWorker() process${processes === 1 ? '' : 'es'}, concurrency ${String(concurrency)}`,
      where: 'cross-process',
      workers: `${String(processes)} × ${String(concurrency)}`,
    }
  )
}

/** The SQLite backend's claim and complete statements in a bare loop on one connection. */
async function sqliteBaseline(): Promise<Row> {
  const { store, dispose } = await fresh(soakBackends['sqlite'] as SoakBackendFactory)
  try {
    await enqueueBacklog(store.backend, TASKS)
    // the backend's own connection, with the statements it runs for a claim and a completion
    const { db } = store.backend as SqliteBackend
    const claim = db.prepare(CLAIM_ANY)
    const complete = db.prepare(`UPDATE hx_task SET status = 'SUCCESSFUL', finished_at = @now,
      return_value = @value, lease_owner = NULL, lease_expires_at = NULL WHERE ${FENCE}`)
    const began = performance.now()
    let done = 0
    for (;;) {
      const row = claim.get({ worker: 'raw', now: Date.now(), lease: 30_000 }) as
        { id: string; attempt: number } | undefined
      if (row === undefined) {
        break
      }
      complete.run({
        id: row.id,
        attempt: row.attempt,
        worker: 'raw',
        now: Date.now(),
        value: String(Date.now()),
      })
      done++
    }
    const seconds = (performance.now() - began) / 1000
    return {
      backend: 'sqlite',
      run: 'baseline: claim + complete statements in a loop',
      where: 'baseline',
      workers: '1 × 1',
      tasksPerSecond: done / seconds,
      p50: Number.NaN,
      p99: Number.NaN,
    }
  } finally {
    await dispose()
  }
}

const rows: Row[] = []
for (const name of backendNames) {
  const factory = soakBackends[name]
  if (factory === undefined) {
    throw new TypeError(
      `bench:tasks: unknown backend ${name}; known: ${Object.keys(soakBackends).join(', ')}`
    )
  }
  if (name === 'sqlite') {
    rows.push(await sqliteBaseline())
  }
  rows.push(await inProcess(factory, 1))
  rows.push(await inProcess(factory, 4))
  rows.push(await crossProcess(factory, 1, 1))
  rows.push(await crossProcess(factory, 4, 1))
  rows.push(await crossProcess(factory, 4, 4))
}

if (args.json) {
  console.log(JSON.stringify({ machine: machineLine(), tasks: TASKS, samples: SAMPLES, rows }))
} else {
  console.log(machineLine())
  console.log(
    `${String(TASKS + 1)} no-op tasks per throughput run (a backlog drained); ${String(SAMPLES)} single tasks per latency run`
  )
  const baseline = new Map(
    rows.filter((row) => row.where === 'baseline').map((row) => [row.backend, row.tasksPerSecond])
  )
  // each run of another backend against the same run on SQLite, measured in this process run
  const onSqlite = new Map(
    rows.filter((row) => row.backend === 'sqlite').map((row) => [row.run, row.tasksPerSecond])
  )
  console.log(
    markdownTable({
      headers: [
        'backend',
        'run',
        'workers',
        'tasks/s',
        '× baseline',
        '× sqlite',
        'start p50 ms',
        'start p99 ms',
      ],
      numeric: [3, 4, 5, 6, 7],
      rows: rows.map((row) => [
        row.backend,
        row.run,
        row.workers,
        fixed(row.tasksPerSecond, 0),
        fixed(row.tasksPerSecond / (baseline.get(row.backend) ?? Number.NaN), 2),
        fixed(row.tasksPerSecond / (onSqlite.get(row.run) ?? Number.NaN), 2),
        fixed(row.p50, 1),
        fixed(row.p99, 1),
      ]),
    })
  )
  for (const row of rows) {
    if (row.where === 'baseline') {
      continue
    }
    const goals = [
      row.workers.startsWith('4') || row.workers.endsWith('× 4')
        ? `tasks/s ${row.tasksPerSecond >= 2_000 ? '≥' : '<'} 2,000`
        : null,
      row.where === 'in-process'
        ? `p50 ${row.p50 <= 5 ? '≤' : '>'} 5 ms`
        : `p50 ${row.p50 <= 100 ? '≤' : '>'} 100 ms`,
    ].filter((goal) => goal !== null)
    console.log(`goal ${row.backend} ${row.run}: ${goals.join(', ')}`)
  }
}
