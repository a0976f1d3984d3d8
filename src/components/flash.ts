import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { checkKeys } from '../internal/options.ts'
import { checkSecret, signer } from '../internal/sign.ts'
import { toasts } from './toasts.ts'
import type { ToastKind, ToastMessage } from './toasts.ts'

interface FlashState {
  incoming: ToastMessage[]
  queued: ToastMessage[]
  taken: boolean
}

const states = new WeakMap<Request, FlashState>()
const KINDS: readonly string[] = ['info', 'success', 'error']
const MAX = 10

function stateOf(c: Context, caller: string): FlashState {
  const state = states.get(c.req.raw)
  if (state === undefined) {
    throw new Error(`${caller}: flashes() is not mounted.`)
  }
  return state
}

function decode(payload: string | null): ToastMessage[] {
  if (payload === null) {
    return []
  }
  try {
    const list: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    return Array.isArray(list)
      ? list
          .filter(
            (m): m is ToastMessage =>
              typeof (m as ToastMessage | null)?.message === 'string' &&
              KINDS.includes(String((m as ToastMessage).kind))
          )
          .slice(0, MAX)
      : []
  } catch {
    return []
  }
}

function isRedirect(res: Response): boolean {
  return (
    (res.status >= 300 && res.status < 400) ||
    res.headers.has('HX-Location') ||
    res.headers.has('HX-Redirect')
  )
}

/**
 * Queues a toast for this request. It shows on this page when the layout renders
 * `toastRegion(takeFlashes(c))`, is appended as an `<hx-partial>` to an htmx response, or, when
 * the response is a redirect (3xx, `HX-Location`, `HX-Redirect`), rides a signed cookie to the
 * next page.
 *
 * @param c - the context
 * @param message - the text (escaped when shown)
 * @param [kind='info'] - `info`, `success` or `error`
 * @see docs/components.md
 * @example
 * flash(c, 'Order 7 deleted', 'success')
 * return c.redirect('/orders', 303)
 */
export function flash(c: Context, message: string, kind: ToastKind = 'info'): void {
  stateOf(c, 'flash()').queued.push({ message: message.slice(0, 500), kind })
}

/**
 * The toasts to show now (those carried from the previous response, then this request's), once:
 * after this call they are not repeated on the response nor carried on.
 *
 * @param c - the context
 * @see docs/components.md
 * @example
 * toastRegion(takeFlashes(c))
 */
export function takeFlashes(c: Context): ToastMessage[] {
  const state = states.get(c.req.raw)
  if (state === undefined) {
    return []
  }
  const all = [...state.incoming, ...state.queued]
  state.taken = true
  state.incoming = []
  state.queued = []
  return all
}

/**
 * Middleware for `flash()`: reads the messages a redirect carried (a cookie signed with HMAC, so
 * nobody else can put words on the page), and after the handler writes this request's queued
 * messages to the cookie on a redirect, appends them as toasts to an htmx HTML response, and
 * clears the cookie once they are shown.
 *
 * @param options - `secret` (at least 16 characters), `cookie` (default `hxkit-flash`)
 * @see docs/components.md
 * @example
 * app.use(flashes({ secret: process.env.FLASH_SECRET }))
 */
export function flashes(options: {
  secret: string
  cookie?: string | undefined
}): MiddlewareHandler {
  checkKeys('flashes()', options, ['secret', 'cookie'])
  const sign = signer(checkSecret('flashes()', options.secret), 'hxkit-flash')
  const name = options.cookie ?? 'hxkit-flash'
  return async function flashMiddleware(c, next) {
    const cookie = getCookie(c, name)
    const state: FlashState = {
      incoming: decode(cookie === undefined ? null : sign.verify(cookie, name)),
      queued: [],
      taken: false,
    }
    states.set(c.req.raw, state)
    await next()
    const pending = [...state.incoming, ...state.queued]
    const res = c.res
    // read only when there is something to show: reading a response's headers costs a copy
    const type = pending.length > 0 ? (res.headers.get('Content-Type') ?? '') : ''
    if (pending.length > 0 && isRedirect(res)) {
      const payload = Buffer.from(JSON.stringify(pending.slice(0, MAX))).toString('base64url')
      setCookie(c, name, sign.sign(payload, name), { path: '/', httpOnly: true, sameSite: 'Lax' })
      return
    }
    if (
      pending.length > 0 &&
      c.req.header('HX-Request') === 'true' &&
      type.startsWith('text/html')
    ) {
      const body = (await res.text()) + toasts(...pending).value
      const replaced = new Response(body, res)
      replaced.headers.delete('Content-Length')
      // cleared first: hono would copy the old response's headers into the new one
      c.res = undefined
      c.res = replaced
      state.incoming = []
    }
    if (cookie !== undefined && (state.taken || state.incoming.length === 0)) {
      deleteCookie(c, name, { path: '/' })
    }
  }
}
