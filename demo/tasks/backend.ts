// The demo's task backend, chosen from the environment: the pages use only `TaskBackend` (enqueue,
// getResult, cancel, retry) and the `TaskAdmin` below, so another backend (TASKS_BACKEND=redis
// with BullMQ) needs one more case here and nothing in the pages.
import type Database from 'better-sqlite3'
import { sqliteBackend } from '../../src/tasks/index.ts'
import type {
  TaskCounts,
  TaskRecord,
  TaskResultStatus,
  WorkerBackend,
} from '../../src/tasks/index.ts'
import { bullmqBackend } from '../../src/tasks-bullmq/index.ts'

/** The dashboard's reads and actions beyond `TaskBackend`; every method may be async. */
export interface TaskAdmin {
  /** Tasks per status. */
  counts(): Promise<TaskCounts>
  /** Newest first, of one status or all. */
  list(query: {
    status: TaskResultStatus | null
    limit: number
    offset: number
  }): Promise<TaskRecord[]>
  /** Makes a waiting READY task (deferred, backing off) due now; `false` when it is not READY. */
  runNow(id: string): Promise<boolean>
  /** Deletes a task that is not RUNNING; `false` when it is RUNNING or unknown. */
  discard(id: string): Promise<boolean>
  /** Deletes tasks that finished more than `olderThanMs` ago and returns them. */
  prune(olderThanMs: number): Promise<TaskRecord[]>
}

/** A backend for the worker and the pages, and the dashboard's admin side of it. */
export interface DemoTaskBackend {
  readonly backend: WorkerBackend
  readonly admin: TaskAdmin
}

/** The backends `TASKS_BACKEND` may name. */
export const TASK_BACKENDS = ['sqlite', 'redis'] as const

/**
 * The SQLite backend on the demo's own connection (the same file, so an enqueue joins the app's
 * transaction), with its admin side.
 *
 * @param db - the demo's better-sqlite3 connection
 * @example
 * const { backend, admin } = sqliteTasks(db.sqlite())
 */
export function sqliteTasks(db: Database.Database): DemoTaskBackend {
  const backend = sqliteBackend(db)
  return {
    backend,
    admin: {
      counts: () => Promise.resolve(backend.counts()),
      list: ({ status, limit, offset }) =>
        Promise.resolve(backend.list({ status: status ?? undefined, limit, offset })),
      runNow: (id) => Promise.resolve(backend.runNow(id)),
      discard: (id) => Promise.resolve(backend.discard(id)),
      prune: (olderThanMs) => Promise.resolve(backend.prune(olderThanMs)),
    },
  }
}

/** The queues the demo's tasks use (BullMQ needs them up front). */
const QUEUES = ['default', 'exports']

/**
 * The BullMQ backend on `REDIS_URL`, for several server instances and workers on any hosts; the
 * demo's own data stays in its SQLite file (which every instance opens, so run them on one host
 * or give them one shared database).
 *
 * @param env - `REDIS_URL` (required), `TASKS_REDIS_PREFIX` (default `hxkit-demo`),
 *   `TASKS_LEASE_MS` (default 30 000)
 * @example
 * const { backend, admin } = redisTasks({ REDIS_URL: 'redis://127.0.0.1:6379' })
 */
export function redisTasks(env: Record<string, string | undefined>): DemoTaskBackend {
  const url = env['REDIS_URL']
  if (url === undefined || url === '') {
    throw new TypeError('TASKS_BACKEND=redis needs REDIS_URL (e.g. redis://127.0.0.1:6379).')
  }
  const backend = bullmqBackend({
    url,
    prefix: env['TASKS_REDIS_PREFIX'] ?? 'hxkit-demo',
    queues: QUEUES,
    leaseMs: Number(env['TASKS_LEASE_MS'] ?? 30_000),
  })
  return {
    backend,
    admin: {
      counts: () => backend.counts(),
      list: ({ status, limit, offset }) =>
        backend.list({ status: status ?? undefined, limit, offset }),
      runNow: (id) => backend.runNow(id),
      discard: (id) => backend.discard(id),
      prune: (olderThanMs) => backend.prune(olderThanMs),
    },
  }
}

/**
 * Picks the backend `TASKS_BACKEND` names (default `sqlite`); an unknown name throws at start-up.
 *
 * @param db - the demo's better-sqlite3 connection
 * @param env - the environment; default `process.env`
 * @example
 * const tasks = taskBackendFromEnv(db.sqlite())
 */
export function taskBackendFromEnv(
  db: Database.Database,
  env: Record<string, string | undefined> = process.env
): DemoTaskBackend {
  const name = env['TASKS_BACKEND'] ?? 'sqlite'
  if (name === 'sqlite') {
    return sqliteTasks(db)
  }
  if (name === 'redis') {
    return redisTasks(env)
  }
  throw new TypeError(`TASKS_BACKEND must be one of ${TASK_BACKENDS.join(', ')} (got "${name}").`)
}
