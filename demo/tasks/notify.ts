// Where the demo says that a task changed, so open pages follow it (hxkit/live): the task's own
// channel `task:<id>` (its progress) and `tasks` (the Tasks page's rows and counts). The worker's
// onTaskEvent and the routes that change a task both end here; a worker process publishes
// through its Redis bus, the server through its hub.
import type { LiveHint } from '../../src/live/index.ts'
import type { TaskEvent } from '../../src/tasks/index.ts'
import { ORDERS_CHANNEL } from '../live.ts'

/** The channel the Tasks page listens on. */
export const TASKS_CHANNEL = 'tasks'

/** The partial a progress report changes (the others change with the task's state). */
export const PROGRESS_PARTIAL = 'taskProgress'

/**
 * A task's own channel.
 *
 * @param id - the task id
 * @example
 * taskChannel(record.id) // 'task:…'
 */
export function taskChannel(id: string): string {
  return `task:${id}`
}

/** What publishes: the app's live hub, or in a worker process the bus alone (`redisBus()`). */
export interface TaskPublisher {
  publish(channel: string, hint?: LiveHint): void | Promise<void>
}

/** Tells open pages about task changes. */
export interface TaskNotifier {
  /** The task reported progress: its progress partial renders again. */
  readonly progress: (id: string) => void
  /** The task changed state (enqueued, started, finished, cancelled, retried, discarded, run now). */
  readonly changed: (id: string) => void
  /** A task changed orders (a bulk ship): open overviews render their figures again. */
  readonly ordersChanged: () => void
  /** The worker's `onTaskEvent`. */
  readonly onTaskEvent: (event: TaskEvent) => void
}

/**
 * Builds the notifier on a publisher; without one (tests that need no live pages) it does
 * nothing. A publish that fails is logged once and never fails the task or the request.
 *
 * @param publisher - the hub or the bus
 * @example
 * const notify = taskNotifier(hub)
 * notify.changed(record.id)
 */
export function taskNotifier(publisher: TaskPublisher | undefined): TaskNotifier {
  let warned = false
  const send = (channel: string, hint?: LiveHint): void => {
    if (publisher === undefined) {
      return
    }
    void Promise.resolve()
      .then(() => publisher.publish(channel, hint))
      .catch((error: unknown) => {
        if (!warned) {
          warned = true
          console.error('tasks: a live publish failed:', error)
        }
      })
  }
  const progress = (id: string): void => {
    send(taskChannel(id), [PROGRESS_PARTIAL])
  }
  const changed = (id: string): void => {
    send(taskChannel(id))
    send(TASKS_CHANNEL)
  }
  return {
    progress,
    changed,
    ordersChanged: () => {
      send(ORDERS_CHANNEL)
    },
    onTaskEvent: (event) => {
      if (event.type === 'progress') {
        progress(event.id)
      } else {
        changed(event.id)
      }
    },
  }
}
