import type { JsonValue } from './json.ts'

/** Django's four statuses. Cancelled and timed-out tasks are `FAILED` with a named error. */
export type TaskResultStatus = 'READY' | 'RUNNING' | 'SUCCESSFUL' | 'FAILED'

/** One failed attempt: the error's class name, message and stack. */
export interface TaskError {
  /** The error's `name` (`TypeError`, `TaskTimeout`, `TaskCancelled`, `LeaseExpired`…). */
  readonly exceptionClassPath: string
  readonly message: string
  /** The stack as the error carried it. */
  readonly traceback: string
  /** Which attempt (1-based) ended with it. */
  readonly attempt: number
}

/** What a running task last reported with `context.progress()`. */
export interface TaskProgress {
  /** 0..1 */
  readonly fraction: number
  readonly message: string
}

/** A task as a backend stores it: the data behind a `TaskResult`. */
export interface TaskRecord {
  readonly id: string
  readonly taskName: string
  readonly queueName: string
  readonly priority: number
  readonly status: TaskResultStatus
  readonly args: readonly JsonValue[]
  readonly enqueuedAt: Date
  readonly runAfter: Date | null
  readonly startedAt: Date | null
  readonly lastAttemptedAt: Date | null
  readonly finishedAt: Date | null
  readonly workerIds: readonly string[]
  readonly errors: readonly TaskError[]
  /** The return value once SUCCESSFUL (`null` for a task that returns nothing). */
  readonly returnValue: JsonValue | undefined
  readonly progress: TaskProgress | null
  readonly maxAttempts: number
  readonly idempotencyKey: string | null
}
