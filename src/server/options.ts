import type { AddressInfo } from 'node:net'
import { checkKeys } from '../internal/options.ts'
import { checkInteger } from './check.ts'
import type { CompressionOptions } from './compress.ts'
import { staticFiles } from './static.ts'
import type { StaticFiles, StaticOptions } from './static.ts'

/** The load balancer in front of the app; its idle timeout decides the keep-alive timeout. */
export interface LoadBalancerOptions {
  /** The balancer's idle timeout in ms (AWS ALB: 60 s). @default 60_000 */
  idleTimeout?: number | undefined
}

/** How the process stops on a signal (the defaults fit `docker stop`, or Kubernetes behind a balancer). */
export interface ShutdownOptions {
  /** Signals that start the shutdown; `false` installs no handler. @default ['SIGTERM', 'SIGINT'] */
  signals?: readonly NodeJS.Signals[] | false | undefined
  /** How long `/readyz` answers 503 while requests are still served. @default 0 (5_000 behind a load balancer) */
  drainDelay?: number | undefined
  /** After `close()`, how long requests and stop hooks may take before connections are cut. @default 7_000 (20_000 behind a load balancer) */
  timeout?: number | undefined
  /** After that, how long until the process gives up and exits with 1. @default 2_000 */
  watchdog?: number | undefined
}

/** Paths of the health routes; `false` leaves one out. */
export interface HealthOptions {
  /** Liveness: 200 while the process runs. @default '/healthz' */
  liveness?: string | false | undefined
  /** Readiness: 200 when ready, 503 while draining or after `setReady(false)`. @default '/readyz' */
  readiness?: string | false | undefined
}

/** Options of `serve()`. Times are in milliseconds. */
export interface ServeOptions {
  /** The port; 0 picks a free one. @default Number(process.env.PORT) or 3000 */
  port?: number | undefined
  /** The address to listen on. @default process.env.HOST or '127.0.0.1' */
  hostname?: string | undefined
  /** Longest time to receive a whole request (Node's `requestTimeout`), 1–120_000. @default 30_000, at least `headersTimeout` */
  requestTimeout?: number | undefined
  /** Longest time to receive the headers; above `keepAliveTimeout`. @default the larger of 15_000 and `keepAliveTimeout` + 1_000 */
  headersTimeout?: number | undefined
  /** How long an idle keep-alive connection stays open; ≤ 10_000, or above the balancer's idle timeout. @default 5_000 (65_000 behind a load balancer) */
  keepAliveTimeout?: number | undefined
  /** Largest request head in bytes, ≤ 16_384. @default 16_384 */
  maxHeaderSize?: number | undefined
  /** Set when a load balancer or reverse proxy keeps connections to the app open. @default false */
  behindLoadBalancer?: boolean | LoadBalancerOptions | undefined
  /** The shutdown sequence. */
  shutdown?: ShutdownOptions | undefined
  /** The static files (a `staticFiles()` result, or its options); `false` for none. @default staticFiles() */
  static?: StaticFiles | StaticOptions | false | undefined
  /** Response compression; `false` for none. @default {} */
  compression?: CompressionOptions | false | undefined
  /** The health routes; `false` for none. @default {} */
  health?: HealthOptions | false | undefined
  /** Called once the server listens. @default logs the URL with `log` */
  onListen?: ((address: AddressInfo) => void) | undefined
  /** Where the server's few log lines go (listening, shutdown). @default console.error */
  log?: ((line: string) => void) | undefined
  /**
   * A promise rejected with nobody awaiting it (a handler's forgotten `void save()`): `'log'`
   * logs it with its stack and keeps serving every other request; `'exit'` keeps Node's default,
   * which ends the process and every request in flight. @default 'log'
   */
  unhandledRejections?: 'log' | 'exit' | undefined
}

/** The options with every default applied and every value checked. */
export interface ServeConfig {
  port: number
  hostname: string
  requestTimeout: number
  headersTimeout: number
  keepAliveTimeout: number
  maxHeaderSize: number
  signals: readonly NodeJS.Signals[]
  drainDelay: number
  timeout: number
  watchdog: number
  static: StaticFiles | null
  compression: CompressionOptions | null
  liveness: string | null
  readiness: string | null
  onListen: ((address: AddressInfo) => void) | null
  log: (line: string) => void
  unhandledRejections: 'log' | 'exit'
}

const FN = 'serve()'
const KEYS = [
  'port',
  'hostname',
  'requestTimeout',
  'headersTimeout',
  'keepAliveTimeout',
  'maxHeaderSize',
  'behindLoadBalancer',
  'shutdown',
  'static',
  'compression',
  'health',
  'onListen',
  'log',
  'unhandledRejections',
] as const
const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGUSR2']
const MAX_REQUEST_TIMEOUT = 120_000
const MAX_IDLE_KEEP_ALIVE = 10_000
const MAX_HEADER_SIZE = 16_384

function loadBalancerIdle(value: ServeOptions['behindLoadBalancer']): number | null {
  if (value === undefined || value === false) {
    return null
  }
  if (value === true) {
    return 60_000
  }
  if (typeof value !== 'object') {
    throw new TypeError(`${FN}: "behindLoadBalancer" must be true, false or { idleTimeout }`)
  }
  checkKeys(`${FN} behindLoadBalancer`, value, ['idleTimeout'])
  return checkInteger(FN, 'behindLoadBalancer.idleTimeout', value.idleTimeout, 60_000, { min: 1 })
}

