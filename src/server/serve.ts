import { serve as listen } from '@hono/node-server'
import type { Env, Hono, Schema } from 'hono'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { composeApp } from './compose.ts'
import { resolveServeOptions } from './options.ts'
import type { ServeOptions } from './options.ts'
import { requestTracker, shutdownSequence } from './shutdown.ts'
import type { ShutdownOutcome, ShutdownRegistry } from './shutdown.ts'

/** A running server: its readiness switch, the shutdown registry and the shutdown itself. */
export interface HxServer extends ShutdownRegistry {
  /** The Node HTTP server. */
  readonly server: Server
  /** Resolves with the address once the server listens. */
  readonly listening: Promise<AddressInfo>
  /** What the readiness route answers: false while draining or after `setReady(false)`. */
  readonly ready: boolean
  /** Switches readiness (e.g. `false` while a dependency is down); ignored once shutting down. */
  setReady(ready: boolean): void
  /** Runs the shutdown sequence without exiting; the same promise on every call. */
  shutdown(): Promise<ShutdownOutcome>
  /** The composed fetch handler (compression, health routes, the app, static files). */
  readonly fetch: (request: Request) => Response | Promise<Response>
}

/**
 * Serves a hono app with @hono/node-server: timeouts checked at start, compression, `/healthz`
 * and `/readyz`, static files behind the app's own middleware, and a graceful shutdown on
 * SIGTERM and SIGINT (readiness 503, drain, `close()`, stop hooks, `closeAllConnections()` at the
 * timeout, exit 0; a watchdog exits 1 when something still hangs).
 *
 * @param app - the app; `serve()` adds one route after yours, `GET /*`, for the static files
 * @param options - timeouts, `behindLoadBalancer`, `shutdown`, `static`, `compression`, `health`
 * @returns the running server
 * @throws TypeError at start-up for an unknown option or a value out of range, naming it
 * @see docs/server.md
 * @example
 * const server = serve(app, { behindLoadBalancer: true })
 * server.onShutdown(() => db.close(), { phase: 'cleanup' })
 */
export function serve<E extends Env, S extends Schema, B extends string>(
  app: Hono<E, S, B>,
  options: ServeOptions = {}
): HxServer {
  const config = resolveServeOptions(options)
  let ready = true
  let closing = false
  const tracker = requestTracker()
  const root = composeApp(
    app,
    config,
    { ready: () => ready, closing: () => closing },
    tracker.middleware
  )
  let onListening: (address: AddressInfo) => void = () => undefined
  const listening = new Promise<AddressInfo>((done) => {
    onListening = done
  })
  const server = listen(
    {
      fetch: root.fetch,
      port: config.port,
      hostname: config.hostname,
      serverOptions: {
        requestTimeout: config.requestTimeout,
        headersTimeout: config.headersTimeout,
        keepAliveTimeout: config.keepAliveTimeout,
        maxHeaderSize: config.maxHeaderSize,
      },
    },
    (info) => {
      if (config.onListen === null) {
        config.log(`listening on http://${info.address}:${String(info.port)}`)
      } else {
        config.onListen(info)
      }
      onListening(info)
    }
  ) as Server
  const sequence = shutdownSequence(server, config, {
    idle: tracker.idle,
    log: config.log,
    onDrain: () => {
      ready = false
      closing = true
    },
  })
  const handlers = new Map<NodeJS.Signals, () => void>()
  // Node ends the process on an unhandled rejection, and with it every request in flight; the
  // one request that forgot to await has already been answered (docs/server.md)
  const onRejection = (reason: unknown): void => {
    config.log(
      `unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`
    )
  }
  if (config.unhandledRejections === 'log') {
    process.on('unhandledRejection', onRejection)
  }
  const shutdown = async (): Promise<ShutdownOutcome> => {
    const outcome = await sequence.run()
    for (const [signal, handler] of handlers) {
      process.off(signal, handler)
    }
    process.off('unhandledRejection', onRejection)
    return outcome
  }
  let signalled = false
  const exitAfter = (outcome: ShutdownOutcome): never => {
    if (outcome === 'stuck') {
      config.log('shutdown watchdog: still busy, exiting with 1')
    }
    // eslint-disable-next-line n/no-process-exit -- hung handlers and timers must not keep a stopped server alive
    process.exit(outcome === 'stuck' ? 1 : 0)
  }
  for (const signal of config.signals) {
    const handler = (): void => {
      if (signalled) {
        config.log(`${signal} again: exiting now`)
        // eslint-disable-next-line n/no-process-exit -- a second signal means "stop now"
        process.exit(1)
      }
      signalled = true
      config.log(`${signal}: shutting down`)
      // joins a shutdown() already under way; a failing sequence must still end the process
      shutdown().then(exitAfter, (error: unknown) => {
        config.log(
          `shutdown failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
        )
        // eslint-disable-next-line n/no-process-exit -- the sequence broke: do not hang
        process.exit(1)
      })
    }
    handlers.set(signal, handler)
    process.on(signal, handler)
  }
  return {
    server,
    listening,
    get ready() {
      return ready
    },
    setReady(value) {
      if (typeof value !== 'boolean') {
        throw new TypeError('setReady(): "ready" must be true or false')
      }
      if (!closing) {
        ready = value
      }
    },
    shutdown,
    onShutdown: (hook, hookOptions) => sequence.onShutdown(hook, hookOptions),
    fetch: root.fetch,
  }
}
