import { Redis } from 'ioredis'
import { CONNECTION_FAILURE, RedisUnavailable } from '../internal/redis.ts'

/** A Redis URL without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@')
}

/** An ioredis client that fails commands fast while disconnected (no offline queue). */
export function openClient(url: string, offlineTimeoutMs: number): Redis {
  const client = new Redis(url, {
    // BullMQ's rule for its connections; with no offline queue it only affects retries while up
    maxRetriesPerRequest: null,
    enableOfflineQueue: false,
    commandTimeout: offlineTimeoutMs,
    connectTimeout: offlineTimeoutMs,
    // reconnect with backoff, forever: a worker outlives a Redis restart
    retryStrategy: (times: number) => Math.min(50 * 2 ** Math.min(times, 10), 2_000),
  })
  client.on('error', () => {
    // ioredis reports every failed reconnect here; the next command's error says it to the caller
  })
  return client
}

const pending = new WeakMap<Redis, Promise<void>>()

/** Resolves when `client` is connected, or throws `RedisUnavailable` after `ms`. */
export function whenReady(client: Redis, ms: number, url: string): Promise<void> {
  if (client.status === 'ready') {
    return Promise.resolve()
  }
  // one wait (and one pair of listeners) however many calls come in while disconnected
  let waiting = pending.get(client)
  if (waiting === undefined) {
    let lastError = ''
    const onError = (error: Error): void => {
      lastError = error.message
    }
    let onReady = (): void => {}
    let timer: NodeJS.Timeout | undefined
    client.on('error', onError)
    waiting = new Promise<void>((resolve, reject) => {
      onReady = resolve
      client.once('ready', onReady)
      timer = setTimeout(() => {
        reject(
          new RedisUnavailable(
            `Redis at ${redactUrl(url)} did not answer within ${String(ms)} ms` +
              (lastError === '' ? '.' : ` (${lastError}).`)
          )
        )
      }, ms)
    }).finally(() => {
      clearTimeout(timer)
      client.off('error', onError)
      client.off('ready', onReady)
      pending.delete(client)
    })
    pending.set(client, waiting)
  }
  return waiting
}

/** `error` as a `RedisUnavailable` when it says the connection failed; otherwise `error`. */
export function asUnavailable(error: unknown, url: string): unknown {
  if (
    error instanceof Error &&
    !(error instanceof RedisUnavailable) &&
    CONNECTION_FAILURE.test(error.message)
  ) {
    return new RedisUnavailable(`Redis at ${redactUrl(url)} is unreachable (${error.message}).`, {
      cause: error,
    })
  }
  return error
}
