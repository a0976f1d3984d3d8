// A task's own page: arguments, attempts, errors with their stacks, progress, timings, download.
import type { Context } from 'hono'
import { html } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { partial } from '../../src/partials/index.ts'
import type { NamedPartial } from '../../src/partials/index.ts'
import type { TaskRecord } from '../../src/tasks/index.ts'
import { page } from '../../src/views/index.ts'
import type { Layout } from '../../src/views/index.ts'
import { isLive, taskLabel, taskUrl } from '../tasks/progress.ts'
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
 * The details of one task, as the task page, its actions and its live stream render them.
 *
 * @param record - the task
 * @param progress - its rendered progress partial
 * @example
 * taskDetails(record, await progress.render(c))
 */
export function taskDetails(record: TaskRecord, progress: SafeHtml): SafeHtml {
  const label = taskLabel(record.taskName)
  return html`<h2 id="task-detail-heading">${label}</h2>
    ${progress}
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

/** What a task's page is built from. */
export interface TaskPageParts {
  /** The request's task (`null`: discarded or pruned while a stream followed it). */
  record: (c: Context) => TaskRecord | null
  /** The progress partial (demo/tasks/progress.ts). */
  progress: NamedPartial
  /** The hidden element that keeps the page live while the task can change (or nothing). */
  live: (c: Context) => SafeHtml
}

/**
 * Builds a task's page: its details, and beside them (`#task-live`, outside what the stream
 * renders) the element that keeps them live. An action on the page answers both.
 *
 * @param parts - the request's task, the progress partial, the live element
 * @param layout - the document layout
 * @example
 * const detail = taskPage({ record: (c) => loaded.get(c) ?? null, progress, live }, layout)
 */
export function taskPage(parts: TaskPageParts, layout: Layout) {
  const detail = partial(
    'taskDetail',
    async (c) => {
      const record = parts.record(c)
      return record === null
        ? html`<h2 id="task-detail-heading">Task</h2>
            <p role="status">This task no longer exists.</p>`
        : taskDetails(record, await parts.progress.render(c))
    },
    {
      tag: 'section',
      id: 'task-detail',
      attrs: { 'aria-labelledby': 'task-detail-heading', class: 'panel' },
    }
  )
  const live = partial('taskLive', (c) => parts.live(c), { id: 'task-live' })
  return page({
    title: (c: Context) => `Task ${(parts.record(c)?.id ?? '').slice(0, 8)}`,
    layout,
    partials: { taskDetail: detail, taskLive: live },
    render: (p) => html`<h1>Task</h1>
      <p><a href="/tasks">All tasks</a></p>
      ${p.taskDetail}${p.taskLive}`,
  })
}
