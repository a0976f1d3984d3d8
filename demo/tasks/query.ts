// The Tasks list's state in the query string (and in the action forms): a status and a page.
import type { TaskResultStatus } from '../../src/tasks/index.ts'
import { parsePage } from '../query.ts'

/** What a task id in a URL may be (the backends' ids are UUIDs); anything else is no task. */
export const TASK_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/

/** The four statuses, in the order the page shows them. */
export const TASK_STATUSES: readonly TaskResultStatus[] = [
  'READY',
  'RUNNING',
  'SUCCESSFUL',
  'FAILED',
]

/** The list's state: one status or all, and the page. */
export interface TaskListQuery {
  status: TaskResultStatus | null
  page: number
}

/**
 * Reads the list state; an unknown status means every status.
 *
 * @param query - `c.req.query()` or form fields
 * @example
 * parseTaskListQuery({ status: 'FAILED', page: '2' }) // { status: 'FAILED', page: 2 }
 */
export function parseTaskListQuery(query: Record<string, unknown>): TaskListQuery {
  const status = TASK_STATUSES.find((one) => one === query['status']) ?? null
  const page = typeof query['page'] === 'string' ? query['page'] : undefined
  return { status, page: parsePage(page) }
}

/**
 * The URL of a list state; defaults are left out.
 *
 * @param query - the state
 * @example
 * tasksUrl({ status: 'FAILED', page: 1 }) // '/tasks?status=FAILED'
 */
export function tasksUrl(query: TaskListQuery): string {
  const params = new URLSearchParams()
  if (query.status !== null) {
    params.set('status', query.status)
  }
  if (query.page > 1) {
    params.set('page', String(query.page))
  }
  const search = params.toString()
  return search === '' ? '/tasks' : `/tasks?${search}`
}
