// Sign-in for the demo: sessions in the demo database (or in Redis when scaled out), the login
// form (one zod schema), logout, a rate limit per account and per client address, and the users
// page for admins.
import type { Context, Hono, MiddlewareHandler } from 'hono'
import { z } from 'zod'
import {
  RedisUnavailable,
  clientAddress,
  rateLimiter,
  redisRateLimitStore,
  redisSessionStore,
  requireRole,
  safeReturnPath,
  sessions,
  sqliteRateLimitStore,
  sqliteSessionStore,
  verifyPassword,
} from '../src/auth/index.ts'
import type {
  RateLimitStore,
  RateLimiter,
  RedisScripting,
  SessionStore,
  Sessions,
} from '../src/auth/index.ts'
import { form } from '../src/forms/index.ts'
import type { FormState } from '../src/forms/index.ts'
import { html, render } from '../src/html/index.ts'
import type { SafeHtml } from '../src/html/index.ts'
import { getHtmx, redirectTo } from '../src/htmx/index.ts'
import type { Layout } from '../src/views/index.ts'
import type { DemoDb } from './db.ts'
import { seedUsers } from './users.ts'
import type { DemoUser, Role, SeedUsersOptions, UserStore } from './users.ts'

/** The login form: email and password, and where to go after. */
export const loginSchema = z
  .object({
    email: z.string().trim().min(3).max(254),
    password: z.string().min(1).max(1024),
    next: z.string().max(2048).optional(),
  })
  .strict()

// htmx 2 swaps a 2xx only: a failed sign-in answers it 200, as the order form does
const loginForm = form(loginSchema, { id: 'login-form', action: '/login', htmx2Status: 200 })

type LoginState = FormState<z.input<typeof loginSchema>>

/** The one answer to a wrong password and to an unknown account alike. */
export const LOGIN_FAILED = 'The email or password is not right.'

/** Failed sign-ins allowed per account and per client address in `LOGIN_WINDOW_MS`. */
export const LOGIN_LIMITS = { account: 5, address: 20 } as const
export const LOGIN_WINDOW_MS = 15 * 60_000

/** The demo's sign-in parts, ready after the database opened and the users were seeded. */
export interface DemoAuth {
  readonly users: UserStore
  readonly sessions: Sessions
  readonly limits: { account: RateLimiter; address: RateLimiter }
}

/** What `registerAuth` needs. */
export interface AuthDeps {
  db: DemoDb
  layout: Layout
  /** How the first start seeds its users. */
  seed?: SeedUsersOptions | undefined
  /** The client address the per-address limit counts (default the socket's). */
  clientAddress?: ((c: Context) => string) | undefined
  /**
   * The Redis every instance shares (scaled out): sessions and the sign-in limits live there
   * instead of in the database file.
   */
  redis?: RedisScripting | undefined
}

/** The message of a sign-in, sign-out or revocation while the session store is down. */
export const STORE_DOWN = 'Sign-in is unavailable for a moment. Try again shortly.'

/** Seconds a client is asked to wait (`Retry-After`) while the session store is down. */
const STORE_DOWN_RETRY = 5

/** Where sessions and the sign-in limits live: Redis when the demo is scaled out, else SQLite. */
function stores(deps: AuthDeps): { sessions: SessionStore; limits: RateLimitStore } {
  if (deps.redis !== undefined) {
    const connection = deps.redis
    return {
      sessions: redisSessionStore({ connection, prefix: 'hxkit-demo:session:' }),
      limits: redisRateLimitStore({ connection, prefix: 'hxkit-demo:login:' }),
    }
  }
  const sqlite = deps.db.sqlite()
  return { sessions: sqliteSessionStore(sqlite), limits: sqliteRateLimitStore(sqlite) }
}

