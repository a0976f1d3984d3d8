// The Tasks routes: the list and task pages, starting an export or a recompute, the progress
// streams (polled by htmx 2), the CSV download and the row actions. Everything the app needs is in
// registerTasks().
import type { Context, Hono, MiddlewareHandler } from 'hono'
import { readFile } from 'node:fs/promises'
import { html } from '../../src/html/index.ts'
import type { HtmlValue, SafeHtml } from '../../src/html/index.ts'
import { getHtmx, HTMX_REQUEST_HEADERS, redirectTo } from '../../src/htmx/index.ts'
import type { LiveHub } from '../../src/live/index.ts'
import { hxPartial } from '../../src/partials/index.ts'
import type { TaskRecord, TaskResult } from '../../src/tasks/index.ts'
import type { Layout } from '../../src/views/index.ts'
import { actorOf } from '../actor.ts'
import type { DemoDb } from '../db.ts'
import { guardGroup, isRead } from '../guards.ts'
import type { GroupGuards } from '../guards.ts'
import type { HtmxVersion } from '../layout.ts'
import { TASK_ACTIONS } from '../pages/task-actions.ts'
import type { TaskAction } from '../pages/task-actions.ts'
import { taskPage } from '../pages/task.ts'
import { discardedRow, taskRow, tasksPage } from '../pages/tasks.ts'
import { postedFields } from '../posted.ts'
import { parseExportFilters } from './definitions.ts'
import { taskLive } from './live.ts'
import type { TaskLive } from './live.ts'
import { isDownloadable, progressPartial, taskLabel, taskUrl } from './progress.ts'
import { parseTaskListQuery, TASK_ID, tasksUrl } from './query.ts'
import { setupTasks } from './setup.ts'
import type { DemoTasks, TasksOptions } from './setup.ts'

/** What the task routes need from the app. */
export interface TasksDeps {
  db: DemoDb
  layout: Layout
  /** Backend, step pause and retention; default from the environment. */
  options?: TasksOptions | undefined
  /** The app's live hub: task changes are published on it and the pages follow them. */
  hub: LiveHub
  /** The htmx the layout loads (4 streams, 2 polls). */
  htmxVersion: HtmxVersion
  /** Who may read the task pages and who may start or act on a task (POST); default anyone. */
  guards?: GroupGuards | undefined
  /**
   * What a finished task's inline progress also sends, for the page it is on (`TaskLiveDeps`'s
   * `finished`: the orders console's table after a bulk ship).
   */
  finished?: ((c: Context, record: TaskRecord) => HtmlValue) | undefined
}
const FILENAME = /^[\w.-]{1,100}\.csv$/

// a fragment for htmx: never cached, and negotiated on the htmx headers
function fragment(c: Context, markup: SafeHtml, status: 200 | 202 | 409 | 404 = 200): Response {
  const res = c.html(markup.value, status)
  res.headers.set('Cache-Control', 'no-store')
  res.headers.set('Vary', HTMX_REQUEST_HEADERS.join(', '))
  return res
}

// a refused request: for htmx the message alone (htmx swaps no 4xx), otherwise a page with it
async function refusal(
  c: Context,
  layout: Layout,
  status: 404 | 409,
  message: string
): Promise<Response> {
  if (getHtmx(c) !== null) {
    return fragment(c, html`<p role="alert">${message}</p>`, status)
  }
  const title = status === 404 ? 'Not found' : 'Not done'
  const body = html`<h1>${title}</h1>
    <p role="alert">${message}</p>
    <p><a href="/tasks">Back to the tasks</a></p>`
  return c.html(String(await layout(body, { title, c })), status)
}

