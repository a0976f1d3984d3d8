// The Tasks' live views (hxkit/live): a task's progress on its channel `task:<id>`, inline (the
// orders table's export, the Tasks page's start, the orders console's bulk hand-off) and on the
// task's page, and the Tasks page's counts and table on `tasks`. Each renders the same partials as
// the pages, with the same loaders; htmx 4 streams them, htmx 2 polls the same routes.
import type { Context } from 'hono'
import { toasts } from '../../src/components/index.ts'
import { html } from '../../src/html/index.ts'
import type { HtmlValue, SafeHtml } from '../../src/html/index.ts'
import type { LiveHub, LiveView } from '../../src/live/index.ts'
import type { NamedPartial } from '../../src/partials/index.ts'
import type { TaskRecord } from '../../src/tasks/index.ts'
import type { HtmxVersion } from '../layout.ts'
import { TASKS_CHANNEL, taskChannel } from './notify.ts'
import { finishedMessage, isLive, taskUrl } from './progress.ts'
import { TASK_ID, tasksUrl } from './query.ts'
import type { TaskListQuery } from './query.ts'

/** The route of the Tasks page's stream (GET; htmx 2 polls it). */
export const TASKS_LIVE_PATH = '/live/tasks'

/** What the live views render and read. */
export interface TaskLiveDeps {
  hub: LiveHub
  /** The htmx the layout loads: 4 streams, 2 polls. */
  version: HtmxVersion
  /** Reads a task (the backend's `getResult`). */
  read: (id: string) => Promise<TaskRecord | null>
  /** The request's task, which the routes and the views' `until` set and the loaders read. */
  loaded: WeakMap<Context, TaskRecord | null>
  progress: NamedPartial
  detail: NamedPartial
  counts: NamedPartial
  table: NamedPartial
  /**
   * What the inline view also sends with the last message of a finished task, after its toast:
   * `<hx-partial>` blocks for the page the progress is on (the orders console's table once a bulk
   * ship has ended). It reads the stream's URL, which carries `progressElement()`'s `query`.
   */
  finished?: ((c: Context, record: TaskRecord) => HtmlValue) | undefined
}

/** The views and the elements the pages render to open them. */
export interface TaskLive {
  readonly inline: LiveView
  readonly detail: LiveView
  readonly list: LiveView
  /**
   * Beside an inline progress partial while the task can change; `query` (no `?`) goes on the
   * stream's URL for the page's own `finished` blocks (the orders console: its list query).
   */
  readonly progressElement: (c: Context, record: TaskRecord, query?: string) => SafeHtml
  /** On the task's page (`#task-live`) while the task can change. */
  readonly detailElement: (c: Context, record: TaskRecord | null) => SafeHtml
  /** In the Tasks page's list, for the state it shows. */
  readonly listElement: (c: Context, query: TaskListQuery) => SafeHtml
}

/**
 * Declares the Tasks' live views on the demo's hub.
 *
 * `until` reads the task before each message and keeps it as the request's task, so the
 * loaders of that message render exactly the state `until` judged (one read per message).
 *
 * @param deps - hub, htmx version, task reads and the partials
 * @example
 * const live = taskLive({ hub, version: 4, read, loaded, progress, detail, counts, table })
 * app.get(live.inline.path, live.inline.handler)
 */
export function taskLive(deps: TaskLiveDeps): TaskLive {
  const { hub, version, loaded } = deps
  const finished = async (c: Context): Promise<boolean> => {
    const id = c.req.param('id') ?? ''
    const record = TASK_ID.test(id) ? await deps.read(id) : null
    loaded.set(c, record)
    return record === null || !isLive(record)
  }
  // a success is also announced in the layout's polite toast region (there from the page's start,
  // so screen readers read it); a failure's role="alert" is announced as it arrives
  const announce = (c: Context): SafeHtml | string => {
    const record = loaded.get(c)
    return record?.status === 'SUCCESSFUL'
      ? toasts({ message: finishedMessage(record), kind: 'success' })
      : ''
  }
  // the inline view's page follows a finished task with its own blocks (deps.finished)
  const follow = (c: Context): HtmlValue => {
    const record = loaded.get(c)
    return deps.finished === undefined || record == null || isLive(record)
      ? ''
      : deps.finished(c, record)
  }
  const channels = (c: Context): string => taskChannel(c.req.param('id') ?? '')
  const inline = hub.live({
    path: '/tasks/:id/progress',
    partials: [deps.progress],
    channels,
    until: finished,
    oob: (c) => [announce(c), follow(c)],
  })
  const detail = hub.live({
    path: '/tasks/:id/progress/detail',
    partials: [deps.progress, deps.detail],
    channels,
    until: finished,
    oob: announce,
  })
  const list = hub.live({
    path: TASKS_LIVE_PATH,
    partials: [deps.counts, deps.table],
    channels: TASKS_CHANNEL,
  })
  return {
    inline,
    detail,
    list,
    progressElement: (c, record, query = '') =>
      isLive(record)
        ? inline.element(c, {
            htmx: version,
            poll: 1,
            url: `${taskUrl(record.id)}/progress${query === '' ? '' : `?${query}`}`,
          })
        : html``,
    detailElement: (c, record) =>
      record !== null && isLive(record)
        ? detail.element(c, {
            htmx: version,
            poll: 1,
            url: `${taskUrl(record.id)}/progress/detail`,
          })
        : html``,
    listElement: (c, query) =>
      list.element(c, {
        htmx: version,
        poll: 5,
        url: tasksUrl(query).replace(/^\/tasks/, TASKS_LIVE_PATH),
      }),
  }
}
