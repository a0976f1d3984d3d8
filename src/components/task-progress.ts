import { html, hx } from '../html/index.ts'
import type { SafeHtml } from '../html/index.ts'
import type { TaskProgress, TaskResultStatus } from '../tasks/index.ts'

/** What `taskProgress()` takes: a task's status and progress (a `TaskResult` has both). */
export interface TaskProgressProps {
  readonly id: string
  readonly label: string
  readonly status: TaskResultStatus
  readonly progress?: TaskProgress | null | undefined
  /** The URL answering this component again while the task runs (polled every `every`). */
  readonly poll: string
  /** @default '1s' */
  readonly every?: string | undefined
  /** Shown when the task is done or failed, e.g. a link to the result. */
  readonly done?: SafeHtml | string | undefined
}

const pct = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 })

/**
 * A background task's progress: a `<progress>` (attributes only, no `style=`) and a polite status
 * line, polled while the task is READY or RUNNING (`hx-trigger="every 1s"`, `outerHTML`); the
 * answer for a finished task has no trigger, which ends the polling in htmx 4 and 2 alike (no
 * 286). Without JavaScript, a Refresh link reloads the page.
 *
 * @param props - id, label, status, progress, poll URL
 * @see docs/components.md
 * @example
 * taskProgress({ id: 'ship-7', label: 'Marking orders shipped', status: result.status,
 *   progress: result.progress, poll: `/tasks/${result.id}/progress` })
 */
export function taskProgress(props: TaskProgressProps): SafeHtml {
  const running = props.status === 'READY' || props.status === 'RUNNING'
  const fraction =
    props.status === 'SUCCESSFUL' ? 1 : Math.min(1, Math.max(0, props.progress?.fraction ?? 0))
  const word =
    props.status === 'READY'
      ? 'Waiting to start'
      : props.status === 'RUNNING'
        ? `${pct.format(fraction)}${props.progress?.message ? ` — ${props.progress.message}` : ''}`
        : props.status === 'SUCCESSFUL'
          ? 'Done'
          : 'Failed'
  const poll = running
    ? hx({ get: props.poll, trigger: `every ${props.every ?? '1s'}`, swap: 'outerHTML' })
    : ''
  const value = String(Math.round(fraction * 100))
  const tail = running ? html`<a href="">Refresh</a>` : (props.done ?? '')
  return html`<div class="hx-task hx-task--${props.status.toLowerCase()}" id="${props.id}"${poll}><p id="${props.id}-label">${props.label}</p><progress max="100" value="${value}" aria-labelledby="${props.id}-label"></progress><p role="status">${word}</p>${tail}</div>`
}