/** A plain 503 for an action that needs the session store while it is down; other errors rethrown. */
function storeDown(c: Context, error: unknown): Response {
  if (!(error instanceof RedisUnavailable)) {
    throw error
  }
  c.header('Retry-After', String(STORE_DOWN_RETRY))
  c.header('Cache-Control', 'no-store')
  return c.text(STORE_DOWN, 503)
}

function loginPage(layout: Layout, c: Context, body: SafeHtml): Promise<SafeHtml> {
  return render(
    layout(
      html`<h1>Sign in</h1>
        <section class="panel login-panel" aria-label="Sign in">${body}</section>`,
      { title: 'Sign in', c }
    )
  )
}

function loginFields(state: LoginState): SafeHtml {
  return loginForm.render(
    state,
    html`${loginForm.field(state, 'email', {
      label: 'Email',
      type: 'email',
      attrs: { autocomplete: 'username', autofocus: true },
    })}
    ${loginForm.field(state, 'password', {
      label: 'Password',
      type: 'password',
      attrs: { autocomplete: 'current-password' },
    })}
    ${loginForm.field(state, 'next', { type: 'hidden' })}
    <div class="form-actions"><button type="submit">Sign in</button></div>`
  )
}

/**
 * Prepares the demo's sign-in: returns the session middleware (the app mounts it before every
 * guarded route) and `mountRoutes()`, which mounts `/login` (GET, POST), `POST /logout`, and the
 * admin's `/users` page with `POST /users/:id/sign-out`.
 *
 * @param app - the demo app
 * @param deps - database, layout, seeding options
 * @example
 * const auth = registerAuth(app, { db, layout })
 * app.use(auth.middleware)
 * auth.mountRoutes()
 */
