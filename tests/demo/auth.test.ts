// Signing in to the demo: the login form, the same answer for unknown accounts and wrong
// passwords, the rate limits, safe return paths, logout and revoking sessions.
import { afterAll, describe, expect, it } from 'vitest'
import { LOGIN_FAILED, LOGIN_LIMITS } from '../../demo/auth.ts'
import { htmx4Headers } from '../../src/testing/index.ts'
import { TEST_PASSWORDS, openTestApp } from './setup.ts'

const SAME_ORIGIN = { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }

const { app, anonymous, cleanup } = openTestApp(4, { as: null })
afterAll(cleanup)

let address = 0
/** A fresh client address per test, so the per-address limit of one test does not reach another. */
const client = () => ({
  incoming: { socket: { remoteAddress: `198.51.100.${String(++address)}` } },
})

function login(
  fields: Record<string, string>,
  env: object = client(),
  headers: Record<string, string> = {}
) {
  return anonymous(
    '/login',
    { method: 'POST', body: new URLSearchParams(fields), headers: { ...SAME_ORIGIN, ...headers } },
    env
  )
}

const cookieOf = (res: Response): string =>
  res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')

describe('the login page', () => {
  it('renders the form from the login schema, keeping a safe next', async () => {
    const res = await anonymous('/login?next=%2Fcustomers%3Fq%3Da')
    const body = await res.text()
    expect(res.status).toBe(200)
    expect(body).toContain('<form id="login-form" method="post" action="/login"')
    expect(body).toMatch(
      /<input[^>]*type="password"[^>]*name="password"|name="password"[^>]*type="password"/
    )
    expect(body).toContain('value="/customers?q=a"')
    expect(body).not.toContain('Sign out')
  })

  it.each(['//evil.example', 'https://evil.example/', '/\\evil.example', '/.//evil.example'])(
    'drops the unsafe next %j',
    async (next) => {
      const body = await (await anonymous(`/login?next=${encodeURIComponent(next)}`)).text()
      expect(body).not.toContain('evil.example')
    }
  )
})

