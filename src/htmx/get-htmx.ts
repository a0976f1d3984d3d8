import type { Context } from 'hono'
import type { HtmxRequest } from './request.ts'

/**
 * Returns the parsed htmx request that the `htmx()` middleware put in `c.var.htmx`.
 *
 * @param c - the hono context
 * @returns the htmx request, or `null` when it is not one
 * @throws Error when `htmx()` is not mounted on this route
 * @see docs/htmx.md
 * @example
 * const hx = getHtmx(c)
 * if (hx?.type === 'partial') return c.html(rows)
 */
export function getHtmx(c: Context): HtmxRequest | null {
  const stored = c.get('htmx')
  if (stored === undefined) {
    throw new Error(
      'getHtmx(): htmx request details are not provided. Mount htmx() before this route: app.use(htmx()) (docs/htmx.md).'
    )
  }
  return stored
}
