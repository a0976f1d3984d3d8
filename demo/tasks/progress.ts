// The progress partial: a task's progress while it waits or runs, and how it ended. Live pages keep
// it fresh (demo/tasks/live.ts: a stream on htmx 4, polling on htmx 2); the markup itself carries
// no trigger.
import type { Context } from 'hono'
import { html } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { partial } from '../../src/partials/index.ts'
import type { NamedPartial } from '../../src/partials/index.ts'
import type { TaskRecord } from '../../src/tasks/index.ts'
import { exportOrders, recomputeCustomerTotals, shipOrders } from './definitions.ts'

const LABELS: Readonly<Record<string, string>> = {
  [exportOrders.name]: 'Orders CSV export',
  [recomputeCustomerTotals.name]: 'Customer totals recompute',
  [shipOrders.name]: 'Bulk shipping of orders',
  'demo.pruneFinishedTasks': 'Prune of finished tasks',
}

const count = new Intl.NumberFormat('en-GB')

/**
 * A task's name for people.
 *
 * @param taskName - the stored task name
 * @example
 * taskLabel('demo.exportOrders') // 'Orders CSV export'
 */
export function taskLabel(taskName: string): string {
  return LABELS[taskName] ?? taskName
}

/**
 * The URL of a task's page.
 *
 * @param id - the task id
 * @example
 * taskUrl(result.id) // '/tasks/…'
 */
export function taskUrl(id: string): string {
  return `/tasks/${encodeURIComponent(id)}`
}

/** Whether the task can still change (so its progress keeps polling). */
export function isLive(record: TaskRecord): boolean {
  return record.status === 'READY' || record.status === 'RUNNING'
}

/** Whether the task is an export whose file can be downloaded. */
export function isDownloadable(record: TaskRecord): boolean {
  return record.taskName === exportOrders.name && record.status === 'SUCCESSFUL'
}

function returned(record: TaskRecord): Record<string, unknown> {
  const value = record.returnValue
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}
}

/**
 * The download link of a finished export (its file name from the task's return value).
 *
 * @param record - a SUCCESSFUL export
 * @example
 * downloadLink(record)
 */
export function downloadLink(record: TaskRecord): SafeHtml {
  const name = returned(record)['filename']
  return html`<a href="${taskUrl(record.id)}/download" download>
    Download ${typeof name === 'string' ? name : 'the CSV file'}
  </a>`
}

/**
 * How a finished task ended, in one sentence (for the progress partial and the announcement).
 *
 * @param record - a SUCCESSFUL task
 * @example
 * finishedMessage(record) // 'Orders CSV export finished (5,400 orders).'
 */
export function finishedMessage(record: TaskRecord): string {
  const value = returned(record)
  const rows = value['rows'] ?? value['customers']
  const what =
    typeof rows === 'number'
      ? ` (${count.format(rows)} ${'rows' in value ? 'orders' : 'customers'})`
      : ''
  return `${taskLabel(record.taskName)} finished${what}.`
}

function outcome(record: TaskRecord): SafeHtml {
  const label = taskLabel(record.taskName)
  if (record.status === 'FAILED') {
    const error = record.errors.at(-1)
    const cancelled = error?.exceptionClassPath === 'TaskCancelled'
    return html`<p role="alert" class="task-outcome task-failed">
      ${label} ${cancelled ? 'was cancelled' : `failed: ${error?.message ?? 'unknown error'}`}.
      <a href="${taskUrl(record.id)}">Details</a>
    </p>`
  }
  return html`<p role="status" class="task-outcome task-done">
    ${finishedMessage(record)} ${isDownloadable(record) ? downloadLink(record) : ''}
  </p>`
}

function running(record: TaskRecord): SafeHtml {
  if (record.status === 'READY') {
    return html`<span class="status status-ready">Waiting for a worker</span>`
  }
  const message = record.progress?.message ?? ''
  return html`<span class="status status-running">Running</span>
    ${message === '' ? '' : html`<span class="task-progress-message">${message}</span>`}`
}

/**
 * A task's progress: while it is READY or RUNNING, its state and progress bar; once finished, how
 * it ended (`role="status"`, or `role="alert"` on failure) with the download link of an export.
 *
 * @param record - the task
 * @example
 * html`<div id="export-status">${taskProgress(result.toJSON())}</div>`
 */
export function taskProgress(record: TaskRecord): SafeHtml {
  const id = `progress-${record.id}`
  const label = taskLabel(record.taskName)
  const fraction = record.progress?.fraction ?? (record.status === 'SUCCESSFUL' ? 1 : null)
  const bar =
    fraction === null
      ? html`<progress max="1" aria-label="${label} progress"></progress>`
      : html`<progress max="1" value="${fraction}" aria-label="${label} progress">
          ${Math.round(fraction * 100)}%
        </progress>`
  if (!isLive(record)) {
    return html`<div id="${id}" class="task-progress">${outcome(record)}${bar}</div>`
  }
  return html`<div id="${id}" class="task-progress">
    <p><a href="${taskUrl(record.id)}">${label}</a> ${running(record)}</p>
    ${bar}
  </div>`
}

/**
 * The progress partial (`#task-progress`): the page, the task's live stream and its polling
 * answer all render it with this loader. `record(c)` is the task of the request (`null`: it was
 * discarded or pruned).
 *
 * @param record - the request's task
 * @example
 * const progress = progressPartial((c) => loaded.get(c) ?? null)
 */
export function progressPartial(
  record: (c: Context) => TaskRecord | null
): NamedPartial<'taskProgress'> {
  return partial(
    'taskProgress',
    (c) => {
      const found = record(c)
      if (found !== null) {
        return taskProgress(found)
      }
      return html`<div id="progress-${c.req.param('id') ?? ''}" class="task-progress">
        <p role="status">This task no longer exists.</p>
      </div>`
    },
    { id: 'task-progress' }
  )
}
