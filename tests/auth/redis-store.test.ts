// redisSessionStore(): what only the Redis store does (keys, TTLs, the per-user set, the prefix)
// and what happens while Redis is down. The behaviour it shares with the other stores is in
// session.test.ts, run against each of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RedisUnavailable, redisSessionStore } from '../../src/auth/index.ts'
import { RedisUnavailable as TasksRedisUnavailable } from '../../src/tasks-bullmq/index.ts'
import { authApp, cookieAfter } from './fixtures.ts'
import { answers, redisFixture, uniquePrefix } from './redis-fixtures.ts'
import type { RedisFixture } from './redis-fixtures.ts'

let redis: RedisFixture

beforeAll(async () => {
  redis = await redisFixture()
}, 30_000)

afterAll(async () => {
  await redis.close()
})

const idOf = (cookie: string): string =>
  decodeURIComponent(cookie.split('=')[1] as string).split('.')[0] as string

async function signIn(app: ReturnType<typeof authApp>['app'], id = 'ada'): Promise<string> {
  return cookieAfter(await app.request(`/login/${id}`, { method: 'POST' }))
}

describe('redisSessionStore()', () => {
  it('stores only the hash of the session id, under the prefix, expiring with the session', async () => {
    const { admin } = redis
    const prefix = uniquePrefix()
    const { app } = authApp({
      store: redisSessionStore({ connection: redis.client(), prefix }),
      idleTimeout: 600,
    })
    const cookie = await signIn(app)
    const keys = await admin.keys(`${prefix}*`)
    const userKey = `${prefix}user:ada`
    expect(keys).toHaveLength(2)
    expect(keys).toContain(userKey)
    const sessionKey = keys.find((key) => key !== userKey) ?? ''
    expect(sessionKey).not.toContain(idOf(cookie))
    expect(JSON.stringify(await admin.get(sessionKey))).not.toContain(idOf(cookie))
    // the idle expiry (600 s) comes before the absolute one (8 h)
    const ttl = await admin.pttl(sessionKey)
    expect(ttl).toBeGreaterThan(590_000)
    expect(ttl).toBeLessThanOrEqual(600_000)
    expect(await admin.pttl(userKey)).toBeGreaterThan(590_000)
  })

  it('cleans the per-user set: logout, expired members, revokeUser', async () => {
    const { admin } = redis
    const prefix = uniquePrefix()
    const { app, auth } = authApp({
      store: redisSessionStore({ connection: redis.client(), prefix }),
    })
    const one = await signIn(app)
    await signIn(app)
    expect(await admin.scard(`${prefix}user:ada`)).toBe(2)
    await app.request('/logout', { method: 'POST', headers: { cookie: one } })
    expect(await admin.scard(`${prefix}user:ada`)).toBe(1)
    // a session Redis expired leaves its member until the next write for the user
    await admin.sadd(`${prefix}user:ada`, 'gone')
    await signIn(app)
    expect(await admin.smembers(`${prefix}user:ada`)).not.toContain('gone')
    expect(await auth.revokeUser('ada')).toBe(2)
    expect(await admin.keys(`${prefix}*`)).toEqual([])
  })

  it('treats a foreign value under its prefix as no session', async () => {
    const { admin } = redis
    const prefix = uniquePrefix()
    const store = redisSessionStore({ connection: redis.client(), prefix })
    const { app } = authApp({ store })
    const cookie = await signIn(app)
    const [sessionKey = ''] = (await admin.keys(`${prefix}*`)).filter((k) => !k.includes(':user:'))
    await admin.set(sessionKey, 'not json')
    expect(await store.get(idOf(cookie))).toBeUndefined()
    await admin.set(sessionKey, '{"userId":1}')
    expect(await store.get(idOf(cookie))).toBeUndefined()
  })

  it.each([
    [{ connection: undefined }, '"connection" must be an ioredis client'],
    [{ connection: {} }, '"connection" must be an ioredis client'],
    [{ prefix: 'a b' }, '"prefix" must be'],
    [{ timeoutMs: 0 }, '"timeoutMs" must be a whole number'],
    [{ timeoutMs: 1.5 }, '"timeoutMs" must be a whole number'],
    [{ ttl: 1 }, 'unknown option "ttl"'],
  ])('refuses %j at startup', (options, message) => {
    const connection = { eval: () => Promise.resolve(null) }
    expect(() => redisSessionStore({ connection, ...options } as never)).toThrow(message)
  })

  it('throws the one RedisUnavailable of the kit (the same class as hxkit/tasks-bullmq)', () => {
    expect(RedisUnavailable).toBe(TasksRedisUnavailable)
  })
})

