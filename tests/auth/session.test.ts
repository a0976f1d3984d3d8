import { Hono } from 'hono'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { getUser, redisSessionStore, sessions, sqliteSessionStore } from '../../src/auth/index.ts'
import type { SessionStore } from '../../src/auth/index.ts'
import { SECRET, USERS, authApp, cookieAfter, setCookies, tempDb } from './fixtures.ts'
import { redisFixture, uniquePrefix } from './redis-fixtures.ts'
import type { RedisFixture } from './redis-fixtures.ts'

let redis: RedisFixture | undefined

beforeAll(async () => {
  redis = await redisFixture()
}, 30_000)

afterAll(async () => {
  await redis?.close()
})

afterEach(() => {
  vi.useRealTimers()
})

async function signIn(app: Hono, id = 'ada'): Promise<{ res: Response; cookie: string }> {
  const res = await app.request(`/login/${id}`, { method: 'POST' })
  return { res, cookie: cookieAfter(res) }
}

const me = async (app: Hono, cookie: string): Promise<string> =>
  (await app.request('/me', { headers: { cookie } })).text()

// The same behaviour from every store; the server-side ones (SQLite, Redis) also revoke.
describe.each(['cookie', 'sqlite', 'redis'] as const)('sessions() with the %s store', (kind) => {
  const setup = () => {
    const file = tempDb()
    const prefix = uniquePrefix()
    // a second call gives another handle on the same sessions (another instance of the app)
    const storeOf = (): 'cookie' | SessionStore =>
      kind === 'cookie'
        ? 'cookie'
        : kind === 'sqlite'
          ? sqliteSessionStore(file.db)
          : redisSessionStore({ connection: (redis as RedisFixture).client(), prefix })
    return { ...authApp({ store: storeOf() }), file, storeOf }
  }

  it('signs in with an HttpOnly, SameSite=Lax, path-wide cookie and reads it back', async () => {
    const { app, file } = setup()
    const { res, cookie } = await signIn(app)

    const [line = ''] = setCookies(res)
    expect(line).toMatch(/^hxkit_session=[^;]+; Max-Age=28800; Path=\/; HttpOnly; SameSite=Lax$/)
    expect(await me(app, cookie)).toBe('ada')
    expect(await me(app, '')).toBe('nobody')
    file.cleanup()
  })

  it('sets Secure over https', async () => {
    const { app, file } = setup()
    const res = await app.request('https://app.example/login/ada', { method: 'POST' })
    expect(setCookies(res)[0]).toMatch(/; Secure;/)
    file.cleanup()
  })

  it('starts a new session id on login, ending the old one', async () => {
    const { app, file } = setup()
    const first = await signIn(app)
    const again = await app.request('/login/bob', {
      method: 'POST',
      headers: { cookie: first.cookie },
    })
    const second = cookieAfter(again, first.cookie)

    expect(second).not.toBe(first.cookie)
    expect(await me(app, second)).toBe('bob')
    // the old cookie: still valid for a cookie store (nothing to revoke), gone from a server store
    expect(await me(app, first.cookie)).toBe(kind === 'cookie' ? 'ada' : 'nobody')
    file.cleanup()
  })

  it('logs out: deletes the cookie and, server side, the session', async () => {
    const { app, file } = setup()
    const { cookie } = await signIn(app)
    const res = await app.request('/logout', { method: 'POST', headers: { cookie } })

    expect(setCookies(res).at(-1)).toMatch(/^hxkit_session=; Max-Age=0; Path=\//)
    expect(await me(app, cookieAfter(res, cookie))).toBe('nobody')
    expect(await me(app, cookie)).toBe(kind === 'cookie' ? 'ada' : 'nobody')
    file.cleanup()
  })

  it('ends a session after maxAge even when it is used all the time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const { app, file } = setup()
    let { cookie } = await signIn(app)
    const seen: string[] = []
    // every 20 minutes for 8 hours: the idle clock never runs out, the absolute one does
    for (let step = 1; step <= 24; step++) {
      vi.setSystemTime(Date.now() + 20 * 60_000)
      const res = await app.request('/me', { headers: { cookie } })
      seen.push(await res.text())
      cookie = cookieAfter(res, cookie)
    }
    expect(seen.slice(0, 23)).toEqual(Array(23).fill('ada'))
    expect(seen[23]).toBe('nobody')
    file.cleanup()
  })

  it('ends a session idle for idleTimeout, refreshes the idle clock of one in use', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const { app, file } = setup()
    let { cookie } = await signIn(app)
    for (let step = 0; step < 5; step++) {
      vi.setSystemTime(Date.now() + 20 * 60_000)
      const res = await app.request('/me', { headers: { cookie } })
      expect(await res.text()).toBe('ada')
      cookie = cookieAfter(res, cookie)
    }
    vi.setSystemTime(Date.now() + 30 * 60_000)
    const expired = await app.request('/me', { headers: { cookie } })
    expect(await expired.text()).toBe('nobody')
    expect(setCookies(expired).at(-1)).toMatch(/Max-Age=0/)
    expect(expired.headers.get('set-cookie')).toContain('hxkit_session=;')
    file.cleanup()
  })

  it('treats a tampered, foreign or garbled cookie as signed out and deletes it', async () => {
    const { app, file, storeOf } = setup()
    const { cookie } = await signIn(app)
    const value = cookie.slice(cookie.indexOf('=') + 1)
    const other = authApp({
      secret: 'another secret that is long enough to be used, 98765',
      store: storeOf(),
    })
    const foreign = (await signIn(other.app)).cookie
    for (const bad of [
      `hxkit_session=${value.slice(0, -4)}AAAA`,
      `hxkit_session=${value.slice(0, 10)}`,
      'hxkit_session=v1.AAAA',
      'hxkit_session=garbage',
      foreign,
    ]) {
      const res = await app.request('/me', { headers: { cookie: bad } })
      expect(await res.text()).toBe('nobody')
      expect(setCookies(res).at(-1)).toMatch(/^hxkit_session=; Max-Age=0/)
    }
    file.cleanup()
  })

  it('ends the session of a user loadUser no longer finds', async () => {
    const { app, file } = setup()
    const { cookie } = await signIn(app, 'ghost')
    const res = await app.request('/me', { headers: { cookie } })
    expect(await res.text()).toBe('nobody')
    expect(setCookies(res).at(-1)).toMatch(/Max-Age=0/)
    file.cleanup()
  })

  it('mints a Cookie header for tests with sessionCookie()', async () => {
    const { app, auth, file } = setup()
    const cookie = await auth.sessionCookie('bob')
    expect(cookie).toMatch(/^hxkit_session=\S+$/)
    expect(await me(app, cookie)).toBe('bob')
    file.cleanup()
  })

  it.skipIf(kind === 'cookie')(
    'revokes every session of a user, on every handle of the store',
    async () => {
      const { app, auth, file, storeOf } = setup()
      const elsewhere = authApp({ store: storeOf() })
      const one = await signIn(app)
      const two = await signIn(elsewhere.app)
      const bob = await signIn(app, 'bob')
      expect(await me(elsewhere.app, one.cookie)).toBe('ada')
      expect(await auth.revokeUser('ada')).toBe(2)
      expect(await me(app, one.cookie)).toBe('nobody')
      expect(await me(elsewhere.app, two.cookie)).toBe('nobody')
      expect(await me(app, bob.cookie)).toBe('bob')
      expect(await auth.revokeUser('ada')).toBe(0)
      file.cleanup()
    }
  )

  it.skipIf(kind === 'cookie')(
    'keeps a session revoked while a request was refreshing it',
    async () => {
      vi.useFakeTimers({ toFake: ['Date'] })
      const { auth, file, storeOf } = setup()
      const store = storeOf() as SessionStore
      const { app } = authApp({ store })
      const { cookie } = await signIn(app)
      const id = decodeURIComponent(cookie.split('=')[1] as string).split('.')[0] as string
      const record = await store.get(id)
      await auth.revokeUser('ada')
      vi.setSystemTime(Date.now() + 5 * 60_000)
      // the refresh a request in flight would write after its read
      await store.set(
        { ...(record as NonNullable<typeof record>), lastSeenAt: Date.now() },
        Date.now() + 60_000
      )
      expect(await store.get(id)).toBeUndefined()
      expect(await me(app, cookie)).toBe('nobody')
      file.cleanup()
    }
  )
})

