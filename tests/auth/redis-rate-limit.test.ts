// redisRateLimitStore(): shared counts across instances, atomic hits, windows that Redis expires,
// and failing closed while Redis is down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RedisUnavailable, rateLimiter, redisRateLimitStore } from '../../src/auth/index.ts'
import { answers, redisFixture, uniquePrefix } from './redis-fixtures.ts'
import type { RedisFixture } from './redis-fixtures.ts'

let redis: RedisFixture

beforeAll(async () => {
  redis = await redisFixture()
}, 30_000)

afterAll(async () => {
  await redis.close()
})

/** A limiter on its own connection: another instance of the app. */
const instance = (prefix: string, limit = 3, windowMs = 60_000, timeoutMs?: number) =>
  rateLimiter({
    limit,
    windowMs,
    store: redisRateLimitStore({ connection: redis.client(), prefix, timeoutMs }),
  })

describe('rateLimiter() with redisRateLimitStore()', () => {
  it('allows `limit` hits per key and window, then refuses', async () => {
    const limiter = instance(uniquePrefix())
    const states = []
    for (let i = 0; i < 4; i++) {
      states.push(await limiter.hit('ip:1'))
    }
    expect(states.map((s) => s.allowed)).toEqual([true, true, true, false])
    expect(states.map((s) => s.remaining)).toEqual([2, 1, 0, 0])
    expect(states[3]?.retryAfterMs).toBeGreaterThan(59_000)
    expect(states[3]?.retryAfterMs).toBeLessThanOrEqual(60_000)
    expect((await limiter.check('ip:1')).allowed).toBe(false)
    expect((await limiter.check('ip:2')).allowed).toBe(true)
  })

  it('checks without counting or writing, and forgets a key on reset', async () => {
    const prefix = uniquePrefix()
    const limiter = instance(prefix, 1)
    await limiter.check('k')
    expect(await redis.admin.keys(`${prefix}*`)).toEqual([])
    expect((await limiter.hit('k')).allowed).toBe(true)
    expect((await limiter.check('k')).allowed).toBe(false)
    await limiter.reset('k')
    expect((await limiter.check('k')).allowed).toBe(true)
  })

  it('shares the count between two instances on one Redis, atomically', async () => {
    const prefix = uniquePrefix()
    const a = instance(prefix, 10)
    const b = instance(prefix, 10)
    // 30 hits at once from both: exactly 10 are allowed, whichever instance took them
    const states = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? a : b).hit('login:ada'))
    )
    expect(states.filter((s) => s.allowed)).toHaveLength(10)
    expect((await a.check('login:ada')).allowed).toBe(false)
    await b.reset('login:ada')
    expect((await a.check('login:ada')).allowed).toBe(true)
  })

  it('lets Redis end a window by its TTL', async () => {
    const prefix = uniquePrefix()
    const limiter = instance(prefix, 1, 300)
    await limiter.hit('k')
    expect((await limiter.hit('k')).allowed).toBe(false)
    const left = await redis.admin.pttl(`${prefix}k`)
    expect(left).toBeGreaterThan(0)
    expect(left).toBeLessThanOrEqual(300)
    await new Promise((done) => setTimeout(done, 350))
    expect(await redis.admin.exists(`${prefix}k`)).toBe(0)
    expect((await limiter.hit('k')).allowed).toBe(true)
  })

  it('fails closed while Redis is down (RedisUnavailable within the timeout), then counts again', async () => {
    const prefix = uniquePrefix()
    const limiter = instance(prefix, 5, 60_000, 300)
    await limiter.hit('k')
    await redis.server.kill()
    try {
      for (const call of [
        () => limiter.check('k'),
        () => limiter.hit('k'),
        () => limiter.reset('k'),
      ]) {
        const started = Date.now()
        await expect(call()).rejects.toBeInstanceOf(RedisUnavailable)
        expect(Date.now() - started).toBeLessThan(1_000)
      }
    } finally {
      await redis.server.start()
    }
    // the client reconnects by itself; no persistence: the window starts again
    await expect.poll(() => answers(() => limiter.check('k')), { timeout: 5_000 }).toBe(true)
    expect((await limiter.hit('k')).remaining).toBe(4)
  }, 20_000)

  it.each([
    [{ connection: undefined }, '"connection" must be an ioredis client'],
    [{ prefix: 'a/b' }, '"prefix" must be'],
    [{ timeoutMs: 60_001 }, '"timeoutMs" must be a whole number'],
    [{ table: 'x' }, 'unknown option "table"'],
  ])('refuses %j at startup', (options, message) => {
    const connection = { eval: () => Promise.resolve(null) }
    expect(() => redisRateLimitStore({ connection, ...options } as never)).toThrow(message)
  })
})
