// The demo scaled out: two app instances on one database file and one real Redis. Sessions and the
// sign-in limits live in Redis, so a sign-in through A holds on B, "sign out everywhere" on A ends
// the session on B, failed sign-ins count together, and while Redis is down both answer 503.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../demo/app.ts'
import { LOGIN_LIMITS, STORE_DOWN } from '../../demo/auth.ts'
import { openDb } from '../../demo/db.ts'
import type { DemoDb } from '../../demo/db.ts'
import { redisFixture } from '../auth/redis-fixtures.ts'
import type { RedisFixture } from '../auth/redis-fixtures.ts'
import { TEST_PASSWORDS, TEST_USERS } from './setup.ts'

const SAME_ORIGIN = { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }
const ADDRESS = { incoming: { socket: { remoteAddress: '198.51.100.7' } } }

let redis: RedisFixture
let dir: string
const dbs: DemoDb[] = []
let a: ReturnType<typeof createApp>
let b: ReturnType<typeof createApp>

beforeAll(async () => {
  redis = await redisFixture()
  dir = mkdtempSync(join(tmpdir(), 'hxkit-demo-redis-'))
  const path = join(dir, 'demo.db')
  dbs.push(openDb({ path, reset: true }), openDb({ path }))
  a = createApp({ db: dbs[0] as DemoDb, users: TEST_USERS, redis: redis.client() })
  b = createApp({ db: dbs[1] as DemoDb, users: TEST_USERS, redis: redis.client() })
  // B opens its users after A seeded them
  await a.sessionCookie('viewer')
}, 30_000)

afterAll(async () => {
  for (const db of dbs) {
    db.close()
  }
  rmSync(dir, { recursive: true, force: true })
  await redis.close()
})

const cookieOf = (res: Response): string =>
  res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')

const logIn = (app: typeof a, email: string, password: string) =>
  app.request(
    '/login',
    {
      method: 'POST',
      body: new URLSearchParams({ email, password }),
      headers: SAME_ORIGIN,
    },
    ADDRESS
  )

describe('the demo scaled out on one Redis', () => {
  it('keeps sessions in Redis: signed in through A is signed in on B', async () => {
    const res = await logIn(a, 'viewer@example.com', TEST_PASSWORDS.viewer)
    expect(res.status).toBe(303)
    const cookie = cookieOf(res)
    expect((await b.request('/', { headers: { cookie } })).status).toBe(200)
    // nothing in the database file (not even the table): the session is a Redis key
    const tables = (dbs[0] as DemoDb)
      .sqlite()
      .prepare(
        "SELECT name FROM sqlite_master WHERE name IN ('hxkit_sessions', 'hxkit_rate_limits')"
      )
    expect(tables.all()).toEqual([])
    expect(await redis.admin.keys('hxkit-demo:session:user:*')).not.toEqual([])
  })

  it('signs a user out everywhere from A, which ends their session on B', async () => {
    const viewer = cookieOf(await logIn(b, 'viewer@example.com', TEST_PASSWORDS.viewer))
    const admin = cookieOf(await logIn(a, 'admin@example.com', TEST_PASSWORDS.admin))
    expect((await b.request('/', { headers: { cookie: viewer } })).status).toBe(200)
    const page = await (await a.request('/users', { headers: { cookie: admin } })).text()
    // the viewer's row: its email, then its sign-out form
    const viewerId = /viewer@example\.com[\s\S]*?action="\/users\/(\d+)\/sign-out"/.exec(page)?.[1]
    const res = await a.request(`/users/${viewerId ?? ''}/sign-out`, {
      method: 'POST',
      headers: { ...SAME_ORIGIN, cookie: admin },
    })
    expect(res.status).toBe(303)
    const after = await b.request('/', { headers: { cookie: viewer } })
    expect(after.status).toBe(303)
    expect(after.headers.get('location')).toBe('/login?next=%2F')
    expect((await b.request('/', { headers: { cookie: admin } })).status).toBe(200)
  })

  it('counts failed sign-ins on both instances together', async () => {
    const email = 'operator@example.com'
    const answers: number[] = []
    for (let i = 0; i < LOGIN_LIMITS.account; i++) {
      answers.push((await logIn(i % 2 === 0 ? a : b, email, 'wrong')).status)
    }
    expect(answers.every((status) => status !== 429)).toBe(true)
    // the right password, on either instance: the account is blocked for now
    const blocked = await logIn(b, email, TEST_PASSWORDS.operator)
    expect(blocked.status).toBe(429)
    expect((await logIn(a, email, TEST_PASSWORDS.operator)).status).toBe(429)
  })

  it('answers 503 while Redis is down, never signed out and never let in, then recovers', async () => {
    const viewer = cookieOf(await logIn(a, 'viewer@example.com', TEST_PASSWORDS.viewer))
    await redis.server.kill()
    try {
      const page = await b.request('/', { headers: { cookie: viewer } })
      expect(page.status).toBe(503)
      expect(page.headers.get('retry-after')).toBe('5')
      expect(page.headers.getSetCookie()).toEqual([])
      const login = await logIn(a, 'admin@example.com', TEST_PASSWORDS.admin)
      expect(login.status).toBe(503)
      expect(login.headers.get('retry-after')).toBe('5')
      expect(cookieOf(login)).toBe('')
      expect(await login.text()).toContain(STORE_DOWN)
      const logout = await a.request('/logout', {
        method: 'POST',
        headers: { ...SAME_ORIGIN, cookie: viewer },
      })
      expect(logout.status).toBe(503)
    } finally {
      await redis.server.start()
    }
    // Redis came back empty (no persistence): that session is gone, a new sign-in works
    // (the clients reconnect by themselves; until then a sign-in answers 503 and counts nothing)
    let signedIn: Response | undefined
    await expect
      .poll(
        async () => (signedIn = await logIn(b, 'viewer@example.com', TEST_PASSWORDS.viewer)).status,
        {
          timeout: 10_000,
        }
      )
      .toBe(303)
    const again = cookieOf(signedIn as Response)
    expect((await a.request('/', { headers: { cookie: again } })).status).toBe(200)
  }, 20_000)
})
