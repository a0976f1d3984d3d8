// The options both Redis stores of hxkit/auth take, checked once for both.
import { REDIS_PREFIX } from '../internal/redis.ts'
import type { RedisScripting } from '../internal/redis.ts'

/** The checked options every Redis store of hxkit/auth takes. */
export interface CheckedRedisOptions {
  readonly connection: RedisScripting
  readonly prefix: string
  readonly timeoutMs: number
}

/**
 * Checks a Redis store's `connection`, `prefix` and `timeoutMs` (default 2000 ms).
 *
 * @param what - the store's name, for messages
 * @param options - the options as given
 * @param defaultPrefix - the store's own prefix
 * @throws TypeError for a missing connection, a bad prefix or timeout
 */
export function checkRedisOptions(
  what: string,
  options: {
    readonly connection: RedisScripting
    readonly prefix?: string | undefined
    readonly timeoutMs?: number | undefined
  },
  defaultPrefix: string
): CheckedRedisOptions {
  if (typeof (options.connection as RedisScripting | undefined)?.eval !== 'function') {
    throw new TypeError(`${what}: "connection" must be an ioredis client`)
  }
  const prefix = options.prefix ?? defaultPrefix
  if (typeof prefix !== 'string' || !REDIS_PREFIX.test(prefix)) {
    throw new TypeError(`${what}: "prefix" must be up to 100 letters, digits, _ : . or -`)
  }
  const timeoutMs = options.timeoutMs ?? 2000
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 60_000) {
    throw new TypeError(`${what}: "timeoutMs" must be a whole number of ms from 1 to 60000`)
  }
  return { connection: options.connection, prefix, timeoutMs }
}
