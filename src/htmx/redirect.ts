import type { Context } from 'hono'
import { addVary } from '../internal/vary.ts'
import { getHtmx } from './get-htmx.ts'
import {
  HX_HISTORY_RESTORE_REQUEST,
  HX_LOCATION,
  HX_REDIRECT,
  HX_REQUEST,
  HX_REQUEST_TYPE,
} from './headers.ts'
import { serializeLocation } from './location.ts'
import type { HtmxRequest } from './request.ts'
import { URL_OPTION_KEYS, originsOf, toSafeUrl } from './url.ts'
import type { UrlOptions } from './url.ts'

/** How a redirect reaches htmx: `HX-Location` (AJAX GET, default), `HX-Redirect` (full load), or not at all. */
export type RedirectMode = 'location' | 'redirect' | 'off'

/** The 3xx statuses that carry a `Location` to follow. */
export type RedirectStatus = 301 | 302 | 303 | 307 | 308

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308])
const VARY = [HX_REQUEST, HX_REQUEST_TYPE, HX_HISTORY_RESTORE_REQUEST]

// An htmx 2 history restore ignores response headers and swaps whatever body arrives
// (docs/protocol.md §1.4), so it must get the plain 3xx, which XHR follows to the full page.
function wantsHeaderRedirect(hx: HtmxRequest | null): hx is HtmxRequest {
  return hx !== null && !(hx.version === 2 && hx.historyRestore)
}

function headerFor(url: string, mode: 'location' | 'redirect'): [string, string] {
  // a cross-origin target cannot be fetched with AJAX (fetch mode same-origin): navigate
  return mode === 'location' && url.startsWith('/')
    ? [HX_LOCATION, serializeLocation(url)]
    : [HX_REDIRECT, url]
}

/**
 * Redirects the right way for the caller: an htmx request gets 200 with `HX-Location` (or
 * `HX-Redirect` with `mode: 'redirect'`), anything else a plain 3xx with `Location`.
 * Only same-origin paths starting with a single `/` are accepted, or absolute URLs whose origin is
 * in `allowedOrigins`; anything else throws a TypeError (docs/security.md §3.5).
 *
 * @param c - the hono context
 * @param path - the target path
 * @param [status=303] - the status for non-htmx requests (301, 302, 303, 307 or 308)
 * @param [options] - `allowedOrigins`, and `mode` (`'location'` or `'redirect'`) for htmx requests
 * @returns the response
 * @see docs/htmx.md
 * @example
 * app.post('/orders', async (c) => redirectTo(c, `/orders/${(await create(c)).id}`))
 */
export function redirectTo(
  c: Context,
  path: string,
  status: RedirectStatus = 303,
  options: UrlOptions & { readonly mode?: 'location' | 'redirect' | undefined } = {}
): Response {
  const fn = 'redirectTo()'
  if (!REDIRECT_STATUSES.has(status)) {
    throw new TypeError(`${fn}: "status" must be one of 301, 302, 303, 307, 308.`)
  }
  const mode: unknown = options.mode ?? 'location'
  if (mode !== 'location' && mode !== 'redirect') {
    throw new TypeError(`${fn}: "mode" must be one of location, redirect.`)
  }
  const url = toSafeUrl(path, fn, originsOf(options, fn, [...URL_OPTION_KEYS, 'mode']))
  if (!wantsHeaderRedirect(getHtmx(c))) {
    return c.redirect(url, status)
  }
  c.header(...headerFor(url, mode))
  addVary(c.res.headers, VARY)
  return c.body(null, 200)
}

// The same-origin path (or allowed absolute URL) a Location header points to, or null.
function resolveLocation(
  location: string,
  requestUrl: string,
  origins: ReadonlySet<string>
): string | null {
  const parsed = URL.parse(location, requestUrl)
  if (parsed === null) {
    return null
  }
  const sameOrigin = parsed.origin === new URL(requestUrl).origin
  const candidate = sameOrigin ? parsed.pathname + parsed.search + parsed.hash : parsed.href
  try {
    // also refuses `http://host//evil.com`, whose path would read as protocol-relative
    return toSafeUrl(candidate, 'htmx()', origins)
  } catch {
    return null
  }
}

/**
 * The redirect contract (docs/protocol.md §2.1 step 1, §2.3): fetch follows a 3xx by itself, so an
 * htmx request would swap the destination page into its target. Answer 200 with `HX-Location` (or
 * `HX-Redirect`) instead, keeping the other headers (Set-Cookie!) and dropping Location and body.
 * Cross-origin targets not in the allow-list are left alone (fetch refuses them: mode same-origin).
 */
export async function convertRedirect(
  c: Context,
  hx: HtmxRequest | null,
  mode: RedirectMode,
  origins: ReadonlySet<string>
): Promise<void> {
  const res = c.res
  if (mode === 'off' || !REDIRECT_STATUSES.has(res.status) || !wantsHeaderRedirect(hx)) {
    return
  }
  const location = res.headers.get('Location')
  if (location === null) {
    return
  }
  const url = resolveLocation(location, c.req.url, origins)
  if (url === null) {
    return
  }
  const headers = new Headers(res.headers)
  for (const name of ['Location', 'Content-Length', 'Content-Type']) {
    headers.delete(name)
  }
  headers.set(...headerFor(url, mode))
  addVary(headers, VARY)
  await res.body?.cancel()
  c.res = undefined // hono merges the old response's headers into a new one; Location must go
  c.res = new Response(null, { status: 200, headers })
}
