import type { JsonValue } from './json.ts'
import type { TaskError, TaskProgress, TaskRecord } from './record.ts'
import type { TaskSchedule } from './schedule.ts'

/**
 * What a backend can do (Django's `supports_*` flags plus hxkit's). A task definition that needs
 * a missing feature fails when it is defined; an action a backend lacks throws.
 */
export interface TaskBackendFeatures {
  /** `runAfter` (Django `supports_defer`) */
  readonly defer: boolean
  /** non-zero `priority` */
  readonly priority: boolean
  /** `getResult()` from any process (Django `supports_get_result`) */
  readonly getResult: boolean
  /** enqueue joins the caller's database transaction (a rollback removes the task) */
  readonly transactions: boolean
  /** cancel a RUNNING task from another process */
  readonly cancelRunning: boolean
  /** progress writes are fenced by attempt (a stale worker cannot overwrite them) */
  readonly fencedProgress: boolean
}

/** What `enqueue()` hands a backend: validated, JSON-checked, with the definition's defaults applied. */
export interface EnqueueRequest {
  readonly taskName: string
  readonly queueName: string
  readonly priority: number
  readonly args: readonly JsonValue[]
  readonly runAfter: Date | null
  readonly maxAttempts: number
  readonly idempotencyKey: string | null
}

/** Filters for `list()` and `prune()`. */
export interface TaskListOptions {
  readonly status?: TaskRecord['status'] | undefined
  readonly queueName?: string | undefined
  readonly limit?: number | undefined
  readonly offset?: number | undefined
}

/**
 * The storage side of a backend: what `task().enqueue()` and `getResult()` use. Every method may
 * return a promise (a network queue such as BullMQ) or not.
 * @see docs/tasks.md
 * @example
 * const backend: TaskBackend = dummyBackend()
 */
export interface TaskBackend {
  /** Shown in logs and the dashboard (`'sqlite'`, `'immediate'`, `'dummy'`). */
  readonly name: string
  readonly supports: TaskBackendFeatures
  /** Allowed queue names (Django's `QUEUES`); `null` allows any. */
  readonly queues: readonly string[] | null
  /**
   * Stores (or, for `immediate`, runs) a task. A backend with `supports.transactions` writes
   * before this returns, so the write belongs to the caller's open transaction.
   */
  enqueue(request: EnqueueRequest): Promise<TaskRecord>
  /** The task, or `null` when there is none with this id. */
  getResult(id: string): Promise<TaskRecord | null>
  /**
   * Cancels a task: a READY one becomes FAILED with `TaskCancelled` at once (`'cancelled'`); a
   * RUNNING one has its signal aborted (`'requested'`); a finished or unknown one is left (`false`).
   */
  cancel(id: string): Promise<'cancelled' | 'requested' | false>
  /** Puts a FAILED task back to READY with one more attempt; `false` when it is not FAILED. */
  retry(id: string): Promise<boolean>
}

/** A task a worker holds: the fence every later write must present. */
export interface TaskClaim {
  readonly id: string
  readonly taskName: string
  readonly args: readonly JsonValue[]
  /** 1-based; the fencing token together with `workerId`. */
  readonly attempt: number
  readonly workerId: string
  readonly maxAttempts: number
  readonly idempotencyKey: string | null
}

/** What a heartbeat learnt: whether the lease is still held, and whether cancel was asked. */
export interface HeartbeatOutcome {
  readonly held: boolean
  readonly cancelRequested: boolean
}

/**
 * The queue side of a backend, which `worker()` drives: claim with a lease, renew it, settle
 * with a fence (a stale attempt changes nothing and gets `false`), and sweep expired leases.
 * A BullMQ adapter maps these onto its manual-processing API (`getNextJob`, `extendLock`,
 * `moveToCompleted` / `moveToFailed` with the lock token).
 * @see docs/tasks.md
 * @example
 * const backend: WorkerBackend = sqliteBackend(db)
 */
export interface WorkerBackend extends TaskBackend {
  /** How long a claim lasts without a heartbeat, in ms. */
  readonly leaseMs: number
  /** Claims the next READY task of the first of `queues` that has one (`null` for any queue). */
  claim(workerId: string, queues: readonly string[] | null): Promise<TaskClaim | null>
  heartbeat(claim: TaskClaim): Promise<HeartbeatOutcome>
  progress(claim: TaskClaim, progress: TaskProgress): Promise<boolean>
  complete(claim: TaskClaim, returnValue: JsonValue): Promise<boolean>
  /** Records the error; READY again at `retryAt`, or FAILED for good when it is `null`. */
  fail(claim: TaskClaim, error: TaskError, retryAt: Date | null): Promise<boolean>
  /** Gives the task back without spending an attempt (a graceful shutdown). */
  release(claim: TaskClaim): Promise<boolean>
  /**
   * Runs `fn` (synchronous) in one write transaction on the backend's database that commits only
   * while `claim` still holds its lease, and rejects with `LeaseExpired` (its writes rolled back)
   * when it does not. Optional: a backend without a database the app shares (BullMQ) lacks it,
   * and `context.transaction()` then throws.
   */
  transaction?<T>(claim: TaskClaim, fn: () => T): Promise<T>
  /** Takes back RUNNING tasks whose lease expired; returns how many. */
  sweep(): Promise<number>
  /**
   * Resolves when work may be waiting (an enqueue here or in another process, a due time), after
   * `timeoutMs` at the latest, or when `signal` aborts.
   */
  waitForWork(signal: AbortSignal, timeoutMs: number): Promise<void>
  /** Wakes waiting workers when a RUNNING task of this process was asked to cancel. */
  onCancel(listener: (id: string) => void): () => void
  /**
   * Enqueues every schedule that is due at `now`, once per due time across every process on the
   * backend (a missed run collapses into one); returns how many were enqueued. Optional: a
   * backend without it refuses `worker({ schedules })`.
   */
  runSchedules?(schedules: readonly TaskSchedule[], now: Date): Promise<number>
}
