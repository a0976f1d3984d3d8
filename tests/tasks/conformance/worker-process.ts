// A worker process for the conformance suite, on either backend (BACKEND=sqlite with DB, or
// BACKEND=bullmq with REDIS_URL and PREFIX): its tasks append what happened to EVENTS (JSON
// lines), so the test sees effects across kills.
import Database from 'better-sqlite3'
import { appendFileSync } from 'node:fs'
import { runWorker, sqliteBackend, task } from '../../../src/tasks/index.ts'
import type { TaskContext, WorkerBackend } from '../../../src/tasks/index.ts'
import { bullmqBackend } from '../../../src/tasks-bullmq/index.ts'

const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback)
const leaseMs = env('LEASE_MS', 30_000)
const maxStalledCount = env('MAX_STALLS', 1)
const backend: WorkerBackend =
  process.env['BACKEND'] === 'bullmq'
    ? bullmqBackend({
        url: process.env['REDIS_URL'] as string,
        prefix: process.env['PREFIX'],
        leaseMs,
        maxStalledCount,
      })
    : sqliteBackend(new Database(process.env['DB']), { leaseMs, maxStalledCount })
const note = (context: TaskContext, kind: string): void => {
  appendFileSync(
    process.env['EVENTS'] as string,
    `${JSON.stringify({ task: context.result.id, kind, pid: process.pid, at: Date.now() })}\n`
  )
}

task(
  async (context: TaskContext, firstMs: number) => {
    note(context, 'started')
    context.signal.addEventListener('abort', () => {
      note(context, `aborted:${(context.signal.reason as Error).name}`)
    })
    await new Promise((done) => setTimeout(done, context.attempt === 1 ? firstMs : 10))
    return process.pid
  },
  { name: 'conformance.sleep', backend, takesContext: true }
)

task(
  (context: TaskContext) => {
    note(context, 'started')
    // eslint-disable-next-line n/no-process-exit -- the poison pill of J8
    process.exit(1)
  },
  { name: 'conformance.exit', backend, takesContext: true }
)

task(
  (context: TaskContext) => {
    note(context, 'effect')
    return process.pid
  },
  { name: 'conformance.effect', backend, takesContext: true }
)

runWorker({ backend, sweepIntervalMs: env('SWEEP_MS', 15_000), onError: () => {} })
console.log('ready')
