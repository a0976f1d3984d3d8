// The Tasks routes: the list and task pages, starting an export or a recompute, the progress
// poll, the CSV download and the row actions. Everything the app needs is in registerTasks().
import type { Context, Hono, MiddlewareHandler } from 'hono'
import { readFile } from 'node:fs/promises'
import { html } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import {
  addTrigger,
  getHtmx,
  HTMX_REQUEST_HEADERS,
  redirectTo,
  stopPolling,
} from '../../src/htmx/index.ts'
import { hxPartial } from '../../src/partials/index.ts'
import type { TaskRecord, TaskResult } from '../../src/tasks/index.ts'
import type { Layout } from '../../src/views/index.ts'
import { actorOf } from '../actor.ts'
import type { DemoDb } from '../db.ts'
import { guardGroup, isRead } from '../guards.ts'
import type { GroupGuards } from '../guards.ts'
import { TASK_ACTIONS } from '../pages/task-actions.ts'
import type { TaskAction } from '../pages/task-actions.ts'
import { taskPage } from '../pages/task.ts'
import { discardedRow, taskRow, tasksPage } from '../pages/tasks.ts'
import { parseExportFilters } from './definitions.ts'
import {
  finishedMessage,
  isDownloadable,
  isLive,
  taskLabel,
  taskProgress,
  taskUrl,
} from './progress.ts'
import type { ProgressView } from './progress.ts'
import { parseTaskListQuery, tasksUrl } from './query.ts'
import { setupTasks } from './setup.ts'
import type { DemoTasks, TasksOptions } from './setup.ts'

/** What the task routes need from the app. */
export interface TasksDeps {
  db: DemoDb
  layout: Layout
  /** Backend, step pause and retention; default from the environment. */
  options?: TasksOptions | undefined
  /** Who may read the task pages and who may start or act on a task (POST); default anyone. */
  guards?: GroupGuards | undefined
}

const TASK_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/
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
 * `GET /tasks/:id/progress`, `GET /tasks/:id/download` and `POST /tasks/:id/{retry,cancel,discard,run-now}`.
 *
 * @param app - the demo app
 * @param deps - database, layout, task options
 * @returns the app's tasks (opened on first call) and the two pages
 * @example
 * const { tasks } = registerTasks(app, { db, layout })
 * tasks().startWorker({ shutdown: server })
 */
export function registerTasks(app: Hono, deps: TasksDeps) {
  guardGroup(app, '/tasks', deps.guards, (c) => !isRead(c))
  const { layout } = deps
  let opened: DemoTasks | undefined
  const tasks = (): DemoTasks => (opened ??= setupTasks(deps.db.sqlite(), deps.options))
  const list = tasksPage(tasks, layout)
  const loaded = new WeakMap<Context, TaskRecord>()
  const detail = taskPage((c) => loaded.get(c) as TaskRecord, layout)

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
    const record = (await (queued as Promise<TaskResult<unknown>>)).toJSON()
    if (getHtmx(c) === null) {
      return c.redirect(taskUrl(record.id), 303)
    }
    const progress = taskProgress(record, 'inline')
    if (form['from'] === 'tasks') {
      return fragment(
        c,
        html`${progress}${hxPartial(list.partials.taskCounts, await list.partials.taskCounts.render(c))}`,
        202
      )
    }
    return fragment(c, progress, 202)
  }

  app.get('/tasks', list.handler)
  app.post('/tasks/export', async (c) => {
    const form = await c.req.parseBody()
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
      await c.req.parseBody(),
      (ready) => ready.recomputeCustomerTotals.enqueue(),
      'started a recompute of customer totals'
    )
  )
  app.get('/tasks/:id', load, detail.handler)

  app.get('/tasks/:id/progress', async (c) => {
    const id = c.req.param('id')
    const record = TASK_ID.test(id) ? await tasks().backend.getResult(id) : null
    if (getHtmx(c) === null) {
      return record === null
        ? refusal(c, layout, 404, 'There is no such task.')
        : c.redirect(taskUrl(id), 303)
    }
    if (record === null) {
      // the task was discarded or pruned while a page polled it: end that poll
      return TASK_ID.test(id)
        ? stopPolling(
            c,
            html`<div id="progress-${id}" class="task-progress"><p role="status">This task no longer exists.</p></div>`
          )
        : refusal(c, layout, 404, 'There is no such task.')
    }
    const view: ProgressView = c.req.query('view') === 'detail' ? 'detail' : 'inline'
    if (isLive(record)) {
      return fragment(c, taskProgress(record, view))
    }
    loaded.set(c, record)
    // A success is also announced in the layout's polite live region (#toasts, there from the
    // page's start, so screen readers read it; a role="status" element inserted with its text
    // often goes unread). A failure's role="alert" is announced as it is inserted.
    if (record.status === 'SUCCESSFUL') {
      addTrigger(c, 'toast', { message: finishedMessage(record), target: '#toasts' })
    }
    // finished: the final markup has no trigger (htmx 4), and 286 stops htmx 2; on the task's
    // page the details are refreshed too
    const rest =
      view === 'detail'
        ? hxPartial(detail.partials.taskDetail, await detail.partials.taskDetail.render(c))
        : ''
    const res = await stopPolling(c, html`${taskProgress(record, view)}${rest}`)
    res.headers.set('Cache-Control', 'no-store')
    return res
  })

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
    const before = loaded.get(c) as TaskRecord
    const refused = await perform(action, before)
    if (refused !== null) {
      return refusal(c, layout, 409, `${taskLabel(before.taskName)}: ${refused}`)
    }
    const form = await c.req.parseBody()
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
      return detail.respond(c, ['taskDetail'])
    }
    const row = after === null ? discardedRow(before) : taskRow(after, listState)
    const counts = await list.partials.taskCounts.render(c)
    return fragment(c, html`${row}${hxPartial(list.partials.taskCounts, counts)}`)
  })

  return { tasks, pages: { tasks: list, task: detail } }
}
