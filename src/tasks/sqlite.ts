import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { checkKeys } from '../internal/options.ts'
import type { SqliteDatabase, SqliteStatement } from '../internal/sqlite.ts'
import { isThenable } from '../internal/thenable.ts'
import type { EnqueueRequest, TaskClaim, TaskListOptions, WorkerBackend } from './backend.ts'
import { LeaseExpired, TaskCancelled, toTaskError } from './errors.ts'
import type { JsonValue } from './json.ts'
import type { TaskRecord, TaskResultStatus } from './record.ts'
import { runDueSchedules } from './schedule.ts'
import type { TaskSchedule } from './schedule.ts'
import { CLAIM_ANY, CLAIM_QUEUE, FENCE, SCHEMA, SWEEP } from './sqlite-schema.ts'

export type { SqliteDatabase, SqliteStatement } from '../internal/sqlite.ts'

/** Options of `sqliteBackend()`. */
export interface SqliteBackendOptions {
  /** How long a claim lasts without a heartbeat, ms (workers renew it every half) @default 30_000 */
  leaseMs?: number | undefined
  /** Lease expiries a task survives before it fails for good (a poison pill's limit) @default 1 */
  maxStalledCount?: number | undefined
  /** Allowed queue names @default null (any) */
  queues?: readonly string[] | null | undefined
  /** How often an idle worker checks for other processes' commits, ms @default 50 */
  pollMs?: number | undefined
  /** Set WAL, synchronous NORMAL and a busy timeout on the connection @default true */
  pragmas?: boolean | undefined
}

/** Counts by status, for the dashboard. */
export type TaskCounts = Record<TaskResultStatus, number>

/** The SQLite backend: a `WorkerBackend` plus the dashboard's reads and actions. */
export interface SqliteBackend extends WorkerBackend {
  readonly db: SqliteDatabase
  list(options?: TaskListOptions): TaskRecord[]
  counts(): TaskCounts
  /** Makes a READY task (deferred or backing off) due now; `false` when it is not READY. */
  runNow(id: string): boolean
  /** Deletes a READY or finished task; `false` when it is RUNNING or unknown. */
  discard(id: string): boolean
  /**
   * Deletes finished tasks that finished more than `olderThanMs` ago (of one status when given),
   * in batches; returns the deleted records (to remove files they point at).
   */
  prune(olderThanMs: number, status?: 'SUCCESSFUL' | 'FAILED'): TaskRecord[]
  /** Runs `fn` in a write transaction fenced by the claim (see `WorkerBackend.transaction`). */
  transaction<T>(claim: TaskClaim, fn: () => T): Promise<T>
  /** Enqueues the due schedules in one write transaction (see `WorkerBackend.runSchedules`). */
  runSchedules(schedules: readonly TaskSchedule[], now: Date): Promise<number>
}

interface Row {
  id: string
  task_name: string
  queue_name: string
  priority: number
  status: TaskResultStatus
  args: string
  run_after: number | null
  enqueued_at: number
  started_at: number | null
  last_attempted_at: number | null
  finished_at: number | null
  max_attempts: number
  progress: string | null
  return_value: string | null
  worker_ids: string
  errors: string
  idempotency_key: string | null
}

interface ClaimRow {
  id: string
  task_name: string
  args: string
  attempt: number
  max_attempts: number
  idempotency_key: string | null
}

const date = (ms: number | null): Date | null => (ms === null ? null : new Date(ms))

function toRecord(row: Row): TaskRecord {
  return {
    id: row.id,
    taskName: row.task_name,
    queueName: row.queue_name,
    priority: row.priority,
    status: row.status,
    args: JSON.parse(row.args) as JsonValue[],
    enqueuedAt: new Date(row.enqueued_at),
    runAfter: date(row.run_after),
    startedAt: date(row.started_at),
    lastAttemptedAt: date(row.last_attempted_at),
    finishedAt: date(row.finished_at),
    workerIds: JSON.parse(row.worker_ids) as string[],
    errors: JSON.parse(row.errors) as TaskRecord['errors'],
    returnValue:
      row.return_value === null ? undefined : (JSON.parse(row.return_value) as JsonValue),
    progress: row.progress === null ? null : (JSON.parse(row.progress) as TaskRecord['progress']),
    maxAttempts: row.max_attempts,
    idempotencyKey: row.idempotency_key,
  }
}

// Backends on one database file in one process share wake-ups; other processes are seen
// through PRAGMA data_version, which changes when another connection commits.
const channels = new Map<string, EventEmitter>()
function channel(name: string): EventEmitter {
  let found = channels.get(name)
  if (found === undefined) {
    found = new EventEmitter()
    found.setMaxListeners(0)
    channels.set(name, found)
  }
  return found
}

