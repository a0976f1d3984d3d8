import type { MiddlewareHandler } from 'hono'
import { checkKeys } from '../internal/options.ts'
import { parseOrigins } from '../internal/origins.ts'
import { convertRedirect } from './redirect.ts'
import type { RedirectMode } from './redirect.ts'
import { parseHtmxRequest } from './request.ts'
import type { HtmxRequest } from './request.ts'

/** Options of the `htmx()` middleware. */
export interface HtmxOptions {
  /**
   * What a 3xx answered to an htmx request becomes: 200 + `HX-Location` (`'location'`, default),
   * 200 + `HX-Redirect` (`'redirect'`, full page load), or left alone (`'off'`).
   */
  readonly redirect?: RedirectMode | undefined
  /** Origins a redirect may leave the site for (as `HX-Redirect`), e.g. an identity provider. */
  readonly allowedOrigins?: readonly string[] | undefined
}

/** The variables `htmx()` sets, for `new Hono<{ Variables: HtmxVariables }>()`. */
export interface HtmxVariables {
  /** The parsed htmx request, or `null` when the request is not from htmx. */
  htmx: HtmxRequest | null
}

const FN = 'htmx()'
const MODES: readonly RedirectMode[] = ['location', 'redirect', 'off']
const KEYS = ['redirect', 'allowedOrigins']

function normalizeOptions(options: unknown): { mode: RedirectMode; origins: ReadonlySet<string> } {
  if (options === undefined) {
    throw new TypeError(`${FN}: options must be an object.`)
  }
  checkKeys(FN, options, KEYS)
  const { redirect = 'location', allowedOrigins } = options as HtmxOptions
  if (!MODES.includes(redirect)) {
    throw new TypeError(`${FN}: "redirect" must be one of ${MODES.join(', ')}.`)
  }
  return { mode: redirect, origins: parseOrigins(allowedOrigins, FN) }
}

/**
 * Middleware that parses the `HX-*` request headers into `c.var.htmx` (`null` for non-htmx
 * requests) and applies the redirect contract: a 3xx answered to an htmx request becomes 200 with
 * `HX-Location` (or `HX-Redirect`), so htmx does not swap the followed page into its target.
 * Bad options throw a TypeError at startup.
 *
 * @param [options] - `redirect` (`'location'` | `'redirect'` | `'off'`, default `'location'`) and
 *   `allowedOrigins` (cross-origin redirect targets allowed as `HX-Redirect`)
 * @returns the middleware
 * @see docs/htmx.md
 * @example
 * app.use(htmx())
 * app.get('/', (c) => (c.var.htmx ? c.html(rows) : c.html(page)))
 */
export function htmx(options: HtmxOptions = {}): MiddlewareHandler<{ Variables: HtmxVariables }> {
  const { mode, origins } = normalizeOptions(options)
  return async function htmx(c, next) {
    const hx = parseHtmxRequest(c.req.raw.headers)
    c.set('htmx', hx)
    await next()
    // only a redirect can need converting: other responses skip the async step
    const status = c.res.status
    if (status >= 300 && status < 400) {
      await convertRedirect(c, hx, mode, origins)
    }
  }
}
