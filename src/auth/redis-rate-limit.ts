// Rate-limit counters in Redis: one key per limited key (as in the SQLite store), counted and
// expired in one script, so every instance of the app on the Redis shares the count.
import { checkKeys } from '../internal/options.ts'
import { evalWithin } from '../internal/redis.ts'
import type { RedisScripting } from '../internal/redis.ts'
import type { RateLimitStore } from './rate-limit.ts'
import { checkRedisOptions } from './redis-options.ts'

/** Options of `redisRateLimitStore()`. */
export interface RedisRateLimitStoreOptions {
  /** An ioredis client (`new Redis(url, { enableOfflineQueue: false })`); the store only runs scripts on it. */
  readonly connection: RedisScripting
  /** The prefix of the store's keys. @default 'hxkit:rate:' */
  readonly prefix?: string | undefined
  /** How long a command may take before it fails with `RedisUnavailable`, ms. @default 2000 */
  readonly timeoutMs?: number | undefined
}

// KEYS counter. ARGV by, window ms. → { count, ms left in the window }
// The first hit starts the window and its TTL; a read (by 0) of an unknown key writes nothing.
const HIT = `
local by = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
if by == 0 and redis.call('EXISTS', KEYS[1]) == 0 then return { 0, window } end
local count = redis.call('INCRBY', KEYS[1], by)
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], window)
  left = window
end
return { count, left }`

/**
 * A rate-limit store in Redis (an ioredis client): a hit is one script (count and expiry
 * together), so limiters on every instance count each key together, and Redis drops a window by
 * its TTL when it ends. While Redis is down every call fails with `RedisUnavailable` within
 * `timeoutMs`; `rateLimiter()` passes it on, so a caller fails closed (answers 503) rather than
 * letting unlimited attempts through.
 *
 * @param options - `connection`, `prefix`, `timeoutMs`
 * @returns the store for `rateLimiter({ store })`
 * @throws TypeError at startup without a connection, or with a bad prefix or timeout
 * @see docs/auth.md
 * @example
 * import { Redis } from 'ioredis'
 * const connection = new Redis(process.env.REDIS_URL, { enableOfflineQueue: false })
 * const logins = rateLimiter({ limit: 5, windowMs: 15 * 60_000, store: redisRateLimitStore({ connection }) })
 */
export function redisRateLimitStore(options: RedisRateLimitStoreOptions): RateLimitStore {
  const what = 'redisRateLimitStore()'
  checkKeys(what, options, ['connection', 'prefix', 'timeoutMs'])
  const { connection, prefix, timeoutMs } = checkRedisOptions(what, options, 'hxkit:rate:')
  return {
    async hit(key, by, windowMs, now) {
      const reply = await evalWithin(
        connection,
        timeoutMs,
        what,
        HIT,
        [prefix + key],
        [by, windowMs]
      )
      const [count, left] = reply as [number, number]
      return { count, resetAt: now + left }
    },
    async reset(key) {
      await evalWithin(
        connection,
        timeoutMs,
        what,
        `return redis.call('DEL', KEYS[1])`,
        [prefix + key],
        []
      )
    },
  }
}
