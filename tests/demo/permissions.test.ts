// The route-permission table: every route of the real demo app × {anonymous, viewer, operator,
// admin} × {plain, htmx 4, htmx 2}, and what each must answer. A route without a line in ACCESS
// fails the first test, naming it: adding a route means adding its one line here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../demo/users.ts'
import { htmx2Headers, htmx4Element, htmx4Headers } from '../../src/testing/index.ts'
import { dbFingerprint } from './fingerprint.ts'
import { openTestApp } from './setup.ts'

/** Who may use a route: anyone, or a role and those above it (viewer < operator < admin). */
type Access = 'public' | Role

/** One line per route, `METHOD path` as registered. */
const ACCESS: Record<string, Access> = {
  'GET /favicon.ico': 'public',
  'GET /login': 'public',
  'POST /login': 'public',
  'POST /logout': 'public',
  'POST /__csp-report': 'public',
  'GET /': 'viewer',
  'GET /live/overview': 'viewer',
  'GET /customers': 'viewer',
  'GET /orders/new': 'operator',
  'POST /orders/new': 'operator',
  'GET /orders/:id/edit': 'operator',
  'POST /orders/:id/edit': 'operator',
  'GET /tasks': 'viewer',
  'GET /tasks/:id': 'viewer',
  'GET /tasks/:id/progress': 'viewer',
  'GET /tasks/:id/progress/detail': 'viewer',
  'GET /live/tasks': 'viewer',
  'GET /tasks/:id/download': 'viewer',
  'POST /tasks/export': 'operator',
  'POST /tasks/recompute': 'operator',
  'POST /tasks/:id/:action': 'operator',
  'GET /orders': 'viewer',
  'GET /orders/:id{[0-9]{1,9}}': 'viewer',
  'GET /orders/:id{[0-9]{1,9}}/row': 'viewer',
  'GET /orders/:id{[0-9]{1,9}}/row/edit': 'operator',
  'PUT /orders/:id{[0-9]{1,9}}/row': 'operator',
  'POST /orders/:id{[0-9]{1,9}}/row': 'operator',
  'DELETE /orders/:id{[0-9]{1,9}}': 'operator',
  'POST /orders/:id{[0-9]{1,9}}/delete': 'operator',
  'POST /orders/bulk/ship': 'operator',
  'GET /orders/:id{[0-9]{1,9}}/dialog': 'operator',
  'POST /orders/:id{[0-9]{1,9}}/dialog': 'operator',
  'GET /csp-reports': 'admin',
  'POST /csp-reports/clear': 'admin',
  'GET /users': 'admin',
  'POST /users/:id/sign-out': 'admin',
  // test-only routes (HXKIT_TEST_ROUTES=1), mounted here so the table covers them
  'GET /__test/injected-script': 'public',
  'GET /__test/csp-reports': 'public',
  'GET /__test/live': 'public',
  'GET /__test/live/bare': 'public',
  'GET /__test/live/stream': 'public',
  'GET /__test/live/publish': 'public',
  'GET /__test/live/pong': 'public',
  'GET /__test/live/pwned': 'public',
}

const RANK: Record<Access, number> = { public: -1, viewer: 0, operator: 1, admin: 2 }
const CALLERS = [null, 'viewer', 'operator', 'admin'] as const
const SAME_ORIGIN = { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }
const MODES = {
  plain: {},
  'htmx 4': htmx4Headers({
    target: htmx4Element('section', 'orders'),
    currentUrl: 'http://localhost/customers?q=a',
  }),
  'htmx 2': htmx2Headers({ target: 'orders', currentUrl: 'http://localhost/customers?q=a' }),
} as const

const test = openTestApp(4, { as: null, testRoutes: true })
afterAll(test.cleanup)
// the users are seeded on first use: before any fingerprint is taken
beforeAll(async () => {
  await test.app.sessionCookie('admin')
})

/** The app's routes as `METHOD path`, middleware left out. */
function registeredRoutes(app = test.app): string[] {
  const keys = app.routes
    .filter((route) => route.method !== 'ALL')
    .map((route) => `${route.method} ${route.path}`)
  return [...new Set(keys)]
}

// a path of the route's pattern: :id is an order that exists (users: one that does not, so the
// admin's request signs nobody out)
function concrete(path: string): string {
  // a route's pattern (`:id{[0-9]{1,9}}`) gives way to the id itself
  const id = path.startsWith('/users/') ? '999' : '3'
  return path.replace(/:id(?:\{[^/]*\})?/, id)
}

describe('the route-permission table', () => {
  it('has an entry for every route of the demo app, and none for a route that is gone', () => {
    const routes = registeredRoutes()
    const missing = routes.filter((route) => !(route in ACCESS))
    const stale = Object.keys(ACCESS).filter((route) => !routes.includes(route))

    expect(
      missing.map(
        (route) =>
          `${route}: add \`'${route}': 'viewer' | 'operator' | 'admin' | 'public'\` to ACCESS`
      )
    ).toEqual([])
    expect(stale).toEqual([])
  })

  it('names a route added without an entry', () => {
    const extra = openTestApp(4, { as: null })
    extra.app.get('/reports', (c) => c.text('reports'))
    expect(registeredRoutes(extra.app).filter((route) => !(route in ACCESS))).toEqual([
      'GET /reports',
    ])
    extra.cleanup()
  })

  describe.each(Object.entries(ACCESS))('%s (%s)', (route, access) => {
    const [method = 'GET', pattern = '/'] = route.split(' ')
    const path = concrete(pattern)

    it.each(CALLERS.flatMap((caller) => Object.keys(MODES).map((mode) => [caller, mode] as const)))(
      'as %s, %s',
      async (caller, mode) => {
        const headers: Record<string, string> = {
          ...MODES[mode as keyof typeof MODES],
          ...(method === 'GET' ? {} : SAME_ORIGIN),
        }
        if (caller !== null) {
          headers['cookie'] = await test.app.sessionCookie(caller)
        }
        const before = dbFingerprint(test.db)
        const res = await test.app.request(path, {
          method,
          headers,
          ...(method === 'GET' ? {} : { body: new URLSearchParams() }),
        })
        const body = await res.text()
        const htmx = mode !== 'plain'
        const login = htmx ? res.headers.get('HX-Redirect') : res.headers.get('Location')

        expect(res.status).toBeLessThan(500)
        if (access === 'public') {
          expect(res.status).not.toBe(403)
          return
        }
        if (caller === null) {
          // signed out: to the login page, back to where the user was, never a fragment
          expect(res.status).toBe(htmx ? 200 : 303)
          expect(login).toMatch(/^\/login(\?next=%2F|$)/)
          expect(body).toBe('')
          expect(dbFingerprint(test.db)).toEqual(before)
        } else if (RANK[caller] < RANK[access]) {
          expect(res.status).toBe(403)
          if (htmx) {
            expect(res.headers.get('HX-Retarget')).toBe('#alerts')
            expect(body).toMatch(/^<p class="alert alert-error" role="alert">/)
          } else {
            expect(body).toMatch(/^<!doctype html>/)
            expect(body).toContain('<h1>Forbidden</h1>')
          }
          expect(dbFingerprint(test.db)).toEqual(before)
        } else {
          expect(res.status).not.toBe(403)
          expect(login ?? '').not.toMatch(/^\/login/)
        }
      }
    )
  })

  it('sends a signed-out htmx request back to the page it came from', async () => {
    const res = await test.app.request('/', { headers: MODES['htmx 4'] })
    expect(res.headers.get('HX-Redirect')).toBe('/login?next=%2Fcustomers%3Fq%3Da')
  })
})
