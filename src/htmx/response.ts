import type { Context } from 'hono'
import type { HxSwap } from '../html/index.ts'
import { toSafeSelector } from '../internal/selector.ts'
import { serializeSwap as writeSwap } from '../internal/swap.ts'
import { getHtmx } from './get-htmx.ts'
import { HX_PUSH_URL, HX_REPLACE_URL, HX_RESELECT, HX_RESWAP, HX_RETARGET } from './headers.ts'
import { originsOf, toSafeUrl } from './url.ts'
import type { UrlOptions } from './url.ts'

function historyHeader(
  c: Context,
  name: string,
  fn: string,
  url: string | boolean,
  options: UrlOptions
): void {
  const value = typeof url === 'boolean' ? String(url) : toSafeUrl(url, fn, originsOf(options, fn))
  c.header(name, value)
}

/**
 * Sets `HX-Push-Url`: pushes a URL into the browser history (`true`: the request URL; `false`:
 * suppresses an `hx-push-url`). Unsafe URLs throw a TypeError, as for `clientRedirect`.
 *
 * @param c - the hono context
 * @param url - a path starting with a single `/`, or `true`/`false`
 * @param [options] - `allowedOrigins` for absolute URLs
 * @see docs/htmx.md
 * @example
 * setPushUrl(c, `/orders?page=${page}`)
 */
export function setPushUrl(c: Context, url: string | boolean, options: UrlOptions = {}): void {
  historyHeader(c, HX_PUSH_URL, 'setPushUrl()', url, options)
}

/**
 * Sets `HX-Replace-Url`: replaces the current history entry (`false` suppresses an
 * `hx-replace-url`). If both are sent, htmx 4 lets push win.
 *
 * @param c - the hono context
 * @param url - a path starting with a single `/`, or `true`/`false`
 * @param [options] - `allowedOrigins` for absolute URLs
 * @see docs/htmx.md
 * @example
 * setReplaceUrl(c, '/orders?status=open')
 */
export function setReplaceUrl(c: Context, url: string | boolean, options: UrlOptions = {}): void {
  historyHeader(c, HX_REPLACE_URL, 'setReplaceUrl()', url, options)
}

/**
 * Sets `HX-Retarget`: swaps into another element (an extended selector such as `closest tr`,
 * resolved from the source element). Non-ASCII becomes CSS escapes; control characters throw.
 *
 * @param c - the hono context
 * @param selector - the new target
 * @see docs/htmx.md
 * @example
 * setRetarget(c, '#form-errors')
 */
export function setRetarget(c: Context, selector: string): void {
  c.header(HX_RETARGET, toSafeSelector(selector, 'setRetarget()'))
}

/**
 * Sets `HX-Reswap` from a typed swap spec, written for the htmx that sent the request (htmx 2 gets
 * its own modifier syntax, and `HX-Retarget` for a `target`).
 *
 * @param c - the hono context
 * @param spec - a swap style, or a style with modifiers
 * @see docs/htmx.md
 * @example
 * setReswap(c, { style: 'beforeend', scroll: 'bottom' })
 */
export function setReswap(c: Context, spec: HxSwap): void {
  const version = getHtmx(c)?.version ?? 4
  c.header(HX_RESWAP, writeSwap(spec, version, 'setReswap()'))
  // htmx 2 has no `target:` swap modifier; HX-Retarget does the same there
  if (version === 2 && typeof spec === 'object' && spec.target !== undefined) {
    setRetarget(c, spec.target)
  }
}

/**
 * Sets `HX-Reselect`: picks part of the response instead of `hx-select`.
 *
 * @param c - the hono context
 * @param selector - a CSS selector
 * @see docs/htmx.md
 * @example
 * setReselect(c, '#content')
 */
export function setReselect(c: Context, selector: string): void {
  c.header(HX_RESELECT, toSafeSelector(selector, 'setReselect()'))
}
