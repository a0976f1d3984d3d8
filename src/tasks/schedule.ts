import { Cron } from 'croner'
import { checkKeys } from '../internal/options.ts'
import type { EnqueueRequest } from './backend.ts'
import { checkJson } from './json.ts'
import type { JsonValue } from './json.ts'
import type { Task } from './task.ts'

// Due times come from croner; storing them, and deciding who enqueues, is the backend's
// (`runSchedules`), so that several workers on one database enqueue each due time once.

/** Options of `schedule()`. */
export interface ScheduleOptions {
  /** The stored name, unique among the worker's schedules @default the task's name */
  name?: string | undefined
  /** The arguments of every run, given once (JSON rule) @default [] */
  args?: readonly JsonValue[] | undefined
  /** An IANA time zone the expression is read in @default 'UTC' */
  timezone?: string | undefined
}

/**
 * A recurring schedule: a task, a cron expression and the arguments of every run. The worker
 * that is given it (`worker({ schedules })`) enqueues the task at each due time.
 * @see docs/tasks.md
 * @example
 * const nightly: TaskSchedule = schedule(cleanup, '0 3 * * *')
 */
export interface TaskSchedule {
  readonly name: string
  readonly cron: string
  readonly timezone: string
  readonly args: readonly JsonValue[]
  readonly task: Task<never[], unknown>
  /** The first due time strictly after `after`, or `null` when there is none (past a year's end). */
  next(after: Date): Date | null
  /** The request a backend stores for the run due at `due` (key `<name>@<ISO due time>`). */
  request(due: Date): EnqueueRequest
}

const KNOWN = ['name', 'args', 'timezone']

/**
 * Defines a recurring schedule (Celery beat's `crontab()` entry) for `worker({ schedules })`.
 * A bad expression, time zone, name or argument throws a TypeError here. Five fields (minute
 * hour day month weekday) or six (seconds first); each due time is enqueued once however many
 * workers run the schedule, and runs missed while no worker ran collapse into one.
 * @param task a task from `task()`
 * @param cron a cron expression, e.g. `'0 3 * * *'` (03:00 daily) or `'*\/15 * * * *'`
 * @param [options={}] see `ScheduleOptions`
 * @see docs/tasks.md
 * @example
 * const report = task(async (to: string) => { await mail(to) }, { name: 'report', backend })
 * worker({ backend, schedules: [schedule(report, '0 8 * * 1', { args: ['ops@example.com'] })] })
 */
export function schedule<A extends unknown[]>(
  task: Task<A, unknown>,
  cron: string,
  options: ScheduleOptions = {}
): TaskSchedule {
  const caller = 'schedule()'
  if (typeof task !== 'object' || typeof task.enqueue !== 'function') {
    throw new TypeError(`${caller}: the first argument must be a task from task().`)
  }
  checkKeys(caller, options, KNOWN)
  if (typeof cron !== 'string' || cron.trim() === '') {
    throw new TypeError(`${caller}: the cron expression must be a non-empty string.`)
  }
  const timezone = options.timezone ?? 'UTC'
  if (typeof timezone !== 'string' || timezone === '') {
    throw new TypeError(`${caller}: "timezone" must be an IANA time zone name.`)
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone })
  } catch {
    throw new TypeError(`${caller}: "timezone": unknown time zone "${timezone}".`)
  }
  let parsed: Cron
  try {
    parsed = new Cron(cron, { paused: true, timezone })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new TypeError(`${caller}: bad cron expression "${cron}": ${reason}`)
  }
  if (parsed.nextRun(new Date()) === null) {
    throw new TypeError(`${caller}: the cron expression "${cron}" is never due.`)
  }
  const name = options.name ?? task.name
  if (typeof name !== 'string' || !/^[\w.:/-]{1,200}$/.test(name)) {
    throw new TypeError(`${caller}: "name" must be 1–200 letters, digits or _ . : / -.`)
  }
  const given = options.args ?? []
  if (!Array.isArray(given)) {
    throw new TypeError(`${caller}: "args" must be an array.`)
  }
  given.forEach((arg: unknown, index) => {
    checkJson(caller, `args[${String(index)}]`, arg)
  })
  const args = Object.freeze(JSON.parse(JSON.stringify(given)) as JsonValue[])
  return {
    name,
    cron,
    timezone,
    args,
    task: task as unknown as Task<never[], unknown>,
    next: (after) => parsed.nextRun(after),
    request: (due) => ({
      taskName: task.name,
      queueName: task.queueName,
      priority: task.priority,
      args,
      runAfter: null,
      maxAttempts: task.maxAttempts,
      idempotencyKey: `${name}@${due.toISOString()}`,
    }),
  }
}

/** The earliest next due time of `schedules` after `after`, in ms (Infinity when none). */
export function nextDue(schedules: readonly TaskSchedule[], after: Date): number {
  let soonest = Infinity
  for (const entry of schedules) {
    const next = entry.next(after)?.getTime() ?? Infinity
    soonest = Math.min(soonest, next)
  }
  return soonest
}

/** Where a backend keeps each schedule's next due time, for `runDueSchedules()`. */
export interface ScheduleStore {
  get(name: string): { spec: string; nextRunAt: number } | undefined
  /** Sets the row (new schedule, or its expression or time zone changed). */
  reset(name: string, spec: string, nextRunAt: number): void
  /** Moves `nextRunAt` from `from` to `to`; `false` when another claimant moved it first. */
  advance(name: string, from: number, to: number): boolean
  enqueue(request: EnqueueRequest): void
}

/**
 * The one scheduling rule of every backend: a schedule seen for the first time (or with a new
 * expression) is due at its next time after `now`, nothing is enqueued for the past; a due one
 * is advanced to its next time after `now` (so runs missed during downtime collapse into one)
 * and enqueued only by the claimant whose fenced advance won. Returns how many were enqueued.
 */
export function runDueSchedules(
  schedules: readonly TaskSchedule[],
  now: Date,
  store: ScheduleStore
): number {
  let enqueued = 0
  for (const entry of schedules) {
    const spec = JSON.stringify([entry.cron, entry.timezone])
    const next = entry.next(now)?.getTime() ?? Number.MAX_SAFE_INTEGER
    const row = store.get(entry.name)
    if (row?.spec !== spec) {
      store.reset(entry.name, spec, next)
    } else if (row.nextRunAt <= now.getTime() && store.advance(entry.name, row.nextRunAt, next)) {
      store.enqueue(entry.request(new Date(row.nextRunAt)))
      enqueued++
    }
  }
  return enqueued
}
