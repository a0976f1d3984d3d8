import { Job, Queue, Worker } from 'bullmq'
import type { IQueueBackend } from 'bullmq'
import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { checkKeys } from '../internal/options.ts'
import type {
  TaskClaim,
  TaskCounts,
  TaskError,
  TaskListOptions,
  TaskRecord,
  TaskSchedule,
  WorkerBackend,
} from '../tasks/index.ts'
import { asUnavailable, openClient, whenReady } from './connection.ts'
import { jobErrors, jobMaxAttempts, toBullPriority, toHash, toRecord } from './record.ts'
import type { JobData, JobHash, JobState } from './record.ts'
import { FENCED_SET, FIND, FLAG_CANCEL, HEARTBEAT, MARK, TAKE } from './scripts.ts'

/** Options of `bullmqBackend()`. */
export interface BullmqBackendOptions {
  /** `redis://[user:password@]host[:port][/db]` (`rediss://` for TLS) */
  url: string
  /** The key prefix of every queue; instances that share tasks share it @default 'hxkit' */
  prefix?: string | undefined
  /** The queues this backend serves, each a BullMQ queue @default ['default'] */
  queues?: readonly string[] | undefined
  /** How long a claim's lock lasts without a heartbeat, ms (workers renew it every half) @default 30_000 */
  leaseMs?: number | undefined
  /** Lock expiries a task survives before it fails for good @default 1 */
  maxStalledCount?: number | undefined
  /** How often an idle worker looks for work enqueued by other processes, ms @default 50 */
  pollMs?: number | undefined
  /** How long a call waits for a disconnected Redis before `RedisUnavailable`, ms @default 2_000 */
  offlineTimeoutMs?: number | undefined
  /** Remove SUCCESSFUL tasks older than this (BullMQ `removeOnComplete.age`), ms @default null (keep) */
  keepCompletedMs?: number | null | undefined
  /** Remove FAILED tasks older than this (BullMQ `removeOnFail.age`), ms @default null (keep) */
  keepFailedMs?: number | null | undefined
}

/** The BullMQ backend: a `WorkerBackend` plus the dashboard's reads and actions, and `close()`. */
export interface BullmqBackend extends WorkerBackend {
  readonly queues: readonly string[]
  list(options?: TaskListOptions): Promise<TaskRecord[]>
  counts(): Promise<TaskCounts>
  /** Makes a deferred or backing-off READY task due now; `false` when there is none. */
  runNow(id: string): Promise<boolean>
  /** Deletes a READY or finished task; `false` when it is RUNNING or unknown. */
  discard(id: string): Promise<boolean>
  /**
   * Deletes tasks that finished more than `olderThanMs` ago (of one status when given); returns
   * the deleted records (to remove files they point at).
   */
  prune(olderThanMs: number, status?: 'SUCCESSFUL' | 'FAILED'): Promise<TaskRecord[]>
  /** Registers each schedule as a BullMQ job scheduler (once per process; see docs). */
  runSchedules(schedules: readonly TaskSchedule[], now: Date): Promise<number>
  /** Closes the connections; the backend cannot be used afterwards. */
  close(): Promise<void>
}

/** A live claim's BullMQ side. */
interface Held {
  readonly job: Job
  readonly token: string
  readonly queue: string
  readonly hash: JobHash
}

interface Lane {
  readonly queue: Queue
  readonly backend: IQueueBackend
  worker?: Worker
}

const KNOWN = [
  'url',
  'prefix',
  'queues',
  'leaseMs',
  'maxStalledCount',
  'pollMs',
  'offlineTimeoutMs',
  'keepCompletedMs',
  'keepFailedMs',
]
const NAME = /^[\w.-]{1,100}$/
const SCRIPTS = { FIND, MARK, FENCED_SET, HEARTBEAT, TAKE, FLAG_CANCEL }
type ScriptName = keyof typeof SCRIPTS

function integer(name: string, value: unknown, fallback: number, min: number): number {
  const given = value ?? fallback
  if (typeof given !== 'number' || !Number.isInteger(given) || given < min) {
    throw new TypeError(`bullmqBackend(): "${name}" must be an integer ≥ ${String(min)}.`)
  }
  return given
}

