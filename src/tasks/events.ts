// What a worker tells its app about the tasks it runs (`worker({ onTaskEvent })`): each state
// change it wrote, so a page can follow a task live without asking the backend over and over.

/** What happened to a task in a worker; each is reported after the backend recorded it. */
export type TaskEventType =
  /** The worker claimed the task: it is RUNNING. */
  | 'started'
  /** The task reported progress (`context.progress()`). */
  | 'progress'
  /** The task returned: SUCCESSFUL. */
  | 'succeeded'
  /** The attempt failed and another is due later: READY again. */
  | 'retrying'
  /** The task failed for good (its last attempt, a cancel, an unknown task): FAILED. */
  | 'failed'
  /** The worker shut down and gave the task back without spending an attempt: READY. */
  | 'released'

/** One state change a worker wrote. */
export interface TaskEvent {
  readonly type: TaskEventType
  /** The task's id. */
  readonly id: string
  /** The task's stored name. */
  readonly taskName: string
  /** The attempt it happened in (1-based). */
  readonly attempt: number
}

/** Receives a worker's task events; it runs inline, so it should only hand the event on. */
export type TaskEventListener = (event: TaskEvent) => void

/** Calls the listener; a throw goes to `onError` and never into the worker. */
export function emitTaskEvent(
  listener: TaskEventListener | undefined,
  event: TaskEvent,
  onError: (error: unknown) => void
): void {
  if (listener === undefined) {
    return
  }
  try {
    listener(event)
  } catch (error) {
    onError(error)
  }
}
