// requireUser() and requireRole(): a login redirect that htmx follows as a navigation, and a 403
// that htmx shows in the page's alert region, never inside the fragment target.
import type { Context, MiddlewareHandler } from 'hono'
import { html, render } from '../html/index.ts'
import type { Renderable } from '../html/index.ts'
import {
  HTMX_REQUEST_HEADERS,
  HX_RESWAP,
  HX_RETARGET,
  addTrigger,
  parseHtmxRequest,
  redirectTo,
} from '../htmx/index.ts'
import type { HtmxRequest } from '../htmx/index.ts'
import { hasControl } from '../internal/markup-policy.ts'
import { addVary } from '../internal/vary.ts'
import type { GuardConfig } from './guard-config.ts'
import type { AuthUser } from './session.ts'

/**
 * A same-origin path to return to after login, or `null`: only paths on the request's own origin,
 * never `//host`, `/\host`, other schemes, control characters or over 2048 characters.
 *
 * @param value - a `next` parameter, or an absolute URL such as `HX-Current-URL`
 * @param requestUrl - the request's URL (`c.req.url`), whose origin is the only one accepted
 * @returns the path with its query and fragment, or `null`
 * @see docs/auth.md
 * @example
 * safeReturnPath('/orders?page=2', c.req.url) // '/orders?page=2'
 * safeReturnPath('//evil.example', c.req.url) // null
 */
export function safeReturnPath(value: unknown, requestUrl: string): string | null {
  if (typeof value !== 'string' || value === '' || value.length > 2048) {
    return null
  }
  if (hasControl(value) || value.includes('\\')) {
    return null
  }
  const base = URL.parse(requestUrl)
  const parsed = base === null ? null : URL.parse(value, base)
  if (parsed === null || parsed.origin !== base?.origin) {
    return null
  }
  const path = parsed.pathname + parsed.search + parsed.hash
  // `/.//evil.example` parses to the path `//evil.example`: a protocol-relative Location
  return path.startsWith('//') ? null : path
}

function htmxOf(c: Context): HtmxRequest | null {
  const parsed = c.get('htmx')
  return parsed === undefined ? parseHtmxRequest(c.req.raw.headers) : parsed
}

/** Where the user was: the page (htmx's current URL), a GET's own URL, a same-origin Referer. */
function returnPathOf(c: Context, hx: HtmxRequest | null): string | null {
  const current = hx?.currentUrl ?? null
  const fromPage = current === null ? null : safeReturnPath(current, c.req.url)
  if (fromPage !== null) {
    return fromPage
  }
  if (c.req.method === 'GET' && hx === null) {
    return safeReturnPath(c.req.url, c.req.url)
  }
  return safeReturnPath(c.req.header('referer'), c.req.url)
}

function configOf(c: Context, fn: string): GuardConfig {
  const config = c.get('authGuard')
  if (config === undefined) {
    throw new Error(`${fn}: the session middleware is not mounted: app.use(auth.middleware) first`)
  }
  return config
}

function toLogin(c: Context, config: GuardConfig): Response {
  const hx = htmxOf(c)
  const back = returnPathOf(c, hx)
  const url =
    back === null || back === config.loginPath
      ? config.loginPath
      : `${config.loginPath}?next=${encodeURIComponent(back)}`
  c.header('Cache-Control', 'no-store')
  if (c.get('htmx') === undefined) {
    // without htmx() mounted: the header redirect by hand, a plain 303 otherwise
    if (hx !== null) {
      c.header('HX-Redirect', url)
      addVary(c.res.headers, HTMX_REQUEST_HEADERS)
      return c.body(null, 200)
    }
    return c.redirect(url, 303)
  }
  // HX-Redirect: a full navigation, so the login page never lands inside a fragment target
  return redirectTo(c, url, 303, { mode: 'redirect' })
}

const defaultFragment = (message: string): Renderable =>
  html`<p class="alert alert-error" role="alert">${message}</p>`