/**
 * Mounts the Tasks routes (and sets the app's tasks up on first use, as the database may open
 * lazily): `GET /tasks`, `POST /tasks/export`, `POST /tasks/recompute`, `GET /tasks/:id`,
 * `GET /tasks/:id/progress` and `GET /tasks/:id/progress/detail` (live: a stream for htmx 4, the
 * polling answer for htmx 2), `GET /tasks/:id/download` and
 * `POST /tasks/:id/{retry,cancel,discard,run-now}`. The Tasks page's stream (`live.list`) is the
 * app's to mount, behind its guard.
 *
 * @param app - the demo app
 * @param deps - database, layout, task options, live hub, htmx version
 * @returns the app's tasks (opened on first call), the two pages, the live views and `follow(c,
 *   record, query?)`: a task's inline progress with the element that keeps it live
 * @example
 * const { tasks } = registerTasks(app, { db, layout })
 * tasks().startWorker({ shutdown: server })
 */
export function registerTasks(app: Hono, deps: TasksDeps) {
  guardGroup(app, '/tasks', deps.guards, (c) => !isRead(c))
  const { layout } = deps
  let opened: DemoTasks | undefined
  const tasks = (): DemoTasks =>
    (opened ??= setupTasks(deps.db.sqlite(), { publisher: deps.hub, ...deps.options }))
  // the request's task: set by the routes and by the live views' until(), read by the loaders
  const loaded = new WeakMap<Context, TaskRecord | null>()
  const record = (c: Context): TaskRecord | null => loaded.get(c) ?? null
  const progress = progressPartial(record)
  // the live views need the pages' partials, the pages their elements (called only at render)
  const list = tasksPage(tasks, layout, (c, query) => views.listElement(c, query))
  const detail = taskPage(
    { record, progress, live: (c) => views.detailElement(c, record(c)) },
    layout
  )
  const views: TaskLive = taskLive({
    hub: deps.hub,
    version: deps.htmxVersion,
    read: (id) => tasks().backend.getResult(id),
    loaded,
    progress,
    detail: detail.partials.taskDetail,
    counts: list.partials.taskCounts,
    table: list.table,
    finished: deps.finished,
  })
  // a task's progress in place (the same partial as its page) and, while the task can change, the
  // element that follows it; `query` rides on the stream's URL for the page's `finished` blocks
  const follow = async (c: Context, started: TaskRecord, query?: string): Promise<SafeHtml> => {
    loaded.set(c, started)
    return html`${await progress.render(c)}${views.progressElement(c, started, query)}`
  }

  const load: MiddlewareHandler = async (c, next) => {
    const id = c.req.param('id') ?? ''
    const record = TASK_ID.test(id) ? await tasks().backend.getResult(id) : null
    if (record === null) {
      return refusal(c, layout, 404, 'There is no such task (it may have been pruned).')
    }
    loaded.set(c, record)
    await next()
    return undefined
  }

  // enqueue inside the app's transaction: the activity entry and the task commit together
  const start = async (
    c: Context,
    form: Record<string, unknown>,
    enqueue: (ready: DemoTasks) => Promise<TaskResult<unknown>>,
    message: string
  ) => {
    // set up before the transaction: the backend's set-up changes pragmas, refused inside one
    const ready = tasks()
    const db = deps.db.sqlite()
    const insert = db.prepare('INSERT INTO activity (at, actor, message) VALUES (?, ?, ?)')
    let queued: Promise<TaskResult<unknown>> | undefined
    db.transaction(() => {
      insert.run(`${new Date().toISOString().slice(0, 19)}Z`, actorOf(c), message)
      queued = enqueue(ready)
    })()
    const started = (await (queued as Promise<TaskResult<unknown>>)).toJSON()
    ready.notify.changed(started.id)
    if (getHtmx(c) === null) {
      return c.redirect(taskUrl(started.id), 303)
    }
    const shown = await follow(c, started)
    if (form['from'] === 'tasks') {
      return fragment(
        c,
        html`${shown}${hxPartial(list.partials.taskCounts, await list.partials.taskCounts.render(c))}`,
        202
      )
    }
    return fragment(c, shown, 202)
  }

  app.get('/tasks', list.handler)
  app.post('/tasks/export', async (c) => {
    const form = await postedFields(c)
    const filters = parseExportFilters(form)
    const which = filters.status === null ? 'all orders' : `${filters.status} orders`
    return start(
      c,
      form,
      (ready) => ready.exportOrders.enqueue(filters),
      `started a CSV export of ${which}`
    )
  })
  app.post('/tasks/recompute', async (c) =>
    start(
      c,
      await postedFields(c),
      (ready) => ready.recomputeCustomerTotals.enqueue(),
      'started a recompute of customer totals'
    )
  )
  app.get('/tasks/:id', load, detail.handler)

  // The progress views: a stream for htmx 4, the polling answer for htmx 2 (286 once finished);
  // a browser without JavaScript is sent to the task's page.
  const liveRoute =
    (view: TaskLive['inline']) =>
    async (c: Context): Promise<Response> => {
      const id = c.req.param('id') ?? ''
      if (!TASK_ID.test(id)) {
        return refusal(c, layout, 404, 'There is no such task.')
      }
      const streams = (c.req.header('Accept') ?? '').includes('text/event-stream')
      if (!streams && getHtmx(c) === null) {
        return (await tasks().backend.getResult(id)) === null
          ? refusal(c, layout, 404, 'There is no such task.')
          : c.redirect(taskUrl(id), 303)
      }
      return view.handler(c)
    }
  app.get(views.inline.path, liveRoute(views.inline))
  app.get(views.detail.path, liveRoute(views.detail))

  app.get('/tasks/:id/download', load, async (c) => {
    const record = loaded.get(c) as TaskRecord
    const path = isDownloadable(record) ? tasks().files.path(record.id) : null
    const file = path === null ? null : await readFile(path).catch(() => null)
    if (file === null) {
      return refusal(
        c,
        layout,
        404,
        'This export has no file (it failed, is not finished, or was pruned).'
      )
    }
    const given = (record.returnValue as { filename?: unknown } | null)?.filename
    const name = typeof given === 'string' && FILENAME.test(given) ? given : 'orders.csv'
    return c.body(new Uint8Array(file), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    })
  })

  const perform = async (action: TaskAction, record: TaskRecord): Promise<string | null> => {
    const { backend, admin, files } = tasks()
    switch (action) {
      case 'retry':
        return (await backend.retry(record.id)) ? null : 'Only a failed task can be retried.'
      case 'cancel':
        return (await backend.cancel(record.id)) === false
          ? 'This task has finished; there is nothing to cancel.'
          : null
      case 'run-now':
        return (await admin.runNow(record.id)) ? null : 'Only a waiting task can be run now.'
      case 'discard':
        if (!(await admin.discard(record.id))) {
          return 'A running task cannot be discarded; cancel it first.'
        }
        files.remove(record.id)
        return null
    }
  }

  app.post('/tasks/:id/:action', load, async (c) => {
    const action = TASK_ACTIONS.find((one) => one === c.req.param('action'))
    if (action === undefined) {
      return refusal(c, layout, 404, 'There is no such action.')
    }
    const form = await postedFields(c)
    const before = loaded.get(c) as TaskRecord
    const refused = await perform(action, before)
    if (refused !== null) {
      return refusal(c, layout, 409, `${taskLabel(before.taskName)}: ${refused}`)
    }
    tasks().notify.changed(before.id)
    const after = await tasks().backend.getResult(before.id)
    const fromList = form['from'] !== 'detail'
    const listState = parseTaskListQuery(form)
    if (getHtmx(c) === null) {
      return c.redirect(fromList || after === null ? tasksUrl(listState) : taskUrl(before.id), 303)
    }
    if (!fromList) {
      if (after === null) {
        return redirectTo(c, '/tasks')
      }
      loaded.set(c, after)
      // the details, and the element that follows the task (a retried task is live again)
      return detail.respond(c, ['taskDetail', 'taskLive'])
    }
    const row = after === null ? discardedRow(before) : taskRow(after, listState)
    const counts = await list.partials.taskCounts.render(c)
    return fragment(c, html`${row}${hxPartial(list.partials.taskCounts, counts)}`)
  })

  return { tasks, pages: { tasks: list, task: detail }, live: views, follow }
}