describe('sessions() options', () => {
  it('opens cookies sealed with an older secret listed after the new one', async () => {
    const old = authApp({ secret: SECRET })
    const { cookie } = await signIn(old.app)
    const rotated = authApp({ secret: ['a brand new secret, also long enough: abcdef', SECRET] })
    expect(await me(rotated.app, cookie)).toBe('ada')
  })

  it('revokes nothing with the cookie store', async () => {
    expect(await authApp().auth.revokeUser('ada')).toBe(0)
  })

  it('keeps only the SHA-256 of session ids in the table', async () => {
    const file = tempDb()
    const { app } = authApp({ store: sqliteSessionStore(file.db, { table: 'logins' }) })
    const { cookie } = await signIn(app)
    const id = decodeURIComponent(cookie.split('=')[1] as string).split('.')[0] as string
    const rows = file.db.prepare('SELECT id_hash FROM logins').pluck().all()
    expect(rows).toHaveLength(1)
    expect(rows[0]).not.toBe(id)
    expect(JSON.stringify(rows)).not.toContain(id)
    file.cleanup()
  })

  it('uses a __Host- cookie with secure: true', async () => {
    const { app, auth } = authApp({ secure: true })
    const res = await app.request('/login/ada', { method: 'POST' })
    expect(setCookies(res)[0]).toMatch(/^__Host-hxkit_session=[^;]+; .*Path=\/; HttpOnly; Secure/)
    expect(await auth.sessionCookie('ada')).toMatch(/^__Host-hxkit_session=/)
  })

  it.each([
    [{ secret: 'short' }, '"secret" must be a string of at least 32 characters'],
    [{ secret: [] }, '"secret" must be a string of at least 32 characters'],
    [{ loadUser: 'no' }, '"loadUser" must be a function'],
    [{ store: 'redis' }, '"store" must be'],
    [{ store: { get: () => undefined } }, '"store" must be'],
    [{ secure: 'yes' }, '"secure" must be true, false'],
    [{ maxAge: 0 }, '"maxAge" must be a whole number of seconds'],
    [{ idleTimeout: 1.5 }, '"idleTimeout" must be a whole number'],
    [{ maxAge: 401 * 86_400 }, '"maxAge" must be a whole number'],
    [{ cookieName: 'a b' }, '"cookieName" must be a cookie token'],
    [{ cookieName: '__Host-x' }, 'needs secure: true'],
    [{ loginPath: '//evil' }, '"loginPath" must be a path'],
    [{ loginPath: '/login?x=1' }, '"loginPath" must be a path'],
    [{ forbidden: { target: '' } }, 'the selector must be a non-empty string'],
    [{ forbidden: { page: 'x' } }, '"forbidden.page" must be a function'],
    [{ forbidden: { message: '' } }, '"forbidden.message" must be a non-empty string'],
    [{ forbidden: { colour: 'red' } }, 'unknown option "forbidden.colour"'],
    [{ lifetime: 5 }, 'unknown option "lifetime"'],
  ])('refuses %j at startup', (options, message) => {
    expect(() =>
      sessions({ secret: SECRET, loadUser: () => null, ...(options as object) })
    ).toThrow(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
  })

  it('says so when login() or getUser() runs without the middleware', async () => {
    const auth = sessions({ secret: SECRET, loadUser: (id) => USERS[id] ?? null })
    const app = new Hono()
    app.get('/in', async (c) => {
      await auth.login(c, 'ada')
      return c.text('')
    })
    app.get('/who', (c) => c.text(String(getUser(c))))
    app.onError((error, c) => c.text(error.message, 500))
    expect(await (await app.request('/in')).text()).toMatch(/login\(\): the session middleware/)
    expect(await (await app.request('/who')).text()).toMatch(/getUser\(\): the session middleware/)
  })

  it('refuses an empty user id in login()', async () => {
    const { auth } = authApp()
    const app = new Hono()
    app.use(auth.middleware)
    app.get('/', async (c) => {
      await auth.login(c, '')
      return c.text('')
    })
    app.onError((error, c) => c.text(error.message, 500))
    expect(await (await app.request('/')).text()).toMatch(/"userId" must be a non-empty string/)
  })
})
