import { Hono } from 'hono'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  clientAddress,
  memoryRateLimitStore,
  rateLimiter,
  sqliteRateLimitStore,
} from '../../src/auth/index.ts'
import { tempDb } from './fixtures.ts'

afterEach(() => {
  vi.useRealTimers()
})

describe.each(['memory', 'sqlite'] as const)('rateLimiter() with the %s store', (kind) => {
  const make = (limit = 3) => {
    const file = tempDb()
    const store = kind === 'memory' ? memoryRateLimitStore() : sqliteRateLimitStore(file.db)
    return { limiter: rateLimiter({ limit, windowMs: 60_000, store }), file }
  }

  it('allows `limit` hits per key and window, then refuses until the window ends', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const { limiter, file } = make()
    const states = []
    for (let i = 0; i < 4; i++) {
      states.push(await limiter.hit('ip:1'))
    }
    expect(states.map((s) => s.allowed)).toEqual([true, true, true, false])
    expect(states.map((s) => s.remaining)).toEqual([2, 1, 0, 0])
    expect(states[3]?.retryAfterMs).toBe(60_000)
    expect((await limiter.check('ip:1')).allowed).toBe(false)
    expect((await limiter.check('ip:2')).allowed).toBe(true)
    vi.setSystemTime(Date.now() + 60_000)
    expect((await limiter.check('ip:1')).allowed).toBe(true)
    expect((await limiter.hit('ip:1')).remaining).toBe(2)
    file.cleanup()
  })

  it('checks without counting, and forgets a key on reset', async () => {
    const { limiter, file } = make(1)
    await limiter.check('k')
    await limiter.check('k')
    expect((await limiter.hit('k')).allowed).toBe(true)
    expect((await limiter.check('k')).allowed).toBe(false)
    await limiter.reset('k')
    expect((await limiter.check('k')).allowed).toBe(true)
    file.cleanup()
  })
})

describe('sqliteRateLimitStore', () => {
  it('counts together across two handles on the same file', async () => {
    const file = tempDb()
    const Database = (await import('better-sqlite3')).default
    const second = new Database(file.path)
    const a = rateLimiter({ limit: 2, windowMs: 60_000, store: sqliteRateLimitStore(file.db) })
    const b = rateLimiter({ limit: 2, windowMs: 60_000, store: sqliteRateLimitStore(second) })
    await a.hit('x')
    await b.hit('x')
    expect((await a.hit('x')).allowed).toBe(false)
    second.close()
    file.cleanup()
  })

  it('deletes expired rows', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const file = tempDb()
    const store = sqliteRateLimitStore(file.db, { table: 'limits' })
    await store.hit('old', 1, 1000, Date.now())
    await store.hit('new', 1, 1000, Date.now() + 5000)
    expect(file.db.prepare('SELECT key FROM limits').pluck().all()).toEqual(['new'])
    file.cleanup()
  })

  it('refuses a table name that is not an identifier', () => {
    const file = tempDb()
    expect(() => sqliteRateLimitStore(file.db, { table: 'x; DROP' })).toThrow(TypeError)
    file.cleanup()
  })
})

describe('memoryRateLimitStore', () => {
  it('keeps at most maxKeys keys, forgetting the oldest', async () => {
    const limiter = rateLimiter({ limit: 1, windowMs: 60_000, store: memoryRateLimitStore(2) })
    await limiter.hit('a')
    await limiter.hit('b')
    await limiter.hit('c')
    expect((await limiter.check('a')).allowed).toBe(true)
    expect((await limiter.check('c')).allowed).toBe(false)
  })
})

describe('rateLimiter() options', () => {
  it.each([
    [{ limit: 0, windowMs: 1 }, '"limit" must be a positive whole number'],
    [{ limit: 1, windowMs: 0.5 }, '"windowMs" must be a positive whole number'],
    [{ limit: 1, windowMs: 1, per: 'ip' }, 'unknown option "per"'],
  ])('refuses %j', (options, message) => {
    expect(() => rateLimiter(options as never)).toThrow(message)
  })
})

describe('clientAddress', () => {
  it('reads the socket address @hono/node-server passes, or says unknown', async () => {
    const app = new Hono()
    app.get('/', (c) => c.text(clientAddress(c)))
    const env = { incoming: { socket: { remoteAddress: '203.0.113.7' } } }
    expect(await (await app.request('/', {}, env)).text()).toBe('203.0.113.7')
    expect(await (await app.request('/')).text()).toBe('unknown')
    expect(await (await app.request('/', {}, { incoming: {} })).text()).toBe('unknown')
  })
})