function timeouts(options: ServeOptions, idle: number | null) {
  const keepAliveTimeout = checkInteger(
    FN,
    'keepAliveTimeout',
    options.keepAliveTimeout,
    idle === null ? 5_000 : idle + 5_000,
    { min: 1 }
  )
  if (idle === null && keepAliveTimeout > MAX_IDLE_KEEP_ALIVE) {
    throw new TypeError(
      `${FN}: "keepAliveTimeout" must be at most ${String(MAX_IDLE_KEEP_ALIVE)} without a load balancer; set behindLoadBalancer when one keeps connections open`
    )
  }
  if (idle !== null && keepAliveTimeout <= idle) {
    throw new TypeError(
      `${FN}: "keepAliveTimeout" (${String(keepAliveTimeout)}) must be longer than the load balancer's idle timeout (${String(idle)}), or the balancer reuses closed connections (502s)`
    )
  }
  const headersTimeout = checkInteger(
    FN,
    'headersTimeout',
    options.headersTimeout,
    Math.max(15_000, keepAliveTimeout + 1_000),
    { min: 1 }
  )
  if (headersTimeout <= keepAliveTimeout) {
    throw new TypeError(`${FN}: "headersTimeout" must be longer than "keepAliveTimeout"`)
  }
  const requestTimeout = checkInteger(
    FN,
    'requestTimeout',
    options.requestTimeout,
    Math.max(30_000, headersTimeout),
    { min: 1, max: MAX_REQUEST_TIMEOUT }
  )
  // Node refuses a headersTimeout above requestTimeout; say so in our terms
  if (requestTimeout < headersTimeout) {
    throw new TypeError(`${FN}: "requestTimeout" must be at least "headersTimeout"`)
  }
  return { keepAliveTimeout, headersTimeout, requestTimeout }
}

function shutdownConfig(options: ShutdownOptions | undefined, behindLb: boolean) {
  const shutdown = options ?? {}
  checkKeys(`${FN} shutdown`, shutdown, ['signals', 'drainDelay', 'timeout', 'watchdog'])
  const signals = shutdown.signals ?? ['SIGTERM', 'SIGINT']
  if (
    signals !== false &&
    (!Array.isArray(signals) || !signals.every((s: unknown) => SIGNALS.includes(s as string)))
  ) {
    throw new TypeError(
      `${FN}: "shutdown.signals" must be false or a list of ${SIGNALS.join(', ')}`
    )
  }
  const range = { min: 0, max: 600_000 }
  return {
    signals: signals === false ? [] : signals,
    drainDelay: checkInteger(
      FN,
      'shutdown.drainDelay',
      shutdown.drainDelay,
      behindLb ? 5_000 : 0,
      range
    ),
    timeout: checkInteger(FN, 'shutdown.timeout', shutdown.timeout, behindLb ? 20_000 : 7_000, {
      min: 1,
      max: 600_000,
    }),
    watchdog: checkInteger(FN, 'shutdown.watchdog', shutdown.watchdog, 2_000, {
      min: 1,
      max: 60_000,
    }),
  }
}

function healthPath(
  name: string,
  value: string | false | undefined,
  fallback: string
): string | null {
  const path = value ?? fallback
  if (path === false) {
    return null
  }
  if (typeof path !== 'string' || !/^\/[\w./-]*$/.test(path)) {
    throw new TypeError(`${FN}: "health.${name}" must be a path starting with / or false`)
  }
  return path
}

function isStaticFiles(value: object): value is StaticFiles {
  return 'handler' in value && 'url' in value
}

function envPort(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env['PORT']
  if (raw === undefined || raw === '') {
    return undefined
  }
  const port = Number(raw)
  if (!Number.isSafeInteger(port)) {
    throw new TypeError(`${FN}: "port" from the PORT variable must be a whole number, got ${raw}`)
  }
  return port
}

/** Applies the defaults and checks every option, timeouts first (docs/server.md, "Timeouts"). */
export function resolveServeOptions(
  options: ServeOptions,
  env: NodeJS.ProcessEnv = process.env
): ServeConfig {
  checkKeys(FN, options, KEYS)
  const idle = loadBalancerIdle(options.behindLoadBalancer)
  const hostname = options.hostname ?? env['HOST'] ?? '127.0.0.1'
  if (typeof hostname !== 'string' || hostname === '') {
    throw new TypeError(`${FN}: "hostname" must be a non-empty string`)
  }
  const health: HealthOptions =
    options.health === false ? { liveness: false, readiness: false } : (options.health ?? {})
  checkKeys(`${FN} health`, health, ['liveness', 'readiness'])
  const stat = options.static ?? {}
  const compression = options.compression ?? {}
  if (options.onListen !== undefined && typeof options.onListen !== 'function') {
    throw new TypeError(`${FN}: "onListen" must be a function`)
  }
  if (options.log !== undefined && typeof options.log !== 'function') {
    throw new TypeError(`${FN}: "log" must be a function`)
  }
  const unhandled: unknown = options.unhandledRejections ?? 'log'
  if (unhandled !== 'log' && unhandled !== 'exit') {
    throw new TypeError(`${FN}: "unhandledRejections" must be 'log' or 'exit'`)
  }
  return {
    port: checkInteger(FN, 'port', options.port ?? envPort(env), 3000, { min: 0, max: 65_535 }),
    hostname,
    ...timeouts(options, idle),
    maxHeaderSize: checkInteger(FN, 'maxHeaderSize', options.maxHeaderSize, MAX_HEADER_SIZE, {
      min: 1,
      max: MAX_HEADER_SIZE,
    }),
    ...shutdownConfig(options.shutdown, idle !== null),
    static: stat === false ? null : isStaticFiles(stat) ? stat : staticFiles(stat),
    compression: compression === false ? null : compression,
    liveness: healthPath('liveness', health.liveness, '/healthz'),
    readiness: healthPath('readiness', health.readiness, '/readyz'),
    onListen: options.onListen ?? null,
    log: options.log ?? console.error,
    unhandledRejections: unhandled,
  }
}
