// The Tasks page (counts by status, the list by status with paging, actions per row) and a task's
// own page (arguments, attempts, errors with their stacks, progress, timings, the download).
import type { Context } from 'hono'
import { html, hx } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { partial } from '../../src/partials/index.ts'
import type { TaskCounts, TaskRecord } from '../../src/tasks/index.ts'
import { page } from '../../src/views/index.ts'
import type { Layout } from '../../src/views/index.ts'
import { pager } from '../components.ts'
import { PAGE_SIZE } from '../query.ts'
import { isLive, taskLabel, taskProgress, taskUrl } from '../tasks/progress.ts'
import { parseTaskListQuery, TASK_STATUSES, tasksUrl } from '../tasks/query.ts'
import type { TaskListQuery } from '../tasks/query.ts'
import type { DemoTasks } from '../tasks/setup.ts'
import { swapLink } from './swap-link.ts'

/** The actions a task page offers, each a POST to `/tasks/:id/<action>`. */
export const TASK_ACTIONS = ['retry', 'cancel', 'discard', 'run-now'] as const

/** One action. */
export type TaskAction = (typeof TASK_ACTIONS)[number]

const STATUS_LABELS: Readonly<Record<string, string>> = {
  READY: 'Ready',
  RUNNING: 'Running',
  SUCCESSFUL: 'Successful',
  FAILED: 'Failed',
}

const ACTION_LABELS: Readonly<Record<TaskAction, string>> = {
  retry: 'Retry',
  cancel: 'Cancel',
  discard: 'Discard',
  'run-now': 'Run now',
}

/**
 * The actions that make sense for a task in its status (the server checks again).
 *
 * @param record - the task
 * @example
 * actionsFor(failed) // ['retry', 'discard']
 */
export function actionsFor(record: TaskRecord): TaskAction[] {
  switch (record.status) {
    case 'READY':
      // a READY task waits only when deferred or backing off after an error
      return record.runAfter !== null || record.errors.length > 0
        ? ['run-now', 'cancel', 'discard']
        : ['cancel', 'discard']
    case 'RUNNING':
      return ['cancel']
    case 'SUCCESSFUL':
      return ['discard']
    case 'FAILED':
      return ['retry', 'discard']
  }
}

const time = (date: Date | null): SafeHtml | string =>
  date === null
    ? '—'
    : html`<time datetime="${date.toISOString()}">${date.toISOString().slice(0, 19).replace('T', ' ')}</time>`

function statusBadge(record: TaskRecord): SafeHtml {
  return html`<span class="status status-${record.status.toLowerCase()}">${STATUS_LABELS[record.status]}</span>`
}

/** Where an action came from: the list (its state is kept) or the task's page. */
export type ActionOrigin = { from: 'list'; list: TaskListQuery } | { from: 'detail' }

function actionForms(record: TaskRecord, origin: ActionOrigin): SafeHtml {
  const target =
    origin.from === 'list'
      ? { target: `#task-${record.id}`, swap: 'outerHTML' as const }
      : { target: '#task-detail', swap: 'outerHTML' as const }
  const state =
    origin.from === 'list'
      ? html`<input type="hidden" name="status" value="${origin.list.status ?? ''}" />
          <input type="hidden" name="page" value="${origin.list.page}" />`
      : ''
  return html`${actionsFor(record).map((action) => {
    const url = `${taskUrl(record.id)}/${action}`
    const confirm =
      action === 'discard' ? { confirm: 'Discard this task? This cannot be undone.' } : {}
    return html`<form class="task-action" method="post" action="${url}" ${hx({ post: url, ...target, ...confirm })}>
      <input type="hidden" name="from" value="${origin.from}" />${state}
      <button type="submit" aria-label="${ACTION_LABELS[action]} ${taskLabel(record.taskName)} ${record.id.slice(0, 8)}">
        ${ACTION_LABELS[action]}
      </button>
    </form>`
  })}`
}

/**
 * One row of the list, with its id so an action can replace it.
 *
 * @param record - the task
 * @param list - the list state the row's actions keep
 * @example
 * taskRow(record, { status: null, page: 1 })
 */
