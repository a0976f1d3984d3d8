import { Hono } from 'hono'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  RedisUnavailable,
  requireRole,
  requireUser,
  safeReturnPath,
  sessions,
} from '../../src/auth/index.ts'
import type { SessionRecord } from '../../src/auth/index.ts'
import { html } from '../../src/html/index.ts'
import { htmx2Headers, htmx4BoostedHeaders, htmx4Headers } from '../../src/testing/index.ts'
import { SECRET, USERS, authApp } from './fixtures.ts'

const BASE = 'http://localhost'

describe('safeReturnPath', () => {
  it.each([
    ['/orders?page=2#top', '/orders?page=2#top'],
    ['/', '/'],
    ['http://localhost/orders', '/orders'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['orders', '/orders'],
  ])('keeps the same-origin %j as %j', (value, expected) => {
    expect(safeReturnPath(value, `${BASE}/login`)).toBe(expected)
  })

  it.each([
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/.//evil.example',
    '/..//evil.example',
    'https://evil.example/',
    'http://localhost:8080/',
    'https://localhost/',
    'javascript:alert(1)',
    'data:text/html,x',
    '/\t/evil.example',
    '/\n/evil.example',
    ' //evil.example',
    '',
    '/' + 'a'.repeat(2048),
    42,
    null,
  ])('refuses %j', (value) => {
    expect(safeReturnPath(value, `${BASE}/login`)).toBeNull()
  })

  it('refuses everything against an unparsable request URL', () => {
    expect(safeReturnPath('/x', 'not a url')).toBeNull()
  })
})

async function signedIn(auth: ReturnType<typeof authApp>['auth'], id: string) {
  return { cookie: await auth.sessionCookie(id) }
}

describe('requireUser()', () => {
  const { app, auth } = authApp()

  it('lets a signed-in user through', async () => {
    const res = await app.request('/page', { headers: await signedIn(auth, 'bob') })
    expect(await res.text()).toBe('page')
  })

  it('sends a plain request to login with the page as next (303)', async () => {
    const res = await app.request('/page?tab=2')
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/login?next=%2Fpage%3Ftab%3D2')
    expect(res.headers.get('Cache-Control')).toBe('no-store')
  })

  it.each([
    ['htmx 4', htmx4Headers({ currentUrl: `${BASE}/orders?page=3` })],
    ['htmx 2', htmx2Headers({ currentUrl: `${BASE}/orders?page=3` })],
  ])(
    'answers an %s request with HX-Redirect to login, carrying the page URL',
    async (_, headers) => {
      const res = await app.request('/page', { headers })
      expect(res.status).toBe(200)
      expect(res.headers.get('HX-Redirect')).toBe('/login?next=%2Forders%3Fpage%3D3')
      expect(res.headers.get('Location')).toBeNull()
      expect(await res.text()).toBe('')
      expect(res.headers.get('Vary')).toContain('HX-Request')
    }
  )

  it('ignores a foreign HX-Current-URL and falls back to a same-origin Referer or nothing', async () => {
    const foreign = htmx4Headers({ currentUrl: 'https://evil.example/x' })
    const bare = await app.request('/admin', { method: 'POST', headers: foreign })
    expect(bare.headers.get('HX-Redirect')).toBe('/login')
    const withReferer = await app.request('/admin', {
      method: 'POST',
      headers: { ...foreign, referer: `${BASE}/settings` },
    })
    expect(withReferer.headers.get('HX-Redirect')).toBe('/login?next=%2Fsettings')
    const plainPost = await app.request('/admin', {
      method: 'POST',
      headers: { referer: 'https://evil.example/' },
    })
    expect(plainPost.headers.get('Location')).toBe('/login')
  })

  it('does the header redirect itself when htmx() is not mounted', async () => {
    const bare = authApp({}, { mountHtmx: false }).app
    const hx = await bare.request('/page', { headers: htmx4Headers({}) })
    expect(hx.status).toBe(200)
    expect(hx.headers.get('HX-Redirect')).toBe('/login?next=%2F')
    expect(hx.headers.get('Vary')).toContain('HX-Request')
    const plain = await bare.request('/page')
    expect(plain.status).toBe(303)
    expect(plain.headers.get('Location')).toBe('/login?next=%2Fpage')
  })

  it('sends the plain 303 to an htmx 2 history restore, which swaps any body it gets', async () => {
    const res = await app.request('/page', {
      headers: { 'HX-Request': 'true', 'HX-History-Restore-Request': 'true' },
    })
    expect(res.status).toBe(303)
  })

  it('uses the configured login path', async () => {
    const other = authApp({ loginPath: '/sign-in' }).app
    const res = await other.request('/page')
    expect(res.headers.get('Location')).toBe('/sign-in?next=%2Fpage')
    const self = new Hono()
    self.use(sessions({ secret: SECRET, loadUser: () => null, loginPath: '/sign-in' }).middleware)
    self.get('/sign-in', requireUser(), (c) => c.text('x'))
    expect((await self.request('/sign-in')).headers.get('Location')).toBe('/sign-in')
  })

  it('throws a clear error without the session middleware', async () => {
    const app = new Hono()
    app.get('/', requireUser(), (c) => c.text('x'))
    app.get('/r', requireRole('a'), (c) => c.text('x'))
    app.onError((error, c) => c.text(error.message, 500))
    expect(await (await app.request('/')).text()).toMatch(
      /^requireUser\(\): the session middleware/
    )
    expect(await (await app.request('/r')).text()).toMatch(/^requireRole\(\): the session/)
  })
})

describe('requireRole()', () => {
  const { app, auth } = authApp()

  it('lets a user with the role through, and sends the signed-out to login', async () => {
    const ok = await app.request('/admin', {
      method: 'POST',
      headers: await signedIn(auth, 'ada'),
    })
    expect(await ok.text()).toBe('done')
    const anonymous = await app.request('/admin', { method: 'POST' })
    expect(anonymous.status).toBe(303)
  })

  it('answers a user without the role with a full 403 page', async () => {
    const res = await app.request('/admin', {
      method: 'POST',
      headers: await signedIn(auth, 'bob'),
    })
    const body = await res.text()
    expect(res.status).toBe(403)
    expect(body).toMatch(/^<!doctype html>/)
    expect(body).toContain('<h1>Forbidden</h1>')
    expect(res.headers.get('HX-Retarget')).toBeNull()
  })

  it('answers htmx 4 with a fragment retargeted to the alert region', async () => {
    const res = await app.request('/admin', {
      method: 'POST',
      headers: { ...htmx4Headers({ target: 'tbody#rows' }), ...(await signedIn(auth, 'bob')) },
    })
    expect(res.status).toBe(403)
    expect(res.headers.get('HX-Retarget')).toBe('#alerts')
    expect(res.headers.get('HX-Reswap')).toBe('innerHTML')
    expect(res.headers.get('HX-Trigger')).toBeNull()
    expect(await res.text()).toBe(
      '<p class="alert alert-error" role="alert">You do not have permission to do that.</p>'
    )
  })

  it('adds a toast for htmx 2, which does not swap a 403', async () => {
    const res = await app.request('/admin', {
      method: 'POST',
      headers: { ...htmx2Headers({ target: 'rows' }), ...(await signedIn(auth, 'bob')) },
    })
    expect(res.status).toBe(403)
    expect(JSON.parse(res.headers.get('HX-Trigger') ?? '{}')).toEqual({
      toast: { message: 'You do not have permission to do that.', level: 'error' },
    })
  })

  it('answers a boosted navigation with the full page', async () => {
    const res = await app.request('/admin', {
      method: 'POST',
      headers: { ...htmx4BoostedHeaders(), ...(await signedIn(auth, 'bob')) },
    })
    expect(res.status).toBe(403)
    expect(await res.text()).toMatch(/^<!doctype html>/)
  })

  it('uses the app’s page, fragment, message and target', async () => {
    const custom = authApp({
      forbidden: {
        target: '#flash',
        message: 'Admins only.',
        page: (_c, message) => html`<main>${message}</main>`,
        fragment: (_c, message) => html`<b>${message}</b>`,
      },
    })
    const headers = { cookie: await custom.auth.sessionCookie('bob') }
    const page = await custom.app.request('/admin', { method: 'POST', headers })
    expect(await page.text()).toBe('<main>Admins only.</main>')
    const fragment = await custom.app.request('/admin', {
      method: 'POST',
      headers: { ...headers, ...htmx4Headers({}) },
    })
    expect(fragment.headers.get('HX-Retarget')).toBe('#flash')
    expect(await fragment.text()).toBe('<b>Admins only.</b>')
    const asResponse = authApp({
      forbidden: { page: (c) => Promise.resolve(c.text('nope', 403)) },
    })
    const res = await asResponse.app.request('/admin', {
      method: 'POST',
      headers: { cookie: await asResponse.auth.sessionCookie('bob') },
    })
    expect(await res.text()).toBe('nope')
  })

  it('accepts any one of several roles', async () => {
    const auth = sessions({ secret: SECRET, loadUser: (id) => USERS[id] ?? null })
    const app = new Hono()
    app.use(auth.middleware)
    app.get('/', requireRole('viewer', 'admin'), (c) => c.text('ok'))
    for (const id of ['ada', 'bob']) {
      const res = await app.request('/', { headers: { cookie: await auth.sessionCookie(id) } })
      expect(await res.text()).toBe('ok')
    }
  })

  it('refuses to be built without a role', () => {
    expect(() => requireRole()).toThrow(TypeError)
    expect(() => requireRole('')).toThrow(TypeError)
  })
})

describe('the guards while the session store is down', () => {
  // a store that cannot answer, as a Redis store does while Redis is down
  const down = {
    get: () => Promise.reject(new RedisUnavailable('down')),
    set: () => Promise.reject(new RedisUnavailable('down')),
    delete: () => Promise.reject(new RedisUnavailable('down')),
    deleteUser: () => Promise.reject(new RedisUnavailable('down')),
  }
  // a validly signed session id, minted by an app whose store still answers
  const working = new Map<string, SessionRecord>()
  const signed = authApp({
    store: {
      get: (id) => working.get(id),
      set: (record) => {
        working.set(record.id, record)
      },
      delete: (id) => {
        working.delete(id)
      },
      deleteUser: () => 0,
    },
  })
  let cookie: { cookie: string }
  beforeAll(async () => {
    cookie = { cookie: await signed.auth.sessionCookie('ada') }
  })

  it.each([
    ['plain', {}, 'page'],
    ['htmx 4 partial', htmx4Headers({ target: 'div#rows' }), 'fragment'],
    ['htmx 2 partial', htmx2Headers({ target: 'rows' }), 'fragment'],
    ['boosted', htmx4BoostedHeaders(), 'page'],
  ] as const)(
    'answer a %s request 503 with Retry-After, never the login',
    async (_, headers, shape) => {
      const { app } = authApp({ store: down })
      for (const [path, method] of [
        ['/page', 'GET'],
        ['/admin', 'POST'],
      ] as const) {
        const res = await app.request(path, { method, headers: { ...headers, ...cookie } })
        const body = await res.text()
        expect(res.status).toBe(503)
        expect(res.headers.get('Retry-After')).toBe('5')
        expect(res.headers.get('Cache-Control')).toBe('no-store')
        expect(res.headers.get('Location')).toBeNull()
        expect(res.headers.get('HX-Redirect')).toBeNull()
        expect(res.headers.getSetCookie()).toEqual([])
        expect(body).toContain('Sign-in is unavailable for a moment')
        if (shape === 'fragment') {
          expect(res.headers.get('HX-Retarget')).toBe('#alerts')
          expect(body).not.toContain('<html')
        } else {
          expect(body).toContain('<title>Unavailable</title>')
        }
        // htmx 2 swaps no 503: the toast says it
        expect(res.headers.get('HX-Trigger') !== null).toBe(_ === 'htmx 2 partial')
      }
    }
  )

  it('let an unguarded route run signed out, keeping the cookie', async () => {
    const { app } = authApp({ store: down })
    const res = await app.request('/me', { headers: cookie })
    expect([res.status, await res.text()]).toEqual([200, 'nobody'])
    expect(res.headers.getSetCookie()).toEqual([])
  })
})
