import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { checkKeys } from '../internal/options.ts'
import type { ShutdownRegistry } from '../server/index.ts'
import type { TaskClaim, WorkerBackend } from './backend.ts'
import { findTask } from './definition.ts'
import { LeaseExpired, TaskCancelled, WorkerShutdown, toTaskError } from './errors.ts'
import { emitTaskEvent } from './events.ts'
import type { TaskEventListener, TaskEventType } from './events.ts'
import { TaskResult } from './result.ts'
import { runAttempt } from './run.ts'
import { nextDue } from './schedule.ts'
import type { TaskSchedule } from './schedule.ts'

/** Options of `worker()`. */
export interface WorkerOptions {
  backend: WorkerBackend
  /** Queues to serve, in order of preference @default null (every queue) */
  queues?: readonly string[] | null | undefined
  /** Tasks run at once @default 1 */
  concurrency?: number | undefined
  /** Shown in `TaskResult.workerIds` @default `<host>:<pid>:<random>` */
  id?: string | undefined
  /** ms running tasks get to finish on stop before their signals abort @default 10_000 */
  graceMs?: number | undefined
  /** ms between sweeps for expired leases @default 15_000 */
  sweepIntervalMs?: number | undefined
  /** Registers `stop()` with the server's shutdown (`serve(app)`'s `HxServer`) */
  shutdown?: ShutdownRegistry | undefined
  /**
   * Recurring schedules from `schedule()` this worker enqueues when due (needs a backend with
   * `runSchedules`); any number of workers may run the same ones @default []
   */
  schedules?: readonly TaskSchedule[] | undefined
  /** Backend errors the loop survives (a locked or unreachable database) @default console.error */
  onError?: ((error: unknown) => void) | undefined
  /**
   * Told of every state change this worker writes (started, progress, succeeded, retrying,
   * failed, released), after the backend recorded it: the hook for live pages. It runs inline and
   * a throw goes to `onError`. @default none
   */
  onTaskEvent?: TaskEventListener | undefined
}

/** A running worker. */
export interface TaskWorker {
  readonly id: string
  /** Tasks running now. */
  readonly running: number
  /**
   * Stops claiming, waits up to `graceMs` for running tasks, then aborts their signals with
   * `WorkerShutdown` and releases them without spending an attempt.
   */
  stop(): Promise<void>
}

const KNOWN = [
  'backend',
  'queues',
  'concurrency',
  'id',
  'graceMs',
  'sweepIntervalMs',
  'shutdown',
  'onError',
  'schedules',
  'onTaskEvent',
]

function count(name: string, value: unknown, fallback: number, min: number): number {
  const given = value ?? fallback
  if (typeof given !== 'number' || !Number.isInteger(given) || given < min) {
    throw new TypeError(`worker(): "${name}" must be an integer ≥ ${String(min)}.`)
  }
  return given
}

