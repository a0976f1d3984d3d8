// Response plumbing shared by page handlers: the htmx request, Vary, Cache-Control, the
// development-mode warning and the HTML response itself.
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { SafeHtml } from '../html/index.ts'
import { HTMX_REQUEST_HEADERS } from '../htmx/index.ts'
import type { HtmxRequest } from '../htmx/index.ts'
import { fastHtmlResponse } from '../internal/fast-response.ts'
import type { HeaderTarget } from '../internal/fast-response.ts'
import { addVary } from '../internal/vary.ts'

/**
 * Sends `markup` as HTML with the negotiation headers: `Vary` on every header negotiation reads,
 * and `Cache-Control: no-store` on fragments (unless one was set) so no cache serves a fragment
 * to a normal navigation (docs/views.md, "Vary and Cache-Control"). Under csp()/secure() the
 * response is built with all of its headers at once (src/internal/fast-response.ts).
 */
export function sendHtml(
  c: Context,
  markup: SafeHtml,
  fragment: boolean,
  status = 200
): Promise<Response> {
  const own = (headers: HeaderTarget): void => {
    addVary(headers, HTMX_REQUEST_HEADERS)
    if (fragment && !headers.has('Cache-Control')) {
      headers.set('Cache-Control', 'no-store')
    }
  }
  const fast = fastHtmlResponse(c, markup.value, status, own)
  if (fast !== null) {
    return Promise.resolve(fast)
  }
  // Build the response first and set headers on it: reading c.res before c.html() makes hono copy
  // the response through its body stream, which pushes @hono/node-server onto its slow path.
  const res = c.html(markup.value, status as ContentfulStatusCode)
  own(res.headers)
  return Promise.resolve(res)
}

function isProduction(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env
  return env?.['NODE_ENV'] === 'production'
}

/** The most characters of a client-sent value the warning shows. */
export const WARN_VALUE_CHARS = 80
/** The most distinct targets one page warns about; later ones are not remembered. */
export const WARN_MAX_KEYS = 100

// Client-sent text in a log line: control characters (CR, LF, ESC of ANSI sequences, C1) and
// bidirectional controls escaped as \uXXXX, quotes and backslashes escaped, and cut to a length.
function forLog(value: string): string {
  const cut = value.length > WARN_VALUE_CHARS ? `${value.slice(0, WARN_VALUE_CHARS)}…` : value
  return cut.replace(
    // eslint-disable-next-line no-control-regex -- control characters are what it escapes
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"\\]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

function describeTarget(hx: HtmxRequest): string {
  if (hx.partial !== null) {
    return `HX-Partial "${forLog(hx.partial)}"`
  }
  if (hx.target === null) {
    return 'no HX-Target'
  }
  const target = `${hx.target.tag ?? ''}${hx.target.id === null ? '' : `#${hx.target.id}`}`
  return `HX-Target "${forLog(target)}"`
}

/**
 * Warns once per target (outside production) that an htmx request matched no partial. The
 * target is the client's: it is escaped and cut for the log, and at most `WARN_MAX_KEYS`
 * targets are remembered per page, so no client can forge log lines or grow memory.
 */
export function warnUnmatched(
  warned: Set<string>,
  c: Context,
  hx: HtmxRequest,
  selectors: readonly string[]
): void {
  if (isProduction()) {
    return
  }
  const target = describeTarget(hx)
  if (warned.has(target)) {
    return
  }
  if (warned.size < WARN_MAX_KEYS) {
    warned.add(target)
  } else {
    return
  }
  console.warn(
    `hxkit: ${c.req.method} ${forLog(c.req.path)} got an htmx request with ${target}, which names no partial of this page; ` +
      `sent the page content without the layout. Target one of: ${selectors.join(', ') || '(no partials)'}.`
  )
}
