import { checkKeys } from '../internal/options.ts'
import { memoryBus } from './bus.ts'
import type { LiveBus } from './bus.ts'

/** Options of `liveHub()`. */
export interface LiveHubOptions {
  /** Carries publishes: in process (the default) or across instances (`redisBus()`). @default memoryBus() */
  bus?: LiveBus | undefined
  /** Coalescing: a stream renders a partial at most once per this many ms. @default 250 */
  interval?: number | undefined
  /** A comment line this often (ms) keeps idle streams open through proxies. @default 15000 */
  heartbeat?: number | undefined
  /** Open streams per process; past it clients get 503 with `Retry-After`. @default 10000 */
  maxStreams?: number | undefined
  /** Bytes a client may leave unread before its stream is dropped. @default 262144 */
  maxBuffered?: number | undefined
  /** The `Retry-After` (seconds) of an over-limit or shutting-down answer. @default 5 */
  retryAfter?: number | undefined
  /** The `retry:` (ms) sent at the start of each stream: the client's reconnect delay. @default 1000 */
  retry?: number | undefined
}

export interface HubConfig {
  readonly bus: LiveBus
  readonly interval: number
  readonly heartbeat: number
  readonly maxStreams: number
  readonly maxBuffered: number
  readonly retryAfter: number
  readonly retry: number
}

const KEYS = ['bus', 'interval', 'heartbeat', 'maxStreams', 'maxBuffered', 'retryAfter', 'retry']

function whole(name: string, value: number | undefined, fallback: number, min: number): number {
  const chosen = value ?? fallback
  if (!Number.isInteger(chosen) || chosen < min) {
    throw new TypeError(`liveHub(): "${name}" must be an integer >= ${String(min)}`)
  }
  return chosen
}

export function resolveHubOptions(options: LiveHubOptions): HubConfig {
  checkKeys('liveHub()', options, KEYS)
  const bus = options.bus ?? memoryBus()
  if (typeof bus.publish !== 'function' || typeof bus.subscribe !== 'function') {
    throw new TypeError('liveHub(): "bus" must be a LiveBus (memoryBus() or redisBus())')
  }
  return {
    bus,
    interval: whole('interval', options.interval, 250, 0),
    heartbeat: whole('heartbeat', options.heartbeat, 15_000, 10),
    maxStreams: whole('maxStreams', options.maxStreams, 10_000, 1),
    maxBuffered: whole('maxBuffered', options.maxBuffered, 256 * 1024, 1024),
    retryAfter: whole('retryAfter', options.retryAfter, 5, 0),
    retry: whole('retry', options.retry, 1000, 0),
  }
}