function positiveInt(name: string, value: unknown, fallback: number): number {
  const given = value ?? fallback
  if (typeof given !== 'number' || !Number.isInteger(given) || given < 0) {
    throw new TypeError(`sqliteBackend(): "${name}" must be an integer ≥ 0.`)
  }
  return given
}

/**
 * The durable embedded backend on the app's better-sqlite3 database (WAL): enqueue is one INSERT
 * in the caller's transaction, a claim is one `UPDATE … RETURNING`, every later write is fenced by
 * id + attempt + lease owner, and expired leases are swept back to READY (or FAILED past
 * `maxStalledCount`). Creates its table if it is missing.
 * @param db a better-sqlite3 `Database` (12.x on Node 20, 13 on Node ≥ 22)
 * @param [options={}]
 * @see docs/tasks.md
 * @example
 * import Database from 'better-sqlite3'
 * const backend = sqliteBackend(new Database('data/app.db'))
 */
export function sqliteBackend(
  db: SqliteDatabase,
  options: SqliteBackendOptions = {}
): SqliteBackend {
  checkKeys('sqliteBackend()', options, [
    'leaseMs',
    'maxStalledCount',
    'queues',
    'pollMs',
    'pragmas',
  ])
  const leaseMs = positiveInt('leaseMs', options.leaseMs, 30_000)
  const maxStalls = positiveInt('maxStalledCount', options.maxStalledCount, 1)
  const pollMs = positiveInt('pollMs', options.pollMs, 50)
  if (options.pragmas !== false) {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 5000')
  }
  db.exec(SCHEMA)
  const events = channel(db.name)
  const statement = (sql: string): SqliteStatement => db.prepare(sql)
  const insert = statement(`
    INSERT INTO hx_task (id, task_name, queue_name, priority, args, run_after, available_at,
                         enqueued_at, max_attempts, idempotency_key)
    VALUES (@id, @taskName, @queueName, @priority, @args, @runAfter, @availableAt, @now,
            @maxAttempts, @idempotencyKey)
    ON CONFLICT (queue_name, idempotency_key)
      WHERE idempotency_key IS NOT NULL AND status IN ('READY','RUNNING') DO NOTHING
    RETURNING *`)
  const live = statement(`SELECT * FROM hx_task WHERE queue_name = ? AND idempotency_key = ?
                          AND status IN ('READY','RUNNING')`)
  const byId = statement('SELECT * FROM hx_task WHERE id = ?')
  const claimQueue = statement(CLAIM_QUEUE)
  const claimAny = statement(CLAIM_ANY)
  const heartbeat = statement(
    `UPDATE hx_task SET lease_expires_at = @now + @lease WHERE ${FENCE} RETURNING cancel_requested`
  )
  const progress = statement(`UPDATE hx_task SET progress = @progress WHERE ${FENCE}`)
  const complete = statement(`
    UPDATE hx_task SET status = 'SUCCESSFUL', finished_at = @now, return_value = @value,
           lease_owner = NULL, lease_expires_at = NULL WHERE ${FENCE}`)
  const fail = statement(`
    UPDATE hx_task SET status = CASE WHEN @retryAt IS NULL THEN 'FAILED' ELSE 'READY' END,
           finished_at = CASE WHEN @retryAt IS NULL THEN @now ELSE NULL END,
           available_at = coalesce(@retryAt, available_at),
           errors = json_insert(errors, '$[#]', json(@error)),
           lease_owner = NULL, lease_expires_at = NULL WHERE ${FENCE}`)
  const release = statement(`
    UPDATE hx_task SET status = 'READY', max_attempts = max_attempts + 1, available_at = @now,
           lease_owner = NULL, lease_expires_at = NULL WHERE ${FENCE}`)
  const holds = statement(`SELECT 1 FROM hx_task WHERE ${FENCE}`)
  const sweep = statement(SWEEP)
  const cancelReady = statement(`
    UPDATE hx_task SET status = 'FAILED', finished_at = @now,
           errors = json_insert(errors, '$[#]', json(@error))
     WHERE id = @id AND status = 'READY'`)
  const cancelRunning = statement(
    `UPDATE hx_task SET cancel_requested = 1 WHERE id = ? AND status = 'RUNNING'`
  )
  const retry = statement(`
    UPDATE hx_task SET status = 'READY', finished_at = NULL, available_at = @now,
           max_attempts = attempt + 1, cancel_requested = 0, stalls = 0
     WHERE id = @id AND status = 'FAILED'`)
  const runNow = statement(
    `UPDATE hx_task SET available_at = ? WHERE id = ? AND status = 'READY' AND available_at > ?`
  )
  const discard = statement(`DELETE FROM hx_task WHERE id = ? AND status != 'RUNNING'`)
  const nextDue = statement(`SELECT min(available_at) AS due FROM hx_task WHERE status = 'READY'`)
  const counts = statement('SELECT status, count(*) AS n FROM hx_task GROUP BY status')
  const pruneBatch = statement(`
    DELETE FROM hx_task WHERE seq IN (SELECT seq FROM hx_task
      WHERE status IN ('SUCCESSFUL','FAILED') AND finished_at < @before
        AND (@status IS NULL OR status = @status) LIMIT 500)
    RETURNING *`)
  const scheduleRow = statement('SELECT spec, next_run_at FROM hx_schedule WHERE name = ?')
  const scheduleReset = statement(`
    INSERT INTO hx_schedule (name, spec, next_run_at) VALUES (?, ?, ?)
    ON CONFLICT (name) DO UPDATE SET spec = excluded.spec, next_run_at = excluded.next_run_at`)
  const scheduleAdvance = statement(
    'UPDATE hx_schedule SET next_run_at = ? WHERE name = ? AND next_run_at = ?'
  )
  const fence = (claim: TaskClaim): Record<string, unknown> => ({
    id: claim.id,
    attempt: claim.attempt,
    worker: claim.workerId,
  })
  const dataVersion = (): unknown => db.pragma('data_version', { simple: true })

  const enqueue = (request: EnqueueRequest): TaskRecord => {
    const now = Date.now()
    for (;;) {
      const row = insert.get({
        id: randomUUID(),
        taskName: request.taskName,
        queueName: request.queueName,
        priority: request.priority,
        args: JSON.stringify(request.args),
        runAfter: request.runAfter?.getTime() ?? null,
        availableAt: request.runAfter?.getTime() ?? now,
        now,
        maxAttempts: request.maxAttempts,
        idempotencyKey: request.idempotencyKey,
      }) as Row | undefined
      const found = row ?? (live.get(request.queueName, request.idempotencyKey) as Row | undefined)
      if (found !== undefined) {
        if (row !== undefined) {
          events.emit('work')
        }
        return toRecord(found)
      }
      // the live task with this key finished between the two statements: insert again
    }
  }

  return {
    name: 'sqlite',
    db,
    leaseMs,
    supports: {
      defer: true,
      priority: true,
      getResult: true,
      transactions: true,
      cancelRunning: true,
      fencedProgress: true,
    },
    queues: options.queues ?? null,
    enqueue: (request) => Promise.resolve(enqueue(request)),
    getResult: (id) => {
      const row = byId.get(id) as Row | undefined
      return Promise.resolve(row === undefined ? null : toRecord(row))
    },
    cancel: (id) => {
      const error = JSON.stringify(toTaskError(new TaskCancelled('Cancelled before it ran.'), 0))
      if (cancelReady.run({ id, now: Date.now(), error }).changes > 0) {
        return Promise.resolve('cancelled')
      }
      if (cancelRunning.run(id).changes > 0) {
        events.emit('cancel', id)
        return Promise.resolve('requested')
      }
      return Promise.resolve(false)
    },
    retry: (id) => {
      const changed = retry.run({ id, now: Date.now() }).changes > 0
      if (changed) {
        events.emit('work')
      }
      return Promise.resolve(changed)
    },
    claim: (workerId, queues) => {
      const now = Date.now()
      const params = { worker: workerId, now, lease: leaseMs }
      let row: ClaimRow | undefined
      if (queues === null) {
        row = claimAny.get(params) as ClaimRow | undefined
      } else {
        // one queue at a time, in the order given, so a worker never claims two tasks at once
        for (const queue of queues) {
          row = claimQueue.get({ ...params, queue }) as ClaimRow | undefined
          if (row !== undefined) {
            break
          }
        }
      }
      return Promise.resolve(
        row === undefined
          ? null
          : {
              id: row.id,
              taskName: row.task_name,
              args: JSON.parse(row.args) as JsonValue[],
              attempt: row.attempt,
              workerId,
              maxAttempts: row.max_attempts,
              idempotencyKey: row.idempotency_key,
            }
      )
    },
    heartbeat: (claim) => {
      const row = heartbeat.get({ ...fence(claim), now: Date.now(), lease: leaseMs }) as
        { cancel_requested: number } | undefined
      return Promise.resolve({
        held: row !== undefined,
        cancelRequested: row?.cancel_requested === 1,
      })
    },
    progress: (claim, value) =>
      Promise.resolve(
        progress.run({ ...fence(claim), progress: JSON.stringify(value) }).changes > 0
      ),
    complete: (claim, value) =>
      Promise.resolve(
        complete.run({ ...fence(claim), now: Date.now(), value: JSON.stringify(value) }).changes > 0
      ),
    fail: (claim, error, retryAt) => {
      const changed =
        fail.run({
          ...fence(claim),
          now: Date.now(),
          error: JSON.stringify(error),
          retryAt: retryAt?.getTime() ?? null,
        }).changes > 0
      if (changed && retryAt !== null) {
        events.emit('work')
      }
      return Promise.resolve(changed)
    },
    release: (claim) => {
      const changed = release.run({ ...fence(claim), now: Date.now() }).changes > 0
      if (changed) {
        events.emit('work')
      }
      return Promise.resolve(changed)
    },
    transaction: <T>(claim: TaskClaim, fn: () => T): Promise<T> => {
      // BEGIN IMMEDIATE takes the write lock first, so no sweep or claim can move the task
      // between the fence check and the commit
      db.exec('BEGIN IMMEDIATE')
      try {
        if (holds.get(fence(claim)) === undefined) {
          throw new LeaseExpired(
            `${claim.id}: attempt ${String(claim.attempt)} no longer holds its lease; its transaction was rolled back.`
          )
        }
        const value = fn()
        if (isThenable(value)) {
          throw new TypeError(
            'context.transaction(): the function must be synchronous (better-sqlite3 writes); it returned a promise.'
          )
        }
        db.exec('COMMIT')
        return Promise.resolve(value)
      } catch (error) {
        try {
          db.exec('ROLLBACK')
        } catch {
          // fn ended the transaction itself
        }
        return Promise.reject(error instanceof Error ? error : new Error(String(error)))
      }
    },
    sweep: () => {
      const changed = sweep.run({ now: Date.now(), maxStalls }).changes
      if (changed > 0) {
        events.emit('work')
      }
      return Promise.resolve(changed)
    },
    waitForWork: (signal, timeoutMs) =>
      new Promise<void>((resolve) => {
        const due = (nextDue.get() as { due: number | null }).due
        const wait = due === null ? timeoutMs : Math.max(0, Math.min(timeoutMs, due - Date.now()))
        const version = dataVersion()
        const finish = (): void => {
          clearTimeout(timer)
          clearInterval(poll)
          events.off('work', finish)
          signal.removeEventListener('abort', finish)
          resolve()
        }
        const timer = setTimeout(finish, wait)
        const poll = setInterval(() => {
          if (dataVersion() !== version) {
            finish()
          }
        }, pollMs)
        events.on('work', finish)
        signal.addEventListener('abort', finish)
        if (signal.aborted) {
          finish()
        }
      }),
    runSchedules: (schedules, now) => {
      // one write transaction: the fenced advance and the enqueue commit together or not at all
      db.exec('BEGIN IMMEDIATE')
      let enqueued: number
      try {
        enqueued = runDueSchedules(schedules, now, {
          get: (name) => {
            const row = scheduleRow.get(name) as { spec: string; next_run_at: number } | undefined
            return row === undefined ? undefined : { spec: row.spec, nextRunAt: row.next_run_at }
          },
          reset: (name, spec, nextRunAt) => {
            scheduleReset.run(name, spec, nextRunAt)
          },
          advance: (name, from, to) => scheduleAdvance.run(to, name, from).changes === 1,
          enqueue: (request) => {
            enqueue(request)
          },
        })
        db.exec('COMMIT')
      } catch (error) {
        db.exec('ROLLBACK')
        return Promise.reject(error instanceof Error ? error : new Error(String(error)))
      }
      return Promise.resolve(enqueued)
    },
    onCancel: (listener) => {
      events.on('cancel', listener)
      return () => {
        events.off('cancel', listener)
      }
    },
    list: (query = {}) => {
      checkKeys('list()', query, ['status', 'queueName', 'limit', 'offset'])
      const rows = db
        .prepare(
          `SELECT * FROM hx_task WHERE (@status IS NULL OR status = @status)
             AND (@queue IS NULL OR queue_name = @queue) ORDER BY seq DESC LIMIT @limit OFFSET @offset`
        )
        .all({
          status: query.status ?? null,
          queue: query.queueName ?? null,
          limit: query.limit ?? 50,
          offset: query.offset ?? 0,
        }) as Row[]
      return rows.map(toRecord)
    },
    counts: () => {
      const result: TaskCounts = { READY: 0, RUNNING: 0, SUCCESSFUL: 0, FAILED: 0 }
      for (const row of counts.all() as { status: TaskResultStatus; n: number }[]) {
        result[row.status] = row.n
      }
      return result
    },
    runNow: (id) => {
      const now = Date.now()
      const changed = runNow.run(now, id, now).changes > 0
      if (changed) {
        events.emit('work')
      }
      return changed
    },
    discard: (id) => discard.run(id).changes > 0,
    prune: (olderThanMs, status) => {
      const before = Date.now() - olderThanMs
      const deleted: TaskRecord[] = []
      for (;;) {
        const rows = pruneBatch.all({ before, status: status ?? null }) as Row[]
        deleted.push(...rows.map(toRecord))
        if (rows.length < 500) {
          return deleted
        }
      }
    },
  }
}
