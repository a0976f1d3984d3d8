import type { JsonValue, TaskError, TaskProgress, TaskRecord } from '../tasks/index.ts'

/** A BullMQ job hash as HGETALL gives it: field → string. */
export type JobHash = Readonly<Record<string, string>>

/** What hxkit keeps in a job's `data`. */
export interface JobData {
  readonly args: JsonValue[]
  readonly maxAttempts: number
  readonly key: string | null
  readonly runAfter?: number | null
}

/** The job's state, as FIND reports it. */
export type JobState = 'ready' | 'active' | 'completed' | 'failed'

const STATUS = {
  ready: 'READY',
  active: 'RUNNING',
  completed: 'SUCCESSFUL',
  failed: 'FAILED',
} as const

/** hxkit's −100..100 (larger first) as BullMQ's priority (lower first, 0 before all): 1..201. */
export const toBullPriority = (priority: number): number => 101 - priority

/** HGETALL's flat [field, value, …] reply as an object. */
export function toHash(reply: readonly string[]): JobHash {
  const hash: Record<string, string> = {}
  for (let i = 0; i < reply.length; i += 2) {
    hash[reply[i] as string] = reply[i + 1] as string
  }
  return hash
}

const number = (value: string | undefined): number => (value === undefined ? 0 : Number(value))
const date = (value: string | undefined): Date | null =>
  value === undefined || value === '' ? null : new Date(Number(value))

export function jobData(hash: JobHash): JobData {
  return JSON.parse(hash['data'] ?? '{}') as JobData
}

/**
 * The errors of a job: the ones hxkit wrote (hxe), then one `LeaseExpired` per stall BullMQ's
 * checker counted (stc) since (hxst); with `failedForGood`, the last stall is the one past the
 * limit and is a `TaskStalled`, as on SQLite.
 */
export function jobErrors(hash: JobHash, state: JobState, failedForGood = false): TaskError[] {
  const errors = JSON.parse(hash['hxe'] ?? '[]') as TaskError[]
  const unseen = number(hash['stc']) - number(hash['hxst'])
  // a RUNNING job's latest start is the live attempt; the stalled ones came before it
  const last = number(hash['ats']) - (state === 'active' ? 1 : 0)
  for (let i = unseen - 1; i >= 0; i--) {
    const stalled = failedForGood && i === 0
    errors.push({
      exceptionClassPath: stalled ? 'TaskStalled' : 'LeaseExpired',
      message: stalled
        ? `The worker stopped renewing its lock (lock expiry ${hash['stc'] ?? '0'} of this task, more than maxStalledCount allows): it failed for good.`
        : 'The worker stopped renewing its lock (it crashed, hung or lost Redis).',
      traceback: stalled ? 'TaskStalled: the lock expired' : 'LeaseExpired: the lock expired',
      attempt: Math.max(1, last - i),
    })
  }
  return errors
}

/** Attempts in all: the base (hxm) plus one per stall, which does not spend one. */
export const jobMaxAttempts = (hash: JobHash): number =>
  (hash['hxm'] === undefined ? jobData(hash).maxAttempts : Number(hash['hxm'])) +
  number(hash['stc'])

function progressOf(hash: JobHash): TaskProgress | null {
  const parsed: unknown = JSON.parse(hash['progress'] ?? 'null')
  return typeof parsed === 'object' && parsed !== null ? (parsed as TaskProgress) : null
}

/** A job scheduler's run: its idempotency key is `<schedule>@<ISO due time>`, as on SQLite. */
function scheduledKey(id: string, hash: JobHash): string | null {
  const scheduler = hash['rjk']
  const due = /:(\d+)$/.exec(id)?.[1]
  return scheduler === undefined || due === undefined
    ? null
    : `${scheduler}@${new Date(Number(due)).toISOString()}`
}

/** The `TaskRecord` of a job hash in `queueName`. */
/** Whether BullMQ failed the job for stalling more than `maxStalledCount` allows. */
export const stalledForGood = (hash: JobHash): boolean =>
  hash['defa'] !== undefined || hash['failedReason'] === 'job stalled more than allowable limit'

export function toRecord(
  id: string,
  queueName: string,
  state: JobState,
  hash: JobHash
): TaskRecord {
  const data = jobData(hash)
  const stalled = state === 'failed' && stalledForGood(hash)
  const finished = state === 'completed' || state === 'failed'
  return {
    id,
    taskName: hash['name'] ?? '',
    queueName,
    priority:
      hash['priority'] === undefined || hash['priority'] === '0'
        ? 0
        : 101 - Number(hash['priority']),
    status: STATUS[state],
    args: data.args,
    enqueuedAt: new Date(number(hash['timestamp'])),
    runAfter:
      data.runAfter === undefined || data.runAfter === null ? null : new Date(data.runAfter),
    startedAt: date(hash['hxs']),
    lastAttemptedAt: date(hash['processedOn']),
    finishedAt: finished ? date(hash['finishedOn']) : null,
    workerIds: JSON.parse(hash['hxw'] ?? '[]') as string[],
    errors: jobErrors(hash, state, stalled),
    returnValue:
      state === 'completed' ? (JSON.parse(hash['returnvalue'] ?? 'null') as JsonValue) : undefined,
    progress: progressOf(hash),
    // the stall past the limit gives no attempt back, as on SQLite
    maxAttempts: jobMaxAttempts(hash) - (stalled ? 1 : 0),
    idempotencyKey: data.key ?? scheduledKey(id, hash),
  }
}
