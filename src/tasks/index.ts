/** @module Background tasks: Django's task API, immediate, dummy and SQLite backends, and a worker. */
export type { BackoffFunction, BackoffOptions } from './backoff.ts'
export type {
  EnqueueRequest,
  HeartbeatOutcome,
  TaskBackend,
  TaskBackendFeatures,
  TaskClaim,
  TaskListOptions,
  WorkerBackend,
} from './backend.ts'
export type { TaskContext } from './definition.ts'
export { dummyBackend } from './dummy.ts'
export type { TaskEvent, TaskEventListener, TaskEventType } from './events.ts'
export type { DummyBackend, DummyBackendOptions } from './dummy.ts'
export {
  LeaseExpired,
  TaskCancelled,
  TaskResultDoesNotExist,
  TaskResultMismatch,
  TaskStalled,
  TaskTimeout,
  WorkerShutdown,
} from './errors.ts'
export { immediateBackend } from './immediate.ts'
export type { ImmediateBackendOptions } from './immediate.ts'
export type { JsonValue } from './json.ts'
export type { TaskError, TaskProgress, TaskRecord, TaskResultStatus } from './record.ts'
export { TaskResult } from './result.ts'
export { schedule } from './schedule.ts'
export type { ScheduleOptions, TaskSchedule } from './schedule.ts'
export { task } from './task.ts'
export type { Task, TaskOptions, TaskUsingOptions } from './task.ts'
export { sqliteBackend } from './sqlite.ts'
export type {
  SqliteBackend,
  SqliteBackendOptions,
  SqliteDatabase,
  SqliteStatement,
  TaskCounts,
} from './sqlite.ts'
export { runWorker, worker } from './worker.ts'
export type { TaskWorker, WorkerOptions } from './worker.ts'