export function registerAuth(
  app: Hono,
  deps: AuthDeps
): { middleware: MiddlewareHandler; ready: () => Promise<DemoAuth>; mountRoutes: () => void } {
  let ready: Promise<DemoAuth> | undefined
  const open = (): Promise<DemoAuth> =>
    (ready ??= seedUsers(deps.db.sqlite(), deps.seed).then((users) => {
      const { sessions: sessionStore, limits: store } = stores(deps)
      return {
        users,
        sessions: sessions({
          secret: users.secret(),
          store: sessionStore,
          loadUser: (id) => users.find(id),
          forbidden: {
            target: '#alerts',
            page: (c, message) =>
              deps.layout(
                html`<h1>Forbidden</h1>
                  <p class="alert alert-error" role="alert">${message}</p>
                  <p><a href="/">Back to the overview</a></p>`,
                { title: 'Forbidden', c }
              ),
          },
        }),
        limits: {
          account: rateLimiter({ limit: LOGIN_LIMITS.account, windowMs: LOGIN_WINDOW_MS, store }),
          address: rateLimiter({ limit: LOGIN_LIMITS.address, windowMs: LOGIN_WINDOW_MS, store }),
        },
      }
    }))
  const addressOf = deps.clientAddress ?? clientAddress

  // once set up, requests go straight to the session middleware (no promise of the set-up each)
  let opened: DemoAuth | undefined
  const middleware: MiddlewareHandler = function demoSession(c, next) {
    return opened !== undefined
      ? opened.sessions.middleware(c, next)
      : open().then((auth) => (opened = auth).sessions.middleware(c, next))
  }

  const show = async (c: Context, state: LoginState, status: 200 | 429 | 503 = 200) =>
    c.html((await loginPage(deps.layout, c, loginFields(state))).value, status)

  // the limits, the password, the session; throws RedisUnavailable while Redis is down
  const signIn = async (
    c: Context,
    auth: DemoAuth,
    { email, password, next }: { email: string; password: string; next?: string | undefined }
  ): Promise<Response> => {
    const keys = {
      account: `login:account:${email.toLowerCase()}`,
      address: `login:address:${addressOf(c)}`,
    }
    const kept = { email, next }
    const blocked =
      !(await auth.limits.account.check(keys.account)).allowed ||
      !(await auth.limits.address.check(keys.address)).allowed
    if (blocked) {
      const state = {
        ...loginForm.initial(kept),
        formErrors: ['Too many failed sign-ins. Wait 15 minutes, then try again.'],
      }
      c.header('Retry-After', String(LOGIN_WINDOW_MS / 1000))
      return getHtmx(c) === null ? show(c, state, 429) : loginForm.respond(c, state)
    }
    const user = auth.users.byEmail(email)
    // unknown account or wrong password: the same scrypt work, the same answer
    if (
      !(await verifyPassword(password, user?.passwordHash ?? null, {
        cost: deps.seed?.hashCost,
      })) ||
      user === null
    ) {
      await auth.limits.account.hit(keys.account)
      await auth.limits.address.hit(keys.address)
      // the form again (for htmx only the form, never the page inside it)
      return loginForm.respond(c, { ...loginForm.initial(kept), formErrors: [LOGIN_FAILED] })
    }
    await auth.limits.account.reset(keys.account)
    await auth.sessions.login(c, user.id)
    // a full navigation: the new session's first page loads whole, whichever htmx
    return redirectTo(c, safeReturnPath(next, c.req.url) ?? '/', 303, { mode: 'redirect' })
  }

  // after the app mounted the middleware: the routes need c.var.authUser
  const mountRoutes = (): void => {
    app.get('/login', (c) => {
      const next = safeReturnPath(c.req.query('next'), c.req.url) ?? undefined
      const state = loginForm.initial({ next })
      return show(c, state)
    })

    app.post(
      '/login',
      loginForm.validator({
        view: (state) => loginFields(state),
        page: (body, c) => loginPage(deps.layout, c, body),
      }),
      async (c) => {
        const { email, password, next } = c.req.valid('form')
        const auth = await open()
        try {
          return await signIn(c, auth, { email, password, next })
        } catch (error) {
          if (!(error instanceof RedisUnavailable)) {
            throw error
          }
          // fail closed: no limit to check means no password is tried
          const state = { ...loginForm.initial({ email, next }), formErrors: [STORE_DOWN] }
          c.header('Retry-After', String(STORE_DOWN_RETRY))
          return getHtmx(c) === null ? show(c, state, 503) : loginForm.respond(c, state)
        }
      }
    )

    app.post('/logout', async (c) => {
      try {
        await (await open()).sessions.logout(c)
      } catch (error) {
        return storeDown(c, error)
      }
      return redirectTo(c, '/login', 303, { mode: 'redirect' })
    })

    const admin = requireRole('admin')
    app.get('/users', admin, async (c) => {
      const list = (await open()).users.list()
      const body = html`<h1>Users</h1>
      <section class="panel" aria-labelledby="users-heading">
        <h2 id="users-heading">Accounts</h2>
        <table class="data-table">
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Sessions</th></tr>
          </thead>
          <tbody>
            ${list.map(
              (user: DemoUser) => html`<tr>
                <td>${user.name}</td>
                <td>${user.email}</td>
                <td>${user.role}</td>
                <td>
                  <form method="post" action="/users/${user.id}/sign-out">
                    <button type="submit">Sign out everywhere</button>
                  </form>
                </td>
              </tr>`
            )}
          </tbody>
        </table>
      </section>`
      return c.html((await render(deps.layout(body, { title: 'Users', c }))).value)
    })
    app.post('/users/:id/sign-out', admin, async (c) => {
      const auth = await open()
      const user = auth.users.find(c.req.param('id'))
      if (user === null) {
        return c.notFound()
      }
      try {
        await auth.sessions.revokeUser(user.id)
      } catch (error) {
        return storeDown(c, error)
      }
      return redirectTo(c, '/users')
    })
  }
  return { middleware, ready: open, mountRoutes }
}

/** A `Cookie` header signing in the seeded user of `role` (tests and e2e set-up). */
export async function sessionCookieFor(auth: DemoAuth, role: Role): Promise<string> {
  return auth.sessions.sessionCookie(auth.users.idOf(role))
}