describe('redisSessionStore() while Redis is down', () => {
  it('fails within the timeout, answers guarded requests 503 and keeps the cookie, then recovers', async () => {
    const prefix = uniquePrefix()
    const store = redisSessionStore({ connection: redis.client(), prefix, timeoutMs: 300 })
    const { app, auth } = authApp({ store })
    const cookie = await signIn(app)
    await redis.server.kill()
    try {
      const started = Date.now()
      await expect(store.get(idOf(cookie))).rejects.toBeInstanceOf(RedisUnavailable)
      expect(Date.now() - started).toBeLessThan(1_000)

      // a guarded page: 503 with Retry-After, neither the login redirect nor the page
      const page = await app.request('/page', { headers: { cookie } })
      expect(page.status).toBe(503)
      expect(page.headers.get('retry-after')).toBe('5')
      expect(page.headers.get('location')).toBeNull()
      expect(page.headers.getSetCookie()).toEqual([])
      // an htmx request: the message in the alert region, never a login redirect
      const partial = await app.request('/admin', {
        method: 'POST',
        headers: { cookie, 'HX-Request': 'true' },
      })
      expect(partial.status).toBe(503)
      expect(partial.headers.get('hx-retarget')).toBe('#alerts')
      expect(partial.headers.get('hx-redirect')).toBeNull()
      expect(await partial.text()).toContain('Sign-in is unavailable')
      // an unguarded page sees nobody, and the cookie stays for later
      const me = await app.request('/me', { headers: { cookie } })
      expect(await me.text()).toBe('nobody')
      expect(me.headers.getSetCookie()).toEqual([])
      // sign-in, sign-out and revocation fail loudly rather than pretending
      app.onError((error, c) => c.text(error.name, error instanceof RedisUnavailable ? 503 : 500))
      const login = await app.request('/login/bob', { method: 'POST' })
      expect([login.status, await login.text()]).toEqual([503, 'RedisUnavailable'])
      const logout = await app.request('/logout', { method: 'POST', headers: { cookie } })
      expect(logout.status).toBe(503)
      expect(logout.headers.getSetCookie()).toEqual([])
      await expect(auth.revokeUser('ada')).rejects.toBeInstanceOf(RedisUnavailable)
    } finally {
      await redis.server.start()
    }
    // Redis is back (without the data: no persistence): the client reconnects by itself, within
    // its retry delay (100 ms) plus the connect; a call before that still fails fast
    await expect.poll(() => answers(() => store.get('nothing')), { timeout: 5_000 }).toBe(true)
    const again = await signIn(app)
    expect(await (await app.request('/page', { headers: { cookie: again } })).text()).toBe('page')
  }, 20_000)

  it('never hangs on a client with an offline queue: the timeout ends the wait', async () => {
    const { Redis } = await import('ioredis')
    const queued = new Redis(redis.server.url, { retryStrategy: () => 100 })
    queued.on('error', () => undefined)
    const store = redisSessionStore({ connection: queued, prefix: uniquePrefix(), timeoutMs: 300 })
    await store.get('warm-up')
    await redis.server.kill()
    try {
      const started = Date.now()
      await expect(store.get('x')).rejects.toBeInstanceOf(RedisUnavailable)
      expect(Date.now() - started).toBeLessThan(1_000)
    } finally {
      await redis.server.start()
      queued.disconnect()
    }
  }, 20_000)
})
