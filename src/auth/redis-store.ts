// Sessions in Redis, for several instances of an app: one key per session (the hash of its id)
// that Redis expires, and one set per user so that revokeUser() finds every session of a user.
import { checkKeys } from '../internal/options.ts'
import { evalWithin } from '../internal/redis.ts'
import type { RedisScripting } from '../internal/redis.ts'
import { checkRedisOptions } from './redis-options.ts'
import type { SessionStore } from './store.ts'
import { liveSession, sessionDigest } from './stored-session.ts'
import type { StoredSession } from './stored-session.ts'

/** Options of `redisSessionStore()`. */
export interface RedisSessionStoreOptions {
  /** An ioredis client (`new Redis(url, { enableOfflineQueue: false })`); the store only runs scripts on it. */
  readonly connection: RedisScripting
  /** The prefix of the store's keys. @default 'hxkit:session:' */
  readonly prefix?: string | undefined
  /** How long a command may take before it fails with `RedisUnavailable`, ms. @default 2000 */
  readonly timeoutMs?: number | undefined
}

// KEYS session, user set. ARGV JSON, ttl ms, digest, session prefix, 1 for a refresh.
// A refresh (a request seen after sign-in) only rewrites a session that still exists, so a session
// revoked between a request's read and its refresh stays revoked.
const SET = `
local ttl = tonumber(ARGV[2])
if ttl <= 0 then
  redis.call('DEL', KEYS[1])
  redis.call('SREM', KEYS[2], ARGV[3])
  return 0
end
if ARGV[5] == '1' then
  if not redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl, 'XX') then return 0 end
else
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
end
for _, member in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  if member ~= ARGV[3] and redis.call('EXISTS', ARGV[4] .. member) == 0 then
    redis.call('SREM', KEYS[2], member)
  end
end
redis.call('SADD', KEYS[2], ARGV[3])
if redis.call('PTTL', KEYS[2]) < ttl then redis.call('PEXPIRE', KEYS[2], ttl) end
return 1`

const GET = `return redis.call('GET', KEYS[1])`

// KEYS session. ARGV user-set prefix, digest.
const DELETE = `
local value = redis.call('GET', KEYS[1])
if not value then return 0 end
redis.call('DEL', KEYS[1])
local ok, stored = pcall(cjson.decode, value)
if ok and type(stored) == 'table' and type(stored.userId) == 'string' then
  redis.call('SREM', ARGV[1] .. stored.userId, ARGV[2])
end
return 1`

// KEYS user set. ARGV session prefix. → how many live sessions were deleted
const DELETE_USER = `
local deleted = 0
for _, member in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  deleted = deleted + redis.call('DEL', ARGV[1] .. member)
end
redis.call('DEL', KEYS[1])
return deleted`

function parse(value: unknown): StoredSession | undefined {
  if (typeof value !== 'string') {
    return undefined
  }
  try {
    const stored = JSON.parse(value) as Partial<StoredSession> | null
    return typeof stored?.userId === 'string' &&
      typeof stored.createdAt === 'number' &&
      typeof stored.lastSeenAt === 'number' &&
      typeof stored.expiresAt === 'number'
      ? (stored as StoredSession)
      : undefined
  } catch {
    // a foreign value under our prefix is no session
    return undefined
  }
}

/**
 * Sessions in Redis (an ioredis client), shared by every instance of the app. Only the SHA-256
 * of a session id is stored, under a key that Redis expires at the session's end (the idle or
 * the absolute expiry, whichever comes first); a read checks the expiry too, as the SQLite store
 * does. A set per user lets `auth.revokeUser(id)` sign a user out everywhere; it is cleaned as
 * sessions are written and expires with the user's last session. While Redis is down every call
 * fails with `RedisUnavailable` within `timeoutMs` (never a hang); the guards answer 503. Runs on
 * one Redis (or a primary), not on Redis Cluster.
 *
 * @param options - `connection`, `prefix`, `timeoutMs`
 * @returns the store for `sessions({ store })`
 * @throws TypeError at startup without a connection, or with a bad prefix or timeout
 * @see docs/auth.md
 * @example
 * import { Redis } from 'ioredis'
 * const connection = new Redis(process.env.REDIS_URL, { enableOfflineQueue: false })
 * const auth = sessions({ secret, store: redisSessionStore({ connection }), loadUser })
 */
export function redisSessionStore(options: RedisSessionStoreOptions): SessionStore {
  const what = 'redisSessionStore()'
  checkKeys(what, options, ['connection', 'prefix', 'timeoutMs'])
  const { connection, prefix, timeoutMs } = checkRedisOptions(what, options, 'hxkit:session:')
  const run = (script: string, keys: string[], args: (string | number)[]): Promise<unknown> =>
    evalWithin(connection, timeoutMs, what, script, keys, args)
  const userKey = (userId: string): string => `${prefix}user:${userId}`
  return {
    async get(id) {
      const digest = sessionDigest(id)
      return liveSession(id, parse(await run(GET, [prefix + digest], [])), Date.now())
    },
    async set(record, expiresAt) {
      const digest = sessionDigest(record.id)
      const stored: StoredSession = {
        userId: record.userId,
        createdAt: record.createdAt,
        lastSeenAt: record.lastSeenAt,
        expiresAt,
      }
      await run(
        SET,
        [prefix + digest, userKey(record.userId)],
        [
          JSON.stringify(stored),
          expiresAt - Date.now(),
          digest,
          prefix,
          record.lastSeenAt > record.createdAt ? '1' : '0',
        ]
      )
    },
    async delete(id) {
      const digest = sessionDigest(id)
      await run(DELETE, [prefix + digest], [`${prefix}user:`, digest])
    },
    async deleteUser(userId) {
      return Number(await run(DELETE_USER, [userKey(userId)], [prefix]))
    },
  }
}
