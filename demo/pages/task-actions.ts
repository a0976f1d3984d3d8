// What the Tasks list and a task's page share: status badges, times, and the action forms a task's
// status allows.
import { html, hx } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import type { TaskRecord } from '../../src/tasks/index.ts'
import { taskLabel, taskUrl } from '../tasks/progress.ts'
import type { TaskListQuery } from '../tasks/query.ts'

/** The actions a task page offers, each a POST to `/tasks/:id/<action>`. */
export const TASK_ACTIONS = ['retry', 'cancel', 'discard', 'run-now'] as const

/** One action. */
export type TaskAction = (typeof TASK_ACTIONS)[number]

/** The statuses' names for people. */
export const STATUS_LABELS: Readonly<Record<string, string>> = {
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

/** A timestamp as `<time>` (UTC), or a dash. */
export const formatTime = (date: Date | null): SafeHtml | string =>
  date === null
    ? '—'
    : html`<time datetime="${date.toISOString()}">${date.toISOString().slice(0, 19).replace('T', ' ')}</time>`

/** A task's status as a badge. */
export function statusBadge(record: TaskRecord): SafeHtml {
  return html`<span class="status status-${record.status.toLowerCase()}">${STATUS_LABELS[record.status]}</span>`
}

/** Where an action came from: the list (its state is kept) or the task's page. */
export type ActionOrigin = { from: 'list'; list: TaskListQuery } | { from: 'detail' }

/** The action forms a task's status allows (POST; htmx replaces the row or the task's details). */
export function actionForms(record: TaskRecord, origin: ActionOrigin): SafeHtml {
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
