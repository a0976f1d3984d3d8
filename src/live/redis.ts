// Fan-out across processes through Redis pub/sub: every hub subscribes to one pattern, so a
// publish on any instance (or a worker process) reaches the streams held by all of them.
import { checkKeys } from '../internal/options.ts'
import { checkChannel, checkHint } from './bus.ts'
import type { BusListener, LiveBus, LiveHint } from './bus.ts'

/** What `redisBus()` uses of an ioredis client (`new Redis(url)`); typed here so ioredis stays optional. */
export interface RedisConnection {
  publish(channel: string, message: string): Promise<number>
  psubscribe(pattern: string): Promise<unknown>
  punsubscribe(pattern: string): Promise<unknown>
  on(
    event: 'pmessage',
    listener: (pattern: string, channel: string, message: string) => void
  ): unknown
  /** A second connection: a subscribed connection can do nothing else. */
  duplicate(): RedisConnection
  quit(): Promise<unknown>
}

/** Options of `redisBus()`. */
export interface RedisBusOptions {
  /** An ioredis client; the bus publishes on it and subscribes on a `duplicate()` of it. */
  connection: RedisConnection
  /** Prefix of the Redis channel names. @default 'hxkit:live:' */
  prefix?: string | undefined
}

// how long a failed subscribe waits before it is tried again
const RETRY_MS = 1_000

function decode(message: string): LiveHint | null {
  try {
    const parsed: unknown = JSON.parse(message)
    return parsed === null ? undefined : checkHint('redisBus()', parsed)
  } catch {
    // a foreign or broken message on our channels is dropped, never thrown
    return null
  }
}

/**
 * A bus over Redis pub/sub (ioredis), so publishes reach the streams of every instance. Publish
 * from a worker process with the same bus and no hub.
 *
 * @param options - `connection` (an ioredis client), `prefix`
 * @returns the bus
 * @throws TypeError at startup without a connection or with a bad prefix
 * @see docs/live.md
 * @example
 * import { Redis } from 'ioredis'
 * const hub = liveHub({ bus: redisBus({ connection: new Redis(process.env.REDIS_URL) }) })
 */
export function redisBus(options: RedisBusOptions): LiveBus {
  checkKeys('redisBus()', options, ['connection', 'prefix'])
  const { connection } = options
  if (
    typeof (connection as RedisConnection | undefined)?.publish !== 'function' ||
    typeof connection.duplicate !== 'function'
  ) {
    throw new TypeError('redisBus(): "connection" must be an ioredis client')
  }
  const prefix = options.prefix ?? 'hxkit:live:'
  if (typeof prefix !== 'string' || !/^[\w:.-]*$/.test(prefix)) {
    throw new TypeError('redisBus(): "prefix" must be letters, digits, _ : . or -')
  }
  const pattern = `${prefix}*`
  const listeners = new Set<BusListener>()
  let subscriber: RedisConnection | undefined
  let closed = false

  const deliver = (_pattern: string, channel: string, message: string): void => {
    const name = channel.slice(prefix.length)
    const hint = decode(message)
    if (hint === null || !/^[A-Za-z][\w.-]*(?::[\w.:-]+)?$/.test(name)) {
      return
    }
    for (const listener of listeners) {
      listener(name, hint)
    }
  }

  // One (un)subscribe at a time, ending in the state last asked for: a stream that opens and
  // closes before the connection is up must not leave the pattern subscribed.
  let wanted = false
  let subscribed = false
  let syncing: Promise<void> = Promise.resolve()
  // Subscribers waiting for Redis to acknowledge the pattern: a publish before that is not heard.
  const waiting = new Set<() => void>()
  const acknowledge = (): void => {
    if (!subscribed || !wanted) {
      return
    }
    const ready = [...waiting]
    waiting.clear()
    for (const onReady of ready) {
      onReady()
    }
  }
  // A failed (un)subscribe (Redis down, the command timed out) is tried again a second after each
  // failure until it holds, so streams waiting for their first render get it once Redis is back.
  // An outage is logged once when it starts and once when it ends.
  let retry: ReturnType<typeof setTimeout> | undefined
  let failing = false
  const sync = (): void => {
    syncing = syncing
      .then(async () => {
        while (subscriber !== undefined && wanted !== subscribed) {
          const target = wanted
          await (target ? subscriber.psubscribe(pattern) : subscriber.punsubscribe(pattern))
          subscribed = target
        }
        if (failing) {
          failing = false
          console.error('hxkit/live: Redis subscription restored')
        }
        acknowledge()
      })
      .catch((error: unknown) => {
        if (closed) {
          return
        }
        if (!failing) {
          failing = true
          console.error('hxkit/live: Redis subscription failed, retrying every second:', error)
        }
        if (retry === undefined) {
          retry = setTimeout(() => {
            retry = undefined
            sync()
          }, RETRY_MS)
          retry.unref()
        }
      })
  }

  return {
    async publish(channel, hint) {
      checkChannel('publish()', channel)
      const checked = checkHint('publish()', hint)
      if (closed) {
        return
      }
      await connection.publish(`${prefix}${channel}`, JSON.stringify(checked ?? null))
    },
    subscribe(listener, onReady) {
      const own: BusListener = (channel, hint) => {
        listener(channel, hint)
      }
      const ready =
        onReady === undefined
          ? undefined
          : (): void => {
              onReady()
            }
      if (ready !== undefined) {
        waiting.add(ready)
      }
      if (listeners.size === 0 && !closed) {
        if (subscriber === undefined) {
          subscriber = connection.duplicate()
          subscriber.on('pmessage', deliver)
        }
        wanted = true
        sync()
      } else if (subscribed && wanted) {
        acknowledge()
      }
      listeners.add(own)
      return () => {
        if (ready !== undefined) {
          waiting.delete(ready)
        }
        if (!listeners.delete(own) || listeners.size > 0 || closed) {
          return
        }
        wanted = false
        sync()
      }
    },
    get subscriptions() {
      return listeners.size
    },
    async close() {
      closed = true
      clearTimeout(retry)
      listeners.clear()
      waiting.clear()
      const open = subscriber
      subscriber = undefined
      await syncing
      await open?.quit()
    },
  }
}
