// Response plumbing shared by page handlers: the htmx request, Vary, Cache-Control, the
// development-mode warning and the HTML response itself.
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { SafeHtml } from '../html/index.ts'
import { HTMX_REQUEST_HEADERS } from '../htmx/index.ts'
import type { HtmxRequest } from '../htmx/index.ts'
import { addVary } from '../internal/vary.ts'

/**
 * Sends `markup` as HTML with the negotiation headers: `Vary` on every header negotiation reads,
 * and `Cache-Control: no-store` on fragments (unless one was set) so no cache serves a fragment
 * to a normal navigation (docs/views.md, "Vary and Cache-Control").
 */
export function sendHtml(
  c: Context,
  markup: SafeHtml,
  fragment: boolean,
  status = 200
): Promise<Response> {
  // Build the response first and set headers on it: reading c.res before c.html() makes hono copy
  // the response through its body stream, which pushes @hono/node-server onto its slow path.
  const res = c.html(markup.value, status as ContentfulStatusCode)
  addVary(res.headers, HTMX_REQUEST_HEADERS)
  if (fragment && !res.headers.has('Cache-Control')) {
    res.headers.set('Cache-Control', 'no-store')
  }
  return Promise.resolve(res)
}

function isProduction(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env
  return env?.['NODE_ENV'] === 'production'
}

function describeTarget(hx: HtmxRequest): string {
  if (hx.partial !== null) {
    return `HX-Partial "${hx.partial}"`
  }
  if (hx.target === null) {
    return 'no HX-Target'
  }
  return `HX-Target "${hx.target.tag ?? ''}${hx.target.id === null ? '' : `#${hx.target.id}`}"`
}

/** Warns once per key (outside production) that an htmx request matched no partial. */
export function warnUnmatched(
  warned: Set<string>,
  c: Context,
  hx: HtmxRequest,
  selectors: readonly string[]
): void {
  const target = describeTarget(hx)
  if (isProduction() || warned.has(target)) {
    return
  }
  warned.add(target)
  console.warn(
    `hxkit: ${c.req.method} ${c.req.path} got an htmx request with ${target}, which names no partial of this page; ` +
      `sent the page content without the layout. Target one of: ${selectors.join(', ') || '(no partials)'}.`
  )
}