const defaultPage = (title: string, message: string): Renderable =>
  html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${title}</title>
      </head>
      <body>
        <main>
          <h1>${title}</h1>
          <p>${message}</p>
        </main>
      </body>
    </html>`

/** What a guard answers while the session store cannot (503), and how soon to try again. */
export const UNAVAILABLE = {
  message: 'Sign-in is unavailable for a moment. Try again shortly.',
  retryAfterSeconds: 5,
} as const

/**
 * A refusal htmx shows in the page's alert region: the fragment retargeted for a partial (and a
 * toast for htmx 2, which swaps no error status), else the full page.
 */
async function refuse(
  c: Context,
  config: GuardConfig,
  status: 403 | 503,
  message: string,
  page: () => Renderable | Response | Promise<Response>
): Promise<Response> {
  const hx = htmxOf(c)
  c.header('Cache-Control', 'no-store')
  if (hx?.version === 2) {
    // htmx 2 does not swap a 403 or a 503; its HX-Trigger still fires: the kit's toast says it
    addTrigger(c, 'toast', { message, level: 'error' })
  }
  if (hx !== null && !hx.historyRestore && !hx.boosted) {
    const fragment = config.fragment?.(c, message) ?? defaultFragment(message)
    c.header(HX_RETARGET, config.target)
    c.header(HX_RESWAP, 'innerHTML')
    const res = c.html((await render(fragment)).value, status)
    addVary(res.headers, HTMX_REQUEST_HEADERS)
    return res
  }
  const shown = await page()
  const res = shown instanceof Response ? shown : c.html((await render(shown)).value, status)
  addVary(res.headers, HTMX_REQUEST_HEADERS)
  return res
}

const forbid = (c: Context, config: GuardConfig): Promise<Response> =>
  refuse(c, config, 403, config.message, () =>
    config.page === undefined
      ? defaultPage('Forbidden', config.message)
      : config.page(c, config.message)
  )

/** The session store cannot answer: 503 with `Retry-After`, neither signed in nor signed out. */
function unavailable(c: Context, config: GuardConfig): Promise<Response> {
  c.header('Retry-After', String(UNAVAILABLE.retryAfterSeconds))
  return refuse(c, config, 503, UNAVAILABLE.message, () =>
    defaultPage('Unavailable', UNAVAILABLE.message)
  )
}

const storeDown = (c: Context): boolean => c.get('authSession')?.ended === 'unavailable'

/**
 * Lets signed-in users through. Anyone else gets the login page with a same-origin `?next=`:
 * a plain request a 303, an htmx request 200 with `HX-Redirect` (a full navigation, never the
 * login page swapped into a fragment) carrying the page it came from (`HX-Current-URL`).
 * While the session store cannot answer: 503 with `Retry-After`, shown like a 403.
 *
 * @returns the middleware
 * @throws Error at request time when the session middleware is not mounted
 * @see docs/auth.md
 * @example
 * app.get('/orders', requireUser(), ordersPage.handler)
 */
export function requireUser(): MiddlewareHandler {
  return async function requireUser(c, next) {
    const config = configOf(c, 'requireUser()')
    if (storeDown(c)) {
      return unavailable(c, config)
    }
    if (c.get('authUser') == null) {
      return toLogin(c, config)
    }
    await next()
    return undefined
  }
}

/**
 * Lets through signed-in users who have at least one of `roles`. Signed-out users are sent to
 * login as by `requireUser()`; others get 403: for htmx an error fragment retargeted to the
 * page's alert region (`forbidden.target`, `HX-Reswap: innerHTML`, and a toast for htmx 2, which
 * does not swap a 403), otherwise the full error page (`forbidden.page`). While the session
 * store cannot answer: 503 with `Retry-After`, shown the same way.
 *
 * @param roles - the roles that may pass (any one of them)
 * @returns the middleware
 * @throws TypeError at startup without a role
 * @see docs/auth.md
 * @example
 * app.post('/csp-reports/clear', requireRole('admin'), clearReports)
 */
export function requireRole(...roles: readonly string[]): MiddlewareHandler {
  if (roles.length === 0 || !roles.every((role) => typeof role === 'string' && role !== '')) {
    throw new TypeError('requireRole(): name at least one role, as non-empty strings')
  }
  const wanted = new Set(roles)
  return async function requireRole(c, next) {
    const config = configOf(c, 'requireRole()')
    if (storeDown(c)) {
      return unavailable(c, config)
    }
    const user: AuthUser | null | undefined = c.get('authUser')
    if (user == null) {
      return toLogin(c, config)
    }
    if (!user.roles.some((role) => wanted.has(role))) {
      return forbid(c, config)
    }
    await next()
    return undefined
  }
}