export function taskRow(record: TaskRecord, list: TaskListQuery): SafeHtml {
  const attempts = `${String(record.workerIds.length)} of ${String(record.maxAttempts)}`
  return html`<tr id="task-${record.id}">
    <td><a href="${taskUrl(record.id)}">${taskLabel(record.taskName)}</a> <code>${record.id.slice(0, 8)}</code></td>
    <td>${record.queueName}</td>
    <td>${statusBadge(record)}</td>
    <td>
      ${
        record.status === 'RUNNING' && record.progress !== null
          ? html`<progress max="1" value="${record.progress.fraction}">${Math.round(record.progress.fraction * 100)}%</progress>`
          : ''
      }
    </td>
    <td class="num">${attempts}</td>
    <td>${time(record.enqueuedAt)}</td>
    <td class="task-actions">${actionForms(record, { from: 'list', list })}</td>
  </tr>`
}

/**
 * The row that replaces a discarded task.
 *
 * @param record - the task as it was
 * @example
 * discardedRow(record)
 */
export function discardedRow(record: TaskRecord): SafeHtml {
  return html`<tr id="task-${record.id}" class="task-discarded">
    <td colspan="7">${taskLabel(record.taskName)} <code>${record.id.slice(0, 8)}</code> discarded.</td>
  </tr>`
}

function countCards(counts: TaskCounts): SafeHtml {
  const total = TASK_STATUSES.reduce((sum, status) => sum + counts[status], 0)
  return html`<h2 id="task-counts-heading" class="visually-hidden">Tasks by status</h2>
    <dl class="stat-grid">
      ${TASK_STATUSES.map(
        (status) => html`<div class="stat-card">
          <dt>${STATUS_LABELS[status]}</dt>
          <dd data-status="${status}">${counts[status]}</dd>
        </div>`
      )}
      <div class="stat-card">
        <dt>All</dt>
        <dd data-status="ALL">${total}</dd>
      </div>
    </dl>`
}

function statusTabs(query: TaskListQuery, enhance: (href: string) => SafeHtml): SafeHtml {
  const tabs = [null, ...TASK_STATUSES]
  return html`<nav aria-label="Task status" class="task-tabs">
    <ul>
      ${tabs.map((status) => {
        const href = tasksUrl({ status, page: 1 })
        const current = status === query.status ? html` aria-current="page"` : ''
        return html`<li><a href="${href}" ${enhance(href)}${current}>${status === null ? 'All' : STATUS_LABELS[status]}</a></li>`
      })}
    </ul>
  </nav>`
}

async function taskList(
  tasks: DemoTasks,
  c: Context,
  enhance: (href: string) => SafeHtml
): Promise<SafeHtml> {
  const asked = parseTaskListQuery(c.req.query())
  const counts = await tasks.admin.counts()
  const total =
    asked.status === null
      ? TASK_STATUSES.reduce((sum, s) => sum + counts[s], 0)
      : counts[asked.status]
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
  const query = { ...asked, page: Math.min(asked.page, pageCount) }
  const records = await tasks.admin.list({
    status: query.status,
    limit: PAGE_SIZE,
    offset: (query.page - 1) * PAGE_SIZE,
  })
  const heading = query.status === null ? 'All tasks' : `${STATUS_LABELS[query.status] ?? ''} tasks`
  return html`<h2 id="task-list-heading">${heading}</h2>
    ${statusTabs(query, enhance)}
    ${
      records.length === 0
        ? html`<p>No tasks here.</p>`
        : html`<table class="data-table">
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">Queue</th>
              <th scope="col">Status</th>
              <th scope="col">Progress</th>
              <th scope="col" class="num">Attempts</th>
              <th scope="col">Enqueued (UTC)</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            ${records.map((record) => taskRow(record, query))}
          </tbody>
        </table>`
    }
    ${pager({
      label: 'Task pages',
      page: query.page,
      pageCount,
      url: (n) => tasksUrl({ ...query, page: n }),
      enhance,
    })}`
}

function startForms(): SafeHtml {
  return html`<form class="task-start" method="post" action="/tasks/recompute" ${hx({ post: '/tasks/recompute', target: '#task-started' })}>
      <input type="hidden" name="from" value="tasks" />
      <button type="submit">Recompute customer totals</button>
    </form>
    <p>Start an orders export from the <a href="/">orders table</a>.</p>
    <div id="task-started"></div>`
}

/**
 * Builds the Tasks page: the counts and the list are partials (the list's status and page live in
 * the URL, so Back and reload work).
 *
 * @param tasks - the app's tasks
 * @param layout - the document layout
 * @example
 * app.get('/tasks', tasksPage(tasks, layout).handler)
 */
