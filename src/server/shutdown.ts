import type { MiddlewareHandler } from 'hono'

/**
 * A stop function. It gets a signal that aborts when the shutdown stops waiting for it (the
 * timeout); a returned promise is awaited.
 */
export type ShutdownHook = (deadline: AbortSignal) => unknown

/**
 * When a hook runs: `'stop'` as the server stops accepting connections, alongside the requests
 * still running (stop claiming jobs, end live streams); `'cleanup'` once those and every stop hook
 * have finished (release leases, close the database).
 */
export type ShutdownPhase = 'stop' | 'cleanup'

/** How a shutdown ended: `'clean'`, `'forced'` (connections were cut at the timeout) or `'stuck'` (the watchdog gave up). */
export type ShutdownOutcome = 'clean' | 'forced' | 'stuck'

/** What other parts of an app need to take part in the shutdown. */
export interface ShutdownRegistry {
  /**
   * Registers a stop function, awaited during the shutdown.
   * @returns a function that unregisters it (for things that end earlier, like one live stream)
   */
  onShutdown(hook: ShutdownHook, options?: { phase?: ShutdownPhase | undefined }): () => void
}

export interface Timing {
  drainDelay: number
  timeout: number
  watchdog: number
}

/** The pieces of the server the sequence drives. */
export interface Closable {
  close(done: () => void): void
  closeIdleConnections(): void
  closeAllConnections(): void
}

const PHASES: readonly string[] = ['stop', 'cleanup']

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      done()
    })
  })
}

/** Counts the requests whose handlers are still running. */
export function requestTracker(): { middleware: MiddlewareHandler; idle: () => Promise<void> } {
  let running = 0
  let waiters: (() => void)[] = []
  const settle = (): void => {
    if (running === 0) {
      for (const done of waiters) {
        done()
      }
      waiters = []
    }
  }
  return {
    middleware: async function trackRequest(_c, next) {
      running++
      try {
        await next()
      } finally {
        running--
        settle()
      }
    },
    idle: () =>
      new Promise((done) => {
        waiters.push(done)
        settle()
      }),
  }
}

/** The registry and the sequence of docs/server.md, "Shutdown": drain, close, wait, force, clean up. */
export function shutdownSequence(
  server: Closable,
  timing: Timing,
  hooks: { idle: () => Promise<void>; log: (line: string) => void; onDrain: () => void }
): ShutdownRegistry & { run: () => Promise<ShutdownOutcome> } {
  const registered: Record<ShutdownPhase, Set<ShutdownHook>> = {
    stop: new Set(),
    cleanup: new Set(),
  }
  let running: Promise<ShutdownOutcome> | null = null
  const deadline = new AbortController()

  const runHooks = (phase: ShutdownPhase): Promise<unknown> =>
    Promise.all(
      [...registered[phase]].map(async (hook) => {
        try {
          await hook(deadline.signal)
        } catch (error) {
          hooks.log(`shutdown: a ${phase} hook failed: ${String(error)}`)
        }
      })
    )

  async function sequence(timers: AbortSignal): Promise<ShutdownOutcome> {
    hooks.onDrain()
    await sleep(timing.drainDelay, timers)
    const closed = new Promise<void>((done) => {
      server.close(done)
    })
    // Node ≥ 19 closes idle keep-alive sockets in close(); sockets busy until now close after their response
    server.closeIdleConnections()
    const work = Promise.all([closed, hooks.idle(), runHooks('stop')])
    const clean = await Promise.race([
      work.then(() => true),
      sleep(timing.timeout, timers).then(() => false),
    ])
    if (!clean) {
      hooks.log(`shutdown: still busy after ${String(timing.timeout)} ms, closing every connection`)
      deadline.abort()
      server.closeAllConnections()
      await work
    }
    await runHooks('cleanup')
    return clean ? 'clean' : 'forced'
  }

  async function run(): Promise<ShutdownOutcome> {
    const timers = new AbortController()
    const budget = timing.drainDelay + timing.timeout + timing.watchdog
    try {
      return await Promise.race([
        sequence(timers.signal),
        sleep(budget, timers.signal).then(() => 'stuck' as const),
      ])
    } finally {
      timers.abort()
    }
  }

  return {
    onShutdown(hook, options = {}) {
      if (typeof hook !== 'function') {
        throw new TypeError('onShutdown(): the hook must be a function')
      }
      const phase = options.phase ?? 'stop'
      if (!PHASES.includes(phase)) {
        throw new TypeError('onShutdown(): "phase" must be one of stop, cleanup')
      }
      registered[phase].add(hook)
      return () => {
        registered[phase].delete(hook)
      }
    },
    run: () => (running ??= run()),
  }
}