function keep(name: string, value: unknown): false | { age: number } {
  if (value === undefined || value === null) {
    return false
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1_000) {
    throw new TypeError(`bullmqBackend(): "${name}" must be null or an integer ≥ 1000 (ms).`)
  }
  return { age: Math.round(value / 1_000) }
}

// BullMQ's fencing errors carry a negative `code` (JobLockNotExist, JobLockMismatch, …)
const isStale = (error: unknown): boolean =>
  typeof (error as { code?: unknown } | null)?.code === 'number'

/**
 * The distributed backend on Redis through BullMQ (one BullMQ queue per hxkit queue): BullMQ
 * claims with a lock, renews and checks stalls; hxkit adds fenced progress, cross-process
 * cancel (a flag read with each renewal, and a pub/sub message), Django's error history, and
 * the priority mapping that keeps SQLite's order. Every call fails with `RedisUnavailable`
 * within `offlineTimeoutMs` while Redis is down.
 * @param options see `BullmqBackendOptions`
 * @see docs/tasks-bullmq.md
 * @example
 * const backend = bullmqBackend({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' })
 * export const report = task(async (id: number) => id, { name: 'report', backend })
 */
export function bullmqBackend(options: BullmqBackendOptions): BullmqBackend {
  const caller = 'bullmqBackend()'
  if (typeof options !== 'object' || (options as unknown) === null) {
    throw new TypeError(`${caller}: options must be an object with "url".`)
  }
  checkKeys(caller, options, KNOWN)
  const { url } = options
  if (typeof url !== 'string' || !/^rediss?:\/\//.test(url)) {
    throw new TypeError(`${caller}: "url" must be a redis:// or rediss:// URL.`)
  }
  const prefix = options.prefix ?? 'hxkit'
  if (typeof prefix !== 'string' || !NAME.test(prefix)) {
    throw new TypeError(`${caller}: "prefix" must be 1–100 letters, digits or _ . -.`)
  }
  const given: unknown = options.queues ?? ['default']
  if (
    !Array.isArray(given) ||
    given.length === 0 ||
    !given.every((name: unknown) => typeof name === 'string' && NAME.test(name))
  ) {
    throw new TypeError(
      `${caller}: "queues" must be a non-empty list of names (letters, digits, _ . -).`
    )
  }
  const queues = given as readonly string[]
  const leaseMs = integer('leaseMs', options.leaseMs, 30_000, 10)
  const maxStalledCount = integer('maxStalledCount', options.maxStalledCount, 1, 0)
  const pollMs = integer('pollMs', options.pollMs, 50, 1)
  const offlineTimeoutMs = integer('offlineTimeoutMs', options.offlineTimeoutMs, 2_000, 1)
  const removeOnComplete = keep('keepCompletedMs', options.keepCompletedMs)
  const removeOnFail = keep('keepFailedMs', options.keepFailedMs)

  const client = openClient(url, offlineTimeoutMs)
  for (const [name, lua] of Object.entries(SCRIPTS)) {
    client.defineCommand(`hx${name}`, { lua })
  }
  const script = async (name: ScriptName, keys: string[], args: (string | number)[]) =>
    (client as unknown as Record<string, (...params: unknown[]) => Promise<unknown>>)[
      `hx${name}`
    ]?.(keys.length, ...keys, ...args)
  const events = new EventEmitter()
  events.setMaxListeners(0)
  const held = new WeakMap<TaskClaim, Held>()
  const lanes = new Map<string, Lane>()
  const key = (queue: string, suffix: string): string => `${prefix}:${queue}:${suffix}`
  const onError = (): void => {
    // BullMQ's objects report connection loss here; the calls that fail say it to their callers
  }
  let subscriber: ReturnType<typeof client.duplicate> | undefined
  let closed = false
  const upserted = new Map<string, string>()

  const lane = (queue: string): Lane => {
    let found = lanes.get(queue)
    if (found === undefined) {
      const made = new Queue(queue, { connection: client, prefix })
      made.on('error', onError)
      found = { queue: made, backend: made.getBackend() }
      lanes.set(queue, found)
    }
    return found
  }
  const workerOf = (queue: string): Worker => {
    const found = lane(queue)
    if (found.worker === undefined) {
      found.worker = new Worker(queue, null, {
        connection: client,
        prefix,
        autorun: false,
        lockDuration: leaseMs,
        maxStalledCount,
        // the mark-and-sweep check runs when hxkit's worker sweeps; this only keeps two
        // processes from checking in the same instant
        stalledInterval: Math.max(1, Math.min(100, Math.floor(leaseMs / 4))),
      })
      found.worker.on('error', onError)
    }
    return found.worker
  }

  /** Runs `work` once Redis answers, turning connection failures into `RedisUnavailable`. */
  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    if (closed) {
      throw new TypeError('bullmqBackend: the backend is closed.')
    }
    try {
      await whenReady(client, offlineTimeoutMs, url)
      return await work()
    } catch (error) {
      throw asUnavailable(error, url)
    }
  }

  async function find(
    id: string
  ): Promise<{ queue: string; state: JobState; hash: JobHash } | null> {
    if (id === '' || id.length > 200) {
      return null
    }
    const keys = queues.flatMap((queue) => [
      key(queue, id),
      key(queue, 'active'),
      key(queue, 'completed'),
      key(queue, 'failed'),
    ])
    const reply = (await script('FIND', keys, [id])) as [number, JobState, string[]] | null
    if (reply === null) {
      return null
    }
    return { queue: queues[reply[0] - 1] as string, state: reply[1], hash: toHash(reply[2]) }
  }

  async function getResult(id: string): Promise<TaskRecord | null> {
    const found = await find(id)
    return found === null ? null : toRecord(id, found.queue, found.state, found.hash)
  }

  const errorOf = (name: string, message: string, attempt: number): TaskError => ({
    exceptionClassPath: name,
    message,
    traceback: `${name}: ${message}`,
    attempt,
  })

  async function cancelReady(id: string, queue: string): Promise<boolean> {
    const token = randomUUID()
    const taken = await script(
      'TAKE',
      [
        key(queue, 'wait'),
        key(queue, 'prioritized'),
        key(queue, 'delayed'),
        key(queue, 'active'),
        key(queue, `${id}:lock`),
      ],
      [id, token, leaseMs]
    )
    if (taken !== 1) {
      return false
    }
    const bull = lane(queue).queue
    const backend = workerOf(queue).getBackend()
    const job = (await Job.fromId(bull, id)) as Job
    const hash = toHash((await client.hgetall(key(queue, id))) as never)
    const stalls = hash['stc'] ?? '0'
    const errors = [
      ...jobErrors(hash, 'ready'),
      errorOf('TaskCancelled', 'Cancelled before it ran.', Number(hash['ats'] ?? 0)),
    ]
    await backend.moveToFailed(job, 'Cancelled before it ran.', removeOnFail, token, false, {
      hxe: JSON.stringify(errors),
      hxst: stalls,
    })
    return true
  }

  async function claimFrom(queue: string, workerId: string): Promise<TaskClaim | null> {
    const bullWorker = workerOf(queue)
    for (;;) {
      const token = randomUUID()
      const job = (await bullWorker.getNextJob(token, { block: false })) as Job | undefined
      if (job?.id === undefined) {
        return null
      }
      const jobKey = key(queue, job.id)
      // BullMQ types it as always there
      const deferred = (job as { deferredFailure?: string }).deferredFailure
      if (deferred !== undefined) {
        // stalled more than maxStalledCount times: BullMQ fails it at this pickup
        const hash = toHash((await client.hgetall(jobKey)) as never)
        await bullWorker.getBackend().moveToFailed(job, deferred, removeOnFail, token, false, {
          hxe: JSON.stringify(jobErrors(hash, 'ready', true)),
          hxst: hash['stc'] ?? '0',
        })
        continue
      }
      const reply = (await script(
        'MARK',
        [jobKey, `${jobKey}:lock`],
        [token, JSON.stringify(workerId), Date.now()]
      )) as string[] | null
      if (reply === null) {
        continue
      }
      const hash = toHash(reply)
      const data = JSON.parse(hash['data'] ?? '{}') as JobData
      const claim: TaskClaim = {
        id: job.id,
        taskName: job.name,
        args: data.args,
        attempt: Number(hash['ats']),
        workerId,
        maxAttempts: jobMaxAttempts(hash),
        idempotencyKey: toRecord(job.id, queue, 'active', hash).idempotencyKey,
      }
      held.set(claim, { job, token, queue, hash })
      return claim
    }
  }

  /** Runs a fenced settle of `claim`; `false` when the claim is stale (BullMQ refused it). */
  async function settle(
    claim: TaskClaim,
    work: (holding: Held, backend: IQueueBackend) => Promise<unknown>
  ): Promise<boolean> {
    const holding = held.get(claim)
    if (holding === undefined) {
      return false
    }
    return guarded(async () => {
      try {
        await work(holding, workerOf(holding.queue).getBackend())
        held.delete(claim)
        return true
      } catch (error) {
        if (isStale(error)) {
          held.delete(claim)
          return false
        }
        throw error
      }
    })
  }

  const backend: BullmqBackend = {
    name: 'bullmq',
    leaseMs,
    supports: {
      defer: true,
      priority: true,
      getResult: true,
      transactions: false,
      cancelRunning: true,
      fencedProgress: true,
    },
    queues,
    enqueue: (request) =>
      guarded(async () => {
        const id = randomUUID()
        const now = Date.now()
        const data: JobData & { runAfter: number | null } = {
          args: [...request.args],
          maxAttempts: request.maxAttempts,
          key: request.idempotencyKey,
          runAfter: request.runAfter?.getTime() ?? null,
        }
        const job = await lane(request.queueName).queue.add(request.taskName, data, {
          jobId: id,
          priority: toBullPriority(request.priority),
          delay: request.runAfter === null ? 0 : Math.max(0, request.runAfter.getTime() - now),
          attempts: 1,
          removeOnComplete,
          removeOnFail,
          ...(request.idempotencyKey === null
            ? {}
            : { deduplication: { id: request.idempotencyKey } }),
        })
        const found = job.id === id ? null : await getResult(job.id as string)
        if (found !== null) {
          return found
        }
        events.emit('work')
        return toRecord(id, request.queueName, 'ready', {
          name: request.taskName,
          data: JSON.stringify(data),
          timestamp: String(job.timestamp),
          priority: String(toBullPriority(request.priority)),
        })
      }),
    getResult: (id) => guarded(() => getResult(id)),
    cancel: (id) =>
      guarded(async () => {
        const found = await find(id)
        if (found === null || found.state === 'completed' || found.state === 'failed') {
          return false
        }
        if (found.state === 'ready' && (await cancelReady(id, found.queue))) {
          return 'cancelled'
        }
        const flagged = await script(
          'FLAG_CANCEL',
          [key(found.queue, id), key(found.queue, 'active')],
          [id]
        )
        if (flagged !== 1) {
          return false
        }
        await client.publish(key('hx', 'cancel'), id)
        return 'requested'
      }),
    retry: (id) =>
      guarded(async () => {
        const found = await find(id)
        if (found?.state !== 'failed') {
          return false
        }
        const { hash, queue } = found
        const attempts = Number(hash['ats'] ?? 0) + 1 - Number(hash['stc'] ?? 0)
        await client.hset(key(queue, id), 'hxm', String(attempts))
        await client.hdel(key(queue, id), 'hxc')
        const { queue: bull, backend: bullBackend } = lane(queue)
        await bullBackend.retryFinishedJob((await Job.fromId(bull, id)) as Job, 'failed')
        events.emit('work')
        return true
      }),
    claim: (workerId, names) =>
      guarded(async () => {
        for (const queue of names ?? queues) {
          const claim = await claimFrom(queue, workerId)
          if (claim !== null) {
            return claim
          }
        }
        return null
      }),
    heartbeat: async (claim) => {
      const holding = held.get(claim)
      if (holding === undefined) {
        return { held: false, cancelRequested: false }
      }
      const outcome = await guarded(() =>
        script(
          'HEARTBEAT',
          [
            key(holding.queue, `${claim.id}:lock`),
            key(holding.queue, 'stalled'),
            key(holding.queue, claim.id),
          ],
          [holding.token, leaseMs, claim.id]
        )
      )
      return { held: outcome !== -1, cancelRequested: outcome === 1 }
    },
    progress: async (claim, value) => {
      const holding = held.get(claim)
      if (holding === undefined) {
        return false
      }
      const jobKey = key(holding.queue, claim.id)
      const written = await guarded(() =>
        script(
          'FENCED_SET',
          [jobKey, `${jobKey}:lock`],
          [holding.token, 'progress', JSON.stringify(value)]
        )
      )
      return written === 1
    },
    complete: (claim, value) =>
      settle(claim, ({ job, token }, bull) =>
        bull.moveToCompleted(job, value, removeOnComplete, token, false)
      ),
    fail: (claim, error, retryAt) =>
      settle(claim, async ({ job, token, hash }, bull) => {
        const fields = {
          hxe: JSON.stringify([...jobErrors(hash, 'active'), error]),
          hxst: hash['stc'] ?? '0',
        }
        if (retryAt === null) {
          await bull.moveToFailed(job, error.message, removeOnFail, token, false, fields)
          return
        }
        await bull.moveToDelayed(
          claim.id,
          Date.now(),
          Math.max(0, retryAt.getTime() - Date.now()),
          token,
          {
            skipAttempt: false,
            fieldsToUpdate: fields,
          }
        )
        events.emit('work')
      }),
    release: (claim) =>
      settle(claim, async ({ token, hash, queue }, bull) => {
        const jobKey = key(queue, claim.id)
        const base = jobMaxAttempts(hash) - Number(hash['stc'] ?? 0)
        if (
          (await script('FENCED_SET', [jobKey, `${jobKey}:lock`], [token, 'hxm', base + 1])) !== 1
        ) {
          throw Object.assign(new Error('lock lost'), { code: -2 })
        }
        await bull.moveJobFromActiveToWait(claim.id, token)
        events.emit('work')
      }),
    sweep: () =>
      guarded(async () => {
        let moved = 0
        for (const queue of queues) {
          moved += (await workerOf(queue).getBackend().moveStalledJobsToWait()).length
        }
        if (moved > 0) {
          events.emit('work')
        }
        return moved
      }),
    waitForWork: (signal, timeoutMs) =>
      new Promise<void>((resolve) => {
        const finish = (): void => {
          clearTimeout(timer)
          events.off('work', finish)
          signal.removeEventListener('abort', finish)
          resolve()
        }
        const timer = setTimeout(finish, Math.min(timeoutMs, pollMs))
        events.on('work', finish)
        signal.addEventListener('abort', finish)
        if (signal.aborted) {
          finish()
        }
      }),
    onCancel: (listener) => {
      if (subscriber === undefined) {
        // a connection of its own (a subscribed connection runs no other commands), which
        // resubscribes by itself after a reconnect
        const made = client.duplicate({ enableOfflineQueue: true })
        made.on('error', onError)
        made.on('message', (_channel: string, id: string) => {
          events.emit('cancel', id)
        })
        made.subscribe(key('hx', 'cancel')).catch(onError)
        subscriber = made
      }
      events.on('cancel', listener)
      return () => {
        events.off('cancel', listener)
      }
    },
    runSchedules: (schedules) =>
      guarded(async () => {
        for (const entry of schedules) {
          const { task } = entry
          const spec = JSON.stringify([
            entry.cron,
            entry.timezone,
            task.name,
            task.queueName,
            task.priority,
          ])
          if (upserted.get(entry.name) === spec) {
            continue
          }
          if (!queues.includes(task.queueName)) {
            throw new TypeError(
              `${caller}: schedule "${entry.name}": queue "${task.queueName}" is not one of "queues".`
            )
          }
          const data: JobData = { args: [...entry.args], maxAttempts: task.maxAttempts, key: null }
          await lane(task.queueName).queue.upsertJobScheduler(
            entry.name,
            { pattern: entry.cron, tz: entry.timezone },
            {
              name: task.name,
              data,
              opts: {
                priority: toBullPriority(task.priority),
                attempts: 1,
                removeOnComplete,
                removeOnFail,
              },
            }
          )
          upserted.set(entry.name, spec)
        }
        return 0
      }),
    list: (query = {}) =>
      guarded(async () => {
        checkKeys('list()', query, ['status', 'queueName', 'limit', 'offset'])
        const types = {
          READY: ['waiting', 'prioritized', 'delayed'],
          RUNNING: ['active'],
          SUCCESSFUL: ['completed'],
          FAILED: ['failed'],
        } as const
        const wanted =
          query.status === undefined ? Object.values(types).flat() : types[query.status]
        const limit = query.limit ?? 50
        const offset = query.offset ?? 0
        const ids: string[] = []
        for (const queue of query.queueName === undefined ? queues : [query.queueName]) {
          const jobs = await lane(queue).queue.getJobs([...wanted], 0, offset + limit - 1)
          ids.push(...jobs.map((job) => job.id as string))
        }
        const records = (await Promise.all(ids.map(getResult))).filter(
          (record): record is TaskRecord => record !== null
        )
        records.sort((a, b) => b.enqueuedAt.getTime() - a.enqueuedAt.getTime())
        return records.slice(offset, offset + limit)
      }),
    counts: () =>
      guarded(async () => {
        const result: TaskCounts = { READY: 0, RUNNING: 0, SUCCESSFUL: 0, FAILED: 0 }
        for (const queue of queues) {
          const counts = await lane(queue).queue.getJobCounts(
            'waiting',
            'prioritized',
            'delayed',
            'active',
            'completed',
            'failed'
          )
          result.READY +=
            (counts['waiting'] ?? 0) + (counts['prioritized'] ?? 0) + (counts['delayed'] ?? 0)
          result.RUNNING += counts['active'] ?? 0
          result.SUCCESSFUL += counts['completed'] ?? 0
          result.FAILED += counts['failed'] ?? 0
        }
        return result
      }),
    runNow: (id) =>
      guarded(async () => {
        const found = await find(id)
        if (
          found?.state !== 'ready' ||
          (await client.zscore(key(found.queue, 'delayed'), id)) === null
        ) {
          return false
        }
        await lane(found.queue).backend.promote(id)
        events.emit('work')
        return true
      }),
    discard: (id) =>
      guarded(async () => {
        const found = await find(id)
        if (found === null || found.state === 'active') {
          return false
        }
        return (await lane(found.queue).backend.remove(id, false)) === 1
      }),
    prune: (olderThanMs, status) =>
      guarded(async () => {
        const states =
          status === undefined
            ? (['completed', 'failed'] as const)
            : status === 'SUCCESSFUL'
              ? (['completed'] as const)
              : (['failed'] as const)
        const before = Date.now() - olderThanMs
        const removed: TaskRecord[] = []
        for (const queue of queues) {
          for (const state of states) {
            // the finished sets are scored by finish time; read each record before it goes
            for (;;) {
              const ids = await client.zrangebyscore(
                key(queue, state),
                '-inf',
                `(${String(before)}`,
                'LIMIT',
                0,
                500
              )
              for (const id of ids) {
                const record = await getResult(id)
                if ((await lane(queue).backend.remove(id, false)) === 1 && record !== null) {
                  removed.push(record)
                }
              }
              if (ids.length < 500) {
                break
              }
            }
          }
        }
        return removed
      }),
    close: async () => {
      if (closed) {
        return
      }
      closed = true
      await Promise.allSettled(
        [...lanes.values()].flatMap((found) => [
          found.worker?.close(true) ?? Promise.resolve(),
          found.queue.close(),
        ])
      )
      subscriber?.disconnect()
      client.disconnect()
    },
  }
  return backend
}
