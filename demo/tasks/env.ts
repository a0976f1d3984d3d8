// What the demo's task functions reach besides their arguments: the database, the export folder
// and the admin side of the backend. A task function is defined once per process (task names are
// unique), so these come from the worker that runs it: startWorker() runs the worker inside
// runWithTaskEnv(), and AsyncLocalStorage carries the environment into every task it starts.
// Two apps in one process (tests) therefore keep their own databases.
import type Database from 'better-sqlite3'
import { AsyncLocalStorage } from 'node:async_hooks'
import type { TaskAdmin } from './backend.ts'
import type { ExportFiles } from './files.ts'

/** The environment a demo task runs in. */
export interface TaskEnv {
  readonly db: Database.Database
  readonly files: ExportFiles
  readonly admin: TaskAdmin
  /** ms a long task pauses between its steps, so its progress can be watched (0 in tests). */
  readonly stepMs: number
  /** Tells open overviews that a task changed orders (through the app's hub or the bus). */
  readonly ordersChanged: () => void
}

const storage = new AsyncLocalStorage<TaskEnv>()

/**
 * Runs `fn` (a worker's start, a `drain()`) with `env` as the tasks' environment.
 *
 * @param env - database, export folder, admin, step pause
 * @param fn - what starts the tasks
 * @example
 * runWithTaskEnv(env, () => worker({ backend }))
 */
export function runWithTaskEnv<T>(env: TaskEnv, fn: () => T): T {
  return storage.run(env, fn)
}

/**
 * The environment of the task that is running; throws when a task runs outside a demo worker.
 *
 * @example
 * const { db } = taskEnv()
 */
export function taskEnv(): TaskEnv {
  const env = storage.getStore()
  if (env === undefined) {
    throw new Error('demo tasks: no task environment; run tasks through startWorker().')
  }
  return env
}
