// One app's tasks: its backend (chosen from the environment), the export folder, the tasks bound
// to that backend, and the worker that runs them with the prune schedule.
import type Database from 'better-sqlite3'
import { runWorker, schedule, worker } from '../../src/tasks/index.ts'
import type {
  Task,
  TaskSchedule,
  TaskWorker,
  WorkerBackend,
  WorkerOptions,
} from '../../src/tasks/index.ts'
import { taskBackendFromEnv } from './backend.ts'
import type { DemoTaskBackend, TaskAdmin } from './backend.ts'
import {
  exportOrders,
  pruneFinished,
  pruneFinishedTasks,
  recomputeCustomerTotals,
  shipOrders,
} from './definitions.ts'
import type {
  ExportFilters,
  ExportResult,
  RecomputeResult,
  ShipArgs,
  ShipResult,
} from './definitions.ts'
import { runWithTaskEnv } from './env.ts'
import type { TaskEnv } from './env.ts'
import { exportFiles } from './files.ts'
import type { ExportFiles } from './files.ts'
import { taskNotifier } from './notify.ts'
import type { TaskNotifier, TaskPublisher } from './notify.ts'

/** How a demo app's tasks are set up; every field defaults to the environment. */
export interface TasksOptions {
  /** The backend and its admin side; default `taskBackendFromEnv(db)` (`TASKS_BACKEND`). */
  backend?: ((db: Database.Database) => DemoTaskBackend) | undefined
  /** ms the long tasks pause between steps; default `TASKS_STEP_MS` or 250. */
  stepMs?: number | undefined
  /** How long finished tasks are kept, ms; default `TASKS_RETENTION_HOURS` (24) hours. */
  retentionMs?: number | undefined
  /** Where task changes are published for live pages: the app's hub, a worker process's bus. */
  publisher?: TaskPublisher | undefined
}

/** What the worker options of `startWorker` may set (the backend and schedules are the app's). */
export type DemoWorkerOptions = Omit<WorkerOptions, 'backend' | 'schedules'>

/** One app's tasks. */
export interface DemoTasks {
  readonly backend: WorkerBackend
  readonly admin: TaskAdmin
  readonly files: ExportFiles
  readonly retentionMs: number
  /** What every worker of the app enqueues when due: the prune, every ten minutes. */
  readonly schedules: readonly TaskSchedule[]
  readonly exportOrders: Task<[ExportFilters], ExportResult>
  readonly recomputeCustomerTotals: Task<[], RecomputeResult>
  /** Tells open pages that a task changed (the workers do it for what they change). */
  readonly notify: TaskNotifier
  /** The orders console's bulk "mark shipped", handed off when the selection is large. */
  readonly shipOrders: Task<[ShipArgs], ShipResult>
  /** Starts a worker in this process on the app's backend, with the prune schedule. */
  startWorker(options?: DemoWorkerOptions): TaskWorker
  /** The same as its own process: SIGTERM and SIGINT stop it and exit (`npm run worker`). */
  runWorker(options?: Omit<DemoWorkerOptions, 'shutdown'>): TaskWorker
  /** Prunes finished tasks older than `retentionMs` now, removing their files. */
  prune(olderThanMs?: number): Promise<number>
}

// the table the recompute writes: derived figures, safe to rebuild at any time
const TOTALS_SCHEMA = `CREATE TABLE IF NOT EXISTS customer_totals (
  customer_id INTEGER PRIMARY KEY REFERENCES customers(id),
  orders INTEGER NOT NULL,
  spent_cents INTEGER NOT NULL,
  computed_at TEXT NOT NULL
)`

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') {
    return fallback
  }
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) {
    throw new TypeError(`${name} must be a number ≥ 0 (got "${raw}").`)
  }
  return value
}

/**
 * Sets up the demo's tasks on one database.
 *
 * @param db - the demo's better-sqlite3 connection (`openDb().sqlite()`)
 * @param options - backend, step pause, retention
 * @example
 * const tasks = setupTasks(openDb().sqlite())
 * tasks.startWorker({ concurrency: 2, shutdown: server })
 */
export function setupTasks(db: Database.Database, options: TasksOptions = {}): DemoTasks {
  db.exec(TOTALS_SCHEMA)
  const { backend, admin } = (options.backend ?? taskBackendFromEnv)(db)
  const files = exportFiles(db.name)
  const retentionMs = options.retentionMs ?? numberFromEnv('TASKS_RETENTION_HOURS', 24) * 3_600_000
  const notify = taskNotifier(options.publisher)
  const env: TaskEnv = {
    db,
    files,
    admin,
    stepMs: options.stepMs ?? numberFromEnv('TASKS_STEP_MS', 250),
    ordersChanged: notify.ordersChanged,
  }
  // every ten minutes, by whichever worker gets there first
  const schedules = [schedule(pruneFinishedTasks, '*/10 * * * *', { args: [retentionMs] })]
  const { onTaskEvent } = notify
  return {
    backend,
    admin,
    files,
    retentionMs,
    schedules,
    exportOrders: exportOrders.using({ backend }),
    recomputeCustomerTotals: recomputeCustomerTotals.using({ backend }),
    notify,
    shipOrders: shipOrders.using({ backend }),
    startWorker: (given = {}) =>
      runWithTaskEnv(env, () => worker({ onTaskEvent, ...given, backend, schedules })),
    runWorker: (given = {}) =>
      runWithTaskEnv(env, () => runWorker({ onTaskEvent, ...given, backend, schedules })),
    prune: (olderThanMs = retentionMs) => pruneFinished(env, olderThanMs),
  }
}
