// The demo's Redis for state every instance must share when it runs scaled out: sessions and the
// sign-in limits. `REDIS_URL` names it (the Redis the tasks use too with TASKS_BACKEND=redis).
import { Redis } from 'ioredis'

/**
 * A client of the Redis at `REDIS_URL`, or `undefined` when it is not set (one instance: sessions
 * and limits stay in the SQLite file). It connects on first use and has no offline queue, so a
 * command while Redis is down fails within the stores' timeout instead of waiting.
 *
 * @param env - the environment; default `process.env`
 * @throws TypeError for a `REDIS_URL` that is not a redis:// or rediss:// URL
 * @example
 * const redis = sharedRedisFromEnv({ REDIS_URL: 'redis://127.0.0.1:6379' })
 */
export function sharedRedisFromEnv(
  env: Record<string, string | undefined> = process.env
): Redis | undefined {
  const url = env['REDIS_URL']
  if (url === undefined || url === '') {
    return undefined
  }
  if (!/^rediss?:\/\//.test(url)) {
    throw new TypeError('REDIS_URL must be a redis:// or rediss:// URL.')
  }
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (times: number) => Math.min(50 * 2 ** Math.min(times, 10), 2_000),
  })
  client.on('error', () => {
    // every failed reconnect lands here; a request that needs Redis answers 503 meanwhile
  })
  return client
}
