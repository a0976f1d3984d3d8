import type { Context } from 'hono'
import { parseHtmxRequest } from './request.ts'
import type { HtmxRequest } from './request.ts'

/**
 * Returns the parsed htmx request: `c.var.htmx` when the `htmx()` middleware ran, otherwise the
 * request headers parsed on the spot (so views and helpers work without the middleware).
 *
 * @param c - the hono context
 * @returns the htmx request, or `null` when it is not one
 * @see docs/htmx.md
 * @example
 * const hx = getHtmx(c)
 * if (hx?.type === 'partial') return c.html(rows)
 */
export function getHtmx(c: Context): HtmxRequest | null {
  // c.get returns undefined when the middleware did not run, whatever the variable map says
  const stored = c.get('htmx') as HtmxRequest | null | undefined
  return stored === undefined ? parseHtmxRequest(c.req.raw.headers) : stored
}
