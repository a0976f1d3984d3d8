// A task's own page: arguments, attempts, errors with their stacks, progress, timings, download.
import type { Context } from 'hono'
import { html } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { partial } from '../../src/partials/index.ts'
import type { TaskRecord } from '../../src/tasks/index.ts'
import { page } from '../../src/views/index.ts'
import type { Layout } from '../../src/views/index.ts'
import { isLive, taskLabel, taskProgress, taskUrl } from '../tasks/progress.ts'
import { actionForms, formatTime, statusBadge } from './task-actions.ts'

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
      <dt>Enqueued</dt><dd>${formatTime(record.enqueuedAt)}</dd>
      <dt>Run after</dt><dd>${formatTime(record.runAfter)}</dd>
      <dt>Started</dt><dd>${formatTime(record.startedAt)}</dd>
      <dt>Last attempt</dt><dd>${formatTime(record.lastAttemptedAt)}</dd>
      <dt>Finished</dt><dd>${formatTime(record.finishedAt)}</dd>
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