export function tasksPage(tasks: () => DemoTasks, layout: Layout) {
  const counts = partial('taskCounts', async () => countCards(await tasks().admin.counts()), {
    tag: 'section',
    id: 'task-counts',
    attrs: { 'aria-labelledby': 'task-counts-heading' },
  })
  const list = partial('taskList', (c, self) => taskList(tasks(), c, swapLink(self)), {
    tag: 'section',
    id: 'task-list',
    attrs: { 'aria-labelledby': 'task-list-heading', class: 'panel' },
  })
  return page({
    title: 'Tasks',
    layout,
    partials: { taskCounts: counts, taskList: list },
    render: (p) => html`<h1>Tasks</h1>
      ${p.taskCounts}
      <section class="panel" aria-labelledby="task-start-heading">
        <h2 id="task-start-heading">Start a task</h2>
        ${startForms()}
      </section>
      ${p.taskList}`,
  })
}

function pre(value: unknown): SafeHtml {
  return html`<pre><code>${JSON.stringify(value, null, 2)}</code></pre>`
}

function errorList(record: TaskRecord): SafeHtml {
  if (record.errors.length === 0) {
    return html`<p>No errors.</p>`
  }
  return html`<ol class="task-errors">
    ${record.errors.map(
      (error) => html`<li>
        <details>
          <summary>Attempt ${error.attempt}: <code>${error.exceptionClassPath}</code> ${error.message}</summary>
          <pre><code>${error.traceback}</code></pre>
        </details>
      </li>`
    )}
  </ol>`
}

/**
 * The details of one task, as the task page and its actions render them.
 *
 * @param record - the task
 * @example
 * taskDetails(record)
 */
export function taskDetails(record: TaskRecord): SafeHtml {
  const label = taskLabel(record.taskName)
  return html`<h2 id="task-detail-heading">${label}</h2>
    ${taskProgress(record, 'detail')}
    ${
      isLive(record)
        ? html`<p class="task-refresh"><a href="${taskUrl(record.id)}">Refresh</a> to see the latest state.</p>`
        : ''
    }
    <dl class="task-facts">
      <dt>Id</dt><dd><code>${record.id}</code></dd>
      <dt>Status</dt><dd>${statusBadge(record)}</dd>
      <dt>Queue</dt><dd>${record.queueName}</dd>
      <dt>Priority</dt><dd>${record.priority}</dd>
      <dt>Attempts</dt><dd>${record.workerIds.length} of ${record.maxAttempts}</dd>
      <dt>Workers</dt><dd>${record.workerIds.length === 0 ? '—' : record.workerIds.join(', ')}</dd>
      <dt>Enqueued</dt><dd>${time(record.enqueuedAt)}</dd>
      <dt>Run after</dt><dd>${time(record.runAfter)}</dd>
      <dt>Started</dt><dd>${time(record.startedAt)}</dd>
      <dt>Last attempt</dt><dd>${time(record.lastAttemptedAt)}</dd>
      <dt>Finished</dt><dd>${time(record.finishedAt)}</dd>
    </dl>
    <h3>Arguments</h3>
    ${pre(record.args)}
    ${record.status === 'SUCCESSFUL' ? html`<h3>Result</h3>${pre(record.returnValue ?? null)}` : ''}
    <h3>Errors</h3>
    ${errorList(record)}
    <div class="task-actions">${actionForms(record, { from: 'detail' })}</div>`
}

/**
 * Builds a task's page; `record(c)` is the task the route loaded.
 *
 * @param record - the loaded task of this request
 * @param layout - the document layout
 * @example
 * const detail = taskPage((c) => loaded.get(c) as TaskRecord, layout)
 */
export function taskPage(record: (c: Context) => TaskRecord, layout: Layout) {
  const detail = partial('taskDetail', (c) => taskDetails(record(c)), {
    tag: 'section',
    id: 'task-detail',
    attrs: { 'aria-labelledby': 'task-detail-heading', class: 'panel' },
  })
  return page({
    title: (c: Context) => `Task ${record(c).id.slice(0, 8)}`,
    layout,
    partials: { taskDetail: detail },
    render: (p) => html`<h1>Task</h1>
      <p><a href="/tasks">All tasks</a></p>
      ${p.taskDetail}`,
  })
}