describe('POST /login', () => {
  it('signs in and goes to next (303), with a session cookie', async () => {
    const res = await login({
      email: 'Operator@Example.com',
      password: TEST_PASSWORDS.operator,
      next: '/orders/new',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/orders/new')
    const cookie = cookieOf(res)
    expect(cookie).toMatch(/^hxkit_session=/)
    const page = await anonymous('/orders/new', { headers: { cookie } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Operator User')
  })

  it.each(['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)'])(
    'never redirects off-site: next %j goes to /',
    async (next) => {
      const res = await login({
        email: 'viewer@example.com',
        password: TEST_PASSWORDS.viewer,
        next,
      })
      expect(res.status).toBe(303)
      expect(res.headers.get('Location')).toBe('/')
    }
  )

  it('answers htmx with HX-Redirect to next: the signed-in page loads whole', async () => {
    const res = await login(
      { email: 'viewer@example.com', password: TEST_PASSWORDS.viewer, next: '/customers' },
      client(),
      htmx4Headers({})
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('HX-Redirect')).toBe('/customers')
  })

  it('gives an unknown account and a wrong password the same answer', async () => {
    const unknown = await login({ email: 'nobody@example.com', password: 'x' })
    const wrong = await login({ email: 'admin@example.com', password: 'not-it' })
    const [a, b] = [await unknown.text(), await wrong.text()]
    const strip = (body: string) => body.replace(/nonce="[^"]+"|value="[^"]*@example.com"/g, '')
    expect(unknown.status).toBe(422)
    expect(wrong.status).toBe(422)
    expect(a).toContain(LOGIN_FAILED)
    expect(strip(a)).toBe(strip(b))
    expect(unknown.headers.getSetCookie()).toEqual([])
    expect(a).not.toContain('value="x"')
  })

  it('answers a failed htmx sign-in with the form alone, not the page', async () => {
    const res = await login(
      { email: 'admin@example.com', password: 'no' },
      client(),
      htmx4Headers({})
    )
    const body = await res.text()
    expect(res.status).toBe(422)
    expect(body).toMatch(/^<form id="login-form"/)
    expect(body).toContain(LOGIN_FAILED)
    expect(body).not.toContain('<html')
  })

  it('answers a malformed body with the form and its errors (422)', async () => {
    const res = await login({ email: '', password: '' })
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('id="login-form"')
  })

  it(`blocks an account after ${String(LOGIN_LIMITS.account)} failures, whatever the address`, async () => {
    const own = openTestApp(4, { as: null })
    const login = (fields: Record<string, string>) =>
      own.anonymous(
        '/login',
        { method: 'POST', body: new URLSearchParams(fields), headers: SAME_ORIGIN },
        client()
      )
    for (let i = 0; i < LOGIN_LIMITS.account; i++) {
      expect((await login({ email: 'viewer@example.com', password: 'wrong' })).status).toBe(422)
    }
    const blocked = await login({ email: 'viewer@example.com', password: TEST_PASSWORDS.viewer })
    expect(blocked.status).toBe(429)
    expect(blocked.headers.get('Retry-After')).toBe('900')
    expect(await blocked.text()).toContain('Too many failed sign-ins')
    expect(blocked.headers.getSetCookie()).toEqual([])
    // another account from the same addresses is not affected
    const other = await login({ email: 'admin@example.com', password: TEST_PASSWORDS.admin })
    expect(other.status).toBe(303)
    own.cleanup()
  })

  it(`blocks an address after ${String(LOGIN_LIMITS.address)} failures over any accounts`, async () => {
    const env = client()
    for (let i = 0; i < LOGIN_LIMITS.address; i++) {
      await login({ email: `guess${String(i)}@example.com`, password: 'x' }, env)
    }
    const blocked = await login({ email: 'admin@example.com', password: TEST_PASSWORDS.admin }, env)
    expect(blocked.status).toBe(429)
    const elsewhere = await login({ email: 'admin@example.com', password: TEST_PASSWORDS.admin })
    expect(elsewhere.status).toBe(303)
  })
})

describe('signing out', () => {
  it('POST /logout ends the session and sends the browser to login', async () => {
    const cookie = await app.sessionCookie('viewer')
    const res = await anonymous('/logout', { method: 'POST', headers: { ...SAME_ORIGIN, cookie } })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/login')
    expect((await anonymous('/', { headers: { cookie } })).status).toBe(303)
  })

  it('an admin signs a user out everywhere from /users', async () => {
    const viewer = await app.sessionCookie('viewer')
    const admin = await app.sessionCookie('admin')
    const page = await (await anonymous('/users', { headers: { cookie: admin } })).text()
    expect(page).toContain('viewer@example.com')
    const id = /action="\/users\/(\d+)\/sign-out"/.exec(page)?.[1] ?? ''
    const res = await anonymous(`/users/${id}/sign-out`, {
      method: 'POST',
      headers: { ...SAME_ORIGIN, cookie: admin },
    })
    expect(res.status).toBe(303)
    expect((await anonymous('/', { headers: { cookie: viewer } })).status).toBe(303)
    expect((await anonymous('/', { headers: { cookie: admin } })).status).toBe(200)
    const missing = await anonymous('/users/999/sign-out', {
      method: 'POST',
      headers: { ...SAME_ORIGIN, cookie: admin },
    })
    expect(missing.status).toBe(404)
  })

  it('a session that ended answers an htmx request with HX-Redirect, not the login page', async () => {
    const res = await anonymous('/?page=2', {
      headers: {
        ...htmx4Headers({ currentUrl: 'http://localhost/?page=2' }),
        cookie: 'hxkit_session=gone',
      },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('HX-Redirect')).toBe('/login?next=%2F%3Fpage%3D2')
    expect(await res.text()).toBe('')
  })
})

describe('the layout', () => {
  it('shows each role only the links it may open', async () => {
    const links = async (role: 'viewer' | 'operator' | 'admin') => {
      const body = await (
        await anonymous('/', { headers: { cookie: await app.sessionCookie(role) } })
      ).text()
      return [...body.matchAll(/<li><a href="([^"]+)"/g)].map((m) => m[1])
    }
    expect(await links('viewer')).toEqual(['/', '/orders', '/customers', '/tasks'])
    expect(await links('operator')).toEqual(['/', '/orders', '/customers', '/orders/new', '/tasks'])
    expect(await links('admin')).toEqual([
      '/',
      '/orders',
      '/customers',
      '/orders/new',
      '/tasks',
      '/csp-reports',
      '/users',
    ])
  })

  it('has the alert region the guards retarget to', async () => {
    const body = await (
      await app.request('/', { headers: { cookie: await app.sessionCookie('viewer') } })
    ).text()
    expect(body).toContain('<div id="alerts" class="alerts" aria-live="assertive"></div>')
  })
})