const pause = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((done) => {
    const onAbort = (): void => {
      clearTimeout(timer)
      done()
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      done()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })

/**
 * Starts a worker in this process: it claims tasks from the backend (at once on an enqueue in this
 * process, within `pollMs` of one in another), runs up to `concurrency` at a time with a lease it
 * renews every `leaseMs / 2`, retries failures by the task's backoff, sweeps expired leases, and
 * enqueues its `schedules` when they are due (until it stops).
 * @param options see `WorkerOptions`
 * @see docs/tasks.md
 * @example
 * const server = serve(app)
 * worker({ backend, concurrency: 4, shutdown: server })
 */
export function worker(options: WorkerOptions): TaskWorker {
  checkKeys('worker()', options, KNOWN)
  const { backend } = options
  if (typeof backend !== 'object' || typeof backend.claim !== 'function') {
    throw new TypeError('worker(): "backend" must be a worker backend (sqliteBackend(db), …).')
  }
  const concurrency = count('concurrency', options.concurrency, 1, 1)
  const graceMs = count('graceMs', options.graceMs, 10_000, 0)
  const sweepIntervalMs = count('sweepIntervalMs', options.sweepIntervalMs, 15_000, 1)
  const id = options.id ?? `${hostname()}:${String(process.pid)}:${randomUUID().slice(0, 8)}`
  const queues = options.queues ?? null
  const schedules = options.schedules ?? []
  if (!Array.isArray(schedules)) {
    throw new TypeError('worker(): "schedules" must be an array of schedule() results.')
  }
  const names = new Set<string>()
  for (const entry of schedules as readonly TaskSchedule[]) {
    if (typeof entry !== 'object' || typeof entry.next !== 'function') {
      throw new TypeError('worker(): "schedules" must be an array of schedule() results.')
    }
    if (names.has(entry.name)) {
      throw new TypeError(`worker(): two schedules are named "${entry.name}"; give one a name.`)
    }
    names.add(entry.name)
  }
  const runSchedules = backend.runSchedules?.bind(backend)
  if (schedules.length > 0 && runSchedules === undefined) {
    throw new TypeError(`worker(): "schedules": the ${backend.name} backend cannot run schedules.`)
  }
  const onError =
    options.onError ??
    ((error: unknown) => {
      console.error('hxkit/tasks worker:', error)
    })
  if (options.onTaskEvent !== undefined && typeof options.onTaskEvent !== 'function') {
    throw new TypeError('worker(): "onTaskEvent" must be a function.')
  }
  const tell = (type: TaskEventType, claim: TaskClaim): void => {
    emitTaskEvent(
      options.onTaskEvent,
      { type, id: claim.id, taskName: claim.taskName, attempt: claim.attempt },
      onError
    )
  }
  const stopping = new AbortController()
  const stopped = new Promise<void>((done) => {
    stopping.signal.addEventListener('abort', () => {
      done()
    })
  })
  const active = new Map<Promise<void>, AbortController>()
  let slotFreed: () => void = () => {}

  const execute = async (claim: TaskClaim, controller: AbortController): Promise<void> => {
    const definition = findTask(claim.taskName)
    if (definition === undefined) {
      const error = new TypeError(`worker: no task named "${claim.taskName}" in this process.`)
      error.name = 'UnknownTask'
      if (await backend.fail(claim, toTaskError(error, claim.attempt), null)) {
        tell('failed', claim)
      }
      return
    }
    // A worker that cannot renew its lease (a locked database, Redis down) gives the task up
    // before the lease can run out, so it never runs here while the sweeper hands it to another.
    const lapse = (): void => {
      controller.abort(new LeaseExpired(`${claim.id}: the lease could not be renewed in time.`))
    }
    let expiry = setTimeout(lapse, backend.leaseMs * 0.9)
    const beat = setInterval(() => {
      const sent = Date.now()
      backend.heartbeat(claim).then((outcome) => {
        if (outcome.held) {
          clearTimeout(expiry)
          expiry = setTimeout(lapse, Math.max(0, sent + backend.leaseMs * 0.9 - Date.now()))
        }
        if (!outcome.held) {
          controller.abort(new LeaseExpired(`${claim.id}: the lease was lost.`))
        } else if (outcome.cancelRequested) {
          controller.abort(new TaskCancelled(`${claim.id}: cancelled while running.`))
        }
      }, onError)
    }, backend.leaseMs / 2)
    const unsubscribe = backend.onCancel((cancelled) => {
      if (cancelled === claim.id) {
        controller.abort(new TaskCancelled(`${claim.id}: cancelled while running.`))
      }
    })
    try {
      const record = definition.takesContext ? await backend.getResult(claim.id) : null
      const outcome = await runAttempt(definition, claim.args, {
        attempt: claim.attempt,
        result: record === null ? (null as never) : new TaskResult(record, backend),
        idempotencyKey: claim.idempotencyKey,
        signal: controller.signal,
        progress: async (progress) => {
          const written = await backend.progress(claim, progress)
          if (written) {
            tell('progress', claim)
          }
          return written
        },
        transaction: (fn) =>
          backend.transaction === undefined
            ? Promise.reject(
                new TypeError(
                  `context.transaction(): the ${backend.name} backend has no database to fence a transaction in.`
                )
              )
            : backend.transaction(claim, fn),
      })
      if (outcome.ok) {
        if (await backend.complete(claim, outcome.value)) {
          tell('succeeded', claim)
        }
        return
      }
      const { error } = outcome
      if (error instanceof WorkerShutdown) {
        if (await backend.release(claim)) {
          tell('released', claim)
        }
      } else if (!(error instanceof LeaseExpired)) {
        const delay =
          error instanceof TaskCancelled || claim.attempt >= claim.maxAttempts
            ? null
            : definition.backoff(claim.attempt, error)
        const retryAt = delay === null ? null : new Date(Date.now() + delay)
        if (await backend.fail(claim, toTaskError(error, claim.attempt), retryAt)) {
          tell(retryAt === null ? 'failed' : 'retrying', claim)
        }
      }
    } finally {
      clearInterval(beat)
      clearTimeout(expiry)
      unsubscribe()
    }
  }

  const start = (claim: TaskClaim): void => {
    tell('started', claim)
    const controller = new AbortController()
    const run: Promise<void> = execute(claim, controller)
      .catch(onError)
      .finally(() => {
        active.delete(run)
        slotFreed()
      })
    active.set(run, controller)
  }

  const loop = async (): Promise<void> => {
    let nextSweep = 0
    let nextSchedule = schedules.length > 0 ? 0 : Infinity
    while (!stopping.signal.aborted) {
      try {
        if (Date.now() >= nextSweep) {
          nextSweep = Date.now() + sweepIntervalMs
          await backend.sweep()
        }
        if (runSchedules !== undefined && Date.now() >= nextSchedule) {
          const now = new Date()
          await runSchedules(schedules, now)
          nextSchedule = nextDue(schedules, now)
        }
        const wake = Math.max(1, Math.min(nextSweep, nextSchedule) - Date.now())
        if (active.size >= concurrency) {
          // a busy worker still wakes for a due schedule (or a sweep)
          const timeout = new AbortController()
          await Promise.race([
            new Promise<void>((done) => {
              slotFreed = done
            }),
            stopped,
            pause(wake, timeout.signal),
          ])
          timeout.abort()
          continue
        }
        const claim = await backend.claim(id, queues)
        if (claim !== null) {
          start(claim)
          continue
        }
        await backend.waitForWork(stopping.signal, wake)
      } catch (error) {
        onError(error)
        await pause(1_000, stopping.signal)
      }
    }
  }
  const looping = loop()

  let draining: Promise<void> | undefined
  const stop = (): Promise<void> => {
    draining ??= (async () => {
      stopping.abort()
      await looping
      const timeout = new AbortController()
      await Promise.race([Promise.all(active.keys()), pause(graceMs, timeout.signal)])
      timeout.abort()
      for (const controller of active.values()) {
        controller.abort(new WorkerShutdown(`worker ${id} is shutting down.`))
      }
      await Promise.all(active.keys())
    })()
    return draining
  }
  options.shutdown?.onShutdown(() => stop(), { phase: 'stop' })

  return {
    id,
    get running(): number {
      return active.size
    },
    stop,
  }
}

/**
 * Runs a worker as its own process: `worker(options)` plus SIGTERM and SIGINT handlers that stop
 * it gracefully and exit with code 0 (1 if stopping failed). Import the modules that define your
 * tasks before calling it.
 * @param options see `WorkerOptions`
 * @see docs/tasks.md
 * @example
 * // worker.ts — node --import tsx worker.ts
 * import './tasks.ts'
 * runWorker({ backend: sqliteBackend(new Database('data/app.db')), concurrency: 4 })
 */
export function runWorker(options: Omit<WorkerOptions, 'shutdown'>): TaskWorker {
  const running = worker(options)
  const onSignal = (): void => {
    process.off('SIGTERM', onSignal)
    process.off('SIGINT', onSignal)
    running.stop().then(
      // eslint-disable-next-line n/no-process-exit -- a worker process ends when its worker has stopped
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        // eslint-disable-next-line n/no-process-exit -- as above
        process.exit(1)
      }
    )
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
  return running
}
