/**
 * The one shape of the task errors: an `Error` whose `name` each class fixes as a string field
 * (never `this.constructor.name`, which a minifier may shorten), since that name is stored as
 * the `exceptionClassPath` of `TaskResult.errors` and compared across processes. `instanceof`
 * works per class and for `Error`; the base itself is not part of the public API.
 * @example
 * export class TaskCancelled extends NamedTaskError {
 *   override name = 'TaskCancelled'
 * }
 */
export abstract class NamedTaskError extends Error {
  abstract override name: string
}

/**
 * The error an attempt ends with when the task is cancelled while it runs, or was cancelled while
 * it waited; its `name` is the `exceptionClassPath` in `TaskResult.errors`.
 * @see docs/tasks.md
 * @example
 * if (context.signal.reason instanceof TaskCancelled) return
 */
export class TaskCancelled extends NamedTaskError {
  override name = 'TaskCancelled'
}

/**
 * The error an attempt ends with when it runs longer than the task's `timeout`; retried like any
 * other failure.
 * @see docs/tasks.md
 * @example
 * result.errors.some((error) => error.exceptionClassPath === 'TaskTimeout')
 */
export class TaskTimeout extends NamedTaskError {
  override name = 'TaskTimeout'
}

/**
 * The error recorded when a worker stopped renewing its lease (it crashed, hung or lost the
 * database) and the sweeper took the task back.
 * @see docs/tasks.md
 * @example
 * result.errors.at(-1)?.exceptionClassPath === 'LeaseExpired'
 */
export class LeaseExpired extends NamedTaskError {
  override name = 'LeaseExpired'
}

/**
 * The error recorded instead of `LeaseExpired` when a task's lease expires once more than the
 * backend's `maxStalledCount` allows: the task is FAILED for good, so a task that crashes its
 * worker process every time (a poison pill) stops instead of taking the fleet down in a loop.
 * @see docs/tasks.md
 * @example
 * result.errors.at(-1)?.exceptionClassPath === 'TaskStalled'
 */
export class TaskStalled extends NamedTaskError {
  override name = 'TaskStalled'
}

/**
 * The reason a task's signal aborts when its worker shuts down; the task is released, not failed.
 * @see docs/tasks.md
 * @example
 * if (context.signal.reason instanceof WorkerShutdown) await saveCheckpoint()
 */
export class WorkerShutdown extends NamedTaskError {
  override name = 'WorkerShutdown'
}

/**
 * Thrown by `getResult()` when the backend has no task with that id (never enqueued, or pruned).
 * @see docs/tasks.md
 * @example
 * try { await sendEmail.getResult(id) } catch (error) { if (error instanceof TaskResultDoesNotExist) … }
 */
export class TaskResultDoesNotExist extends NamedTaskError {
  override name = 'TaskResultDoesNotExist'
}

/**
 * Thrown by `getResult()` when the id belongs to a different task.
 * @see docs/tasks.md
 * @example
 * await sendEmail.getResult(idOfAnotherTask) // throws TaskResultMismatch
 */
export class TaskResultMismatch extends NamedTaskError {
  override name = 'TaskResultMismatch'
}

/** The `TaskError` shape of an error (its class name, message and stack). */
export function toTaskError(
  error: unknown,
  attempt: number
): { exceptionClassPath: string; message: string; traceback: string; attempt: number } {
  if (error instanceof Error) {
    return {
      exceptionClassPath: error.name,
      message: error.message,
      traceback: error.stack ?? `${error.name}: ${error.message}`,
      attempt,
    }
  }
  const message = String(error)
  return { exceptionClassPath: 'NonError', message, traceback: message, attempt }
}
