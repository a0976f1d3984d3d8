// Fixed-window rate limits: in memory by default, or in the app's SQLite file so every process of
// the app shares them and a restart does not reset them.
import { checkKeys } from '../internal/options.ts'
import { windowCounter } from '../internal/rate-window.ts'
import type { WindowCount } from '../internal/rate-window.ts'
import type { SqliteDatabase } from '../internal/sqlite.ts'

/** Where a rate limiter keeps its counters. */
export interface RateLimitStore {
  /** Adds `by` hits to `key`'s window of `windowMs` (0 reads it) and returns the window after it. */
  hit(key: string, by: number, windowMs: number, now: number): WindowCount | Promise<WindowCount>
  /** Forgets `key` (after a successful login, say). */
  reset(key: string): void | Promise<void>
}

/** Options of `rateLimiter()`. */
export interface RateLimiterOptions {
  /** Hits allowed per window and key. */
  readonly limit: number
  /** The window length in milliseconds. */
  readonly windowMs: number
  /** Where counters live. @default memoryRateLimitStore() */
  readonly store?: RateLimitStore | undefined
}

/** The state of one key after a check or a hit. */
export interface RateLimitState {
  /** `false` once the key used up its window. */
  readonly allowed: boolean
  readonly remaining: number
  /** Milliseconds until the window ends (for `Retry-After`). */
  readonly retryAfterMs: number
}

/** A rate limiter: `check` reads, `hit` counts, `reset` forgets. */
export interface RateLimiter {
  check(key: string): Promise<RateLimitState>
  hit(key: string): Promise<RateLimitState>
  reset(key: string): Promise<void>
}

/**
 * An in-memory store of one process, keeping at most `maxKeys` keys (the oldest windows go first).
 *
 * @param [maxKeys=10000] - the bound on remembered keys
 * @see docs/auth.md
 * @example
 * rateLimiter({ limit: 5, windowMs: 60_000, store: memoryRateLimitStore(1000) })
 */
export function memoryRateLimitStore(maxKeys = 10_000): RateLimitStore {
  const counters = new Map<number, ReturnType<typeof windowCounter>>()
  return {
    hit(key, by, windowMs, now) {
      let counter = counters.get(windowMs)
      if (counter === undefined) {
        counter = windowCounter(windowMs, maxKeys)
        counters.set(windowMs, counter)
      }
      return counter.hit(key, by, now)
    },
    reset(key) {
      for (const counter of counters.values()) {
        counter.reset(key)
      }
    },
  }
}

const TABLE = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/

/**
 * A store in a SQLite table (better-sqlite3), created on first use: one row per key, updated in
 * one statement, so concurrent processes on the same file count together.
 *
 * @param db - the app's better-sqlite3 handle
 * @param [options] - `table` (default `hxkit_rate_limits`)
 * @throws TypeError for a table name that is not a plain identifier
 * @see docs/auth.md
 * @example
 * const logins = rateLimiter({ limit: 10, windowMs: 15 * 60_000, store: sqliteRateLimitStore(db) })
 */
export function sqliteRateLimitStore(
  db: SqliteDatabase,
  options: { readonly table?: string | undefined } = {}
): RateLimitStore {
  checkKeys('sqliteRateLimitStore()', options, ['table'])
  const table = options.table ?? 'hxkit_rate_limits'
  if (!TABLE.test(table)) {
    throw new TypeError('sqliteRateLimitStore(): "table" must be letters, digits and _')
  }
  db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
    key TEXT PRIMARY KEY, count INTEGER NOT NULL, reset_at INTEGER NOT NULL) WITHOUT ROWID`)
  const hit =
    db.prepare(`INSERT INTO ${table} (key, count, reset_at) VALUES (@key, @by, @now + @window)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN reset_at <= @now THEN @by ELSE count + @by END,
      reset_at = CASE WHEN reset_at <= @now THEN @now + @window ELSE reset_at END
    RETURNING count, reset_at AS resetAt`)
  const purge = db.prepare(`DELETE FROM ${table} WHERE reset_at <= ?`)
  const reset = db.prepare(`DELETE FROM ${table} WHERE key = ?`)
  let purged = 0
  return {
    hit(key, by, windowMs, now) {
      // expired rows go once a window, so the table holds only live keys
      if (now - purged >= windowMs) {
        purge.run(now)
        purged = now
      }
      return hit.get({ key, by, now, window: windowMs }) as WindowCount
    },
    reset(key) {
      reset.run(key)
    },
  }
}

/**
 * A fixed-window rate limiter: at most `limit` hits per key in each `windowMs`.
 *
 * @param options - `limit`, `windowMs`, `store`
 * @throws TypeError for a limit or window that is not a positive whole number
 * @see docs/auth.md
 * @example
 * const limiter = rateLimiter({ limit: 10, windowMs: 15 * 60_000 })
 * if (!(await limiter.check(`ip:${clientAddress(c)}`)).allowed) return c.text('Too many attempts', 429)
 */
export function rateLimiter(options: RateLimiterOptions): RateLimiter {
  checkKeys('rateLimiter()', options, ['limit', 'windowMs', 'store'])
  const { limit, windowMs } = options
  for (const [name, value] of [
    ['limit', limit],
    ['windowMs', windowMs],
  ] as const) {
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new TypeError(`rateLimiter(): "${name}" must be a positive whole number`)
    }
  }
  const store = options.store ?? memoryRateLimitStore()
  const count = async (key: string, by: number): Promise<RateLimitState> => {
    const now = Date.now()
    const { count: used, resetAt } = await store.hit(key, by, windowMs, now)
    return {
      allowed: used < limit || (by > 0 && used === limit),
      remaining: Math.max(0, limit - used),
      retryAfterMs: Math.max(0, resetAt - now),
    }
  }
  return {
    check: (key) => count(key, 0),
    hit: (key) => count(key, 1),
    reset: async (key) => {
      await store.reset(key)
    },
  }
}
