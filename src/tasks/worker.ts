import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { checkKeys } from '../internal/options.ts'
import type { ShutdownRegistry } from '../server/index.ts'
import type { TaskClaim, WorkerBackend } from './backend.ts'
import { findTask } from './definition.ts'
import { LeaseExpired, TaskCancelled, WorkerShutdown, toTaskError } from './errors.ts'
import { TaskResult } from './result.ts'
import { runAttempt } from './run.ts'

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
  /** Backend errors the loop survives (a locked or unreachable database) @default console.error */
  onError?: ((error: unknown) => void) | undefined
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
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      done()
    })
  })

/**
 * Starts a worker in this process: it claims tasks from the backend (at once on an enqueue in this
 * process, within `pollMs` of one in another), runs up to `concurrency` at a time with a lease it
 * renews every `leaseMs / 2`, retries failures by the task's backoff, and sweeps expired leases.
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
  const onError =
    options.onError ??
    ((error: unknown) => {
      console.error('hxkit/tasks worker:', error)
    })
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
      await backend.fail(claim, toTaskError(error, claim.attempt), null)
      return
    }
    const beat = setInterval(() => {
      backend.heartbeat(claim).then((outcome) => {
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
        progress: (progress) => backend.progress(claim, progress),
      })
      if (outcome.ok) {
        await backend.complete(claim, outcome.value)
        return
      }
      const { error } = outcome
      if (error instanceof WorkerShutdown) {
        await backend.release(claim)
      } else if (!(error instanceof LeaseExpired)) {
        const delay =
          error instanceof TaskCancelled || claim.attempt >= claim.maxAttempts
            ? null
            : definition.backoff(claim.attempt, error)
        const retryAt = delay === null ? null : new Date(Date.now() + delay)
        await backend.fail(claim, toTaskError(error, claim.attempt), retryAt)
      }
    } finally {
      clearInterval(beat)
      unsubscribe()
    }
  }

  const start = (claim: TaskClaim): void => {
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
    while (!stopping.signal.aborted) {
      try {
        if (Date.now() >= nextSweep) {
          nextSweep = Date.now() + sweepIntervalMs
          await backend.sweep()
        }
        if (active.size >= concurrency) {
          await Promise.race([
            new Promise<void>((done) => {
              slotFreed = done
            }),
            stopped,
          ])
          continue
        }
        const claim = await backend.claim(id, queues)
        if (claim !== null) {
          start(claim)
          continue
        }
        await backend.waitForWork(stopping.signal, Math.max(1, nextSweep - Date.now()))
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
