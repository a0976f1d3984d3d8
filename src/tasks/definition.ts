import type { BackoffFunction } from './backoff.ts'
import type { TaskProgress } from './record.ts'
import type { TaskResult } from './result.ts'

/**
 * What a task function with `takesContext: true` gets as its first argument.
 * @see docs/tasks.md
 * @example
 * const report = task(async (context: TaskContext, rows: number) => {
 *   await context.progress(0.5, 'half way')
 * }, { name: 'report', takesContext: true })
 */
export interface TaskContext {
  /** 1-based: 2 and up mean an earlier attempt ran (and may have had effects). */
  readonly attempt: number
  /** The task's result as of this attempt's start. */
  readonly result: TaskResult<unknown>
  /** Aborts on cancel, timeout, lost lease and worker shutdown; `signal.reason` says which. */
  readonly signal: AbortSignal
  /** The key the task was enqueued with, for de-duplicating side effects. */
  readonly idempotencyKey: string | null
  /** Records progress (`fraction` 0..1) for `TaskResult.progress` and the dashboard. */
  progress(fraction: number, message?: string): Promise<void>
  /**
   * Runs `fn` (synchronous: better-sqlite3 writes) in one write transaction of the backend's
   * database that commits only while this attempt still holds its lease; a stale attempt (paused
   * past its lease while another worker took the task over) gets `LeaseExpired` and its writes
   * are rolled back. On the immediate and dummy backends and in `call()` it runs `fn` as is; a
   * backend without a shared database (BullMQ) throws a TypeError.
   */
  transaction<T>(fn: () => T): Promise<T>
}

/** A task function's code and run-time settings, found by name in the worker. */
export interface TaskDefinition {
  readonly name: string
  readonly fn: (...args: never[]) => unknown
  readonly takesContext: boolean
  readonly maxAttempts: number
  readonly backoff: BackoffFunction
  /** ms */
  readonly timeout: number
  readonly idempotencyKey: ((...args: never[]) => unknown) | null
}

const registry = new Map<string, TaskDefinition>()

/** Adds a definition; a second task with the same name is a mistake (the worker could not tell them apart). */
export function registerTask(definition: TaskDefinition): void {
  if (registry.has(definition.name)) {
    throw new TypeError(
      `task(): a task named "${definition.name}" is already defined; names must be unique (pass "name").`
    )
  }
  registry.set(definition.name, definition)
}

export function findTask(name: string): TaskDefinition | undefined {
  return registry.get(name)
}

/** The definition behind a stored name (for workers and the inline backends). */
export function requireTask(caller: string, name: string): TaskDefinition {
  const definition = registry.get(name)
  if (definition === undefined) {
    throw new TypeError(
      `${caller}: no task named "${name}" is defined in this process (import the module that defines it).`
    )
  }
  return definition
}

export function checkProgress(fraction: unknown, message: unknown): TaskProgress {
  if (typeof fraction !== 'number' || !(fraction >= 0 && fraction <= 1)) {
    throw new TypeError('progress(): "fraction" must be a number from 0 to 1.')
  }
  if (message !== undefined && typeof message !== 'string') {
    throw new TypeError('progress(): "message" must be a string.')
  }
  return { fraction, message: message ?? '' }
}
