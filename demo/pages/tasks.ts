// The Tasks page: counts by status, the list by status with paging, actions per row, and the
// buttons that start a task.
import type { Context } from 'hono'
import { html, hx } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { partial } from '../../src/partials/index.ts'
import type { NamedPartial } from '../../src/partials/index.ts'
import type { TaskCounts, TaskRecord } from '../../src/tasks/index.ts'
import { page } from '../../src/views/index.ts'
import type { Layout } from '../../src/views/index.ts'
import { pager } from '../components.ts'
import { PAGE_SIZE } from '../query.ts'
import { taskLabel, taskUrl } from '../tasks/progress.ts'
import { parseTaskListQuery, TASK_STATUSES, tasksUrl } from '../tasks/query.ts'
import type { TaskListQuery } from '../tasks/query.ts'
import type { DemoTasks } from '../tasks/setup.ts'
import { swapLink } from './swap-link.ts'
import { actionForms, formatTime, STATUS_LABELS, statusBadge } from './task-actions.ts'

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
    <td>${formatTime(record.enqueuedAt)}</td>
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

/** The list's state for this request, its page clamped to the pages there are. */
async function listState(
  tasks: DemoTasks,
  c: Context
): Promise<{ query: TaskListQuery; pageCount: number }> {
  const asked = parseTaskListQuery(c.req.query())
  const counts = await tasks.admin.counts()
  const total =
    asked.status === null
      ? TASK_STATUSES.reduce((sum, s) => sum + counts[s], 0)
      : counts[asked.status]
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
  return { query: { ...asked, page: Math.min(asked.page, pageCount) }, pageCount }
}

async function taskTable(
  tasks: DemoTasks,
  c: Context,
  enhance: (href: string) => SafeHtml
): Promise<SafeHtml> {
  const { query, pageCount } = await listState(tasks, c)
  const records = await tasks.admin.list({
    status: query.status,
    limit: PAGE_SIZE,
    offset: (query.page - 1) * PAGE_SIZE,
  })
  return html`${
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
 * The hidden element that keeps the Tasks page's counts and table live, for the list state it
 * shows (the stream renders the table with that state).
 */
export type TasksLiveElement = (c: Context, query: TaskListQuery) => SafeHtml

/**
 * Builds the Tasks page: the counts and the list are partials (the list's status and page live in
 * the URL, so Back and reload work). Inside the list, the table is a partial of its own: the live
 * stream renders it and the counts, and the element that opens the stream sits beside it, so a
 * status tab (which swaps the list) opens a stream for the new state.
 *
 * @param tasks - the app's tasks
 * @param layout - the document layout
 * @param [live] - the element that keeps the page live (none by default)
 * @example
 * app.get('/tasks', tasksPage(tasks, layout).handler)
 */
export function tasksPage(tasks: () => DemoTasks, layout: Layout, live?: TasksLiveElement) {
  const counts = partial('taskCounts', async () => countCards(await tasks().admin.counts()), {
    tag: 'section',
    id: 'task-counts',
    attrs: { 'aria-labelledby': 'task-counts-heading' },
  })
  // the links inside the table (the pager) swap the whole list, as the tabs do
  const table: NamedPartial<'taskTable'> = partial(
    'taskTable',
    (c) => taskTable(tasks(), c, swapLink(list)),
    {
      id: 'task-table',
    }
  )
  const list: NamedPartial<'taskList'> = partial(
    'taskList',
    async (c, self) => {
      const { query } = await listState(tasks(), c)
      const heading =
        query.status === null ? 'All tasks' : `${STATUS_LABELS[query.status] ?? ''} tasks`
      return html`<h2 id="task-list-heading">${heading}</h2>
        ${statusTabs(query, swapLink(self))}
        ${await table.render(c)}
        ${live?.(c, query) ?? ''}`
    },
    {
      tag: 'section',
      id: 'task-list',
      attrs: { 'aria-labelledby': 'task-list-heading', class: 'panel' },
    }
  )
  const view = page({
    title: 'Tasks',
    layout,
    partials: { taskCounts: counts, taskList: list },
    render: (p) => html`<h1>Tasks</h1>
      ${p.taskCounts}
      <section class="panel task-start-panel" aria-labelledby="task-start-heading">
        <h2 id="task-start-heading">Start a task</h2>
        ${startForms()}
      </section>
      ${p.taskList}`,
  })
  // the table renders inside the list (not as a page part of its own, which would load it twice)
  return { ...view, table }
}
