// The non-CSP security headers of secure(), written in one pass per response. hono's
// secureHeaders() decides the names and values (its defaults, the options' overrides); it is run
// once, at start-up, against a stand-in context, and what it would set is kept as a list.
import type { MiddlewareHandler } from 'hono'
import type { HeaderTarget } from '../internal/fast-response.ts'

/** What one response gets: headers set unless the handler set them, and X-Powered-By removed. */
export interface StaticHeaders {
  readonly list: readonly (readonly [string, string])[]
  readonly removePoweredBy: boolean
}

const POWERED_BY = 'X-Powered-By'

/** Runs `middleware` (a secureHeaders()) once against an empty response and records its headers. */
export function captureHeaders(middleware: MiddlewareHandler): Promise<StaticHeaders> {
  const headers = new Headers({ [POWERED_BY]: 'probe' })
  const stand = { res: { headers } }
  return Promise.resolve(
    middleware(stand as unknown as Parameters<MiddlewareHandler>[0], () => Promise.resolve())
  ).then(() => {
    const removePoweredBy = !headers.has(POWERED_BY)
    headers.delete(POWERED_BY)
    return { list: [...headers], removePoweredBy }
  })
}

/** Writes `captured` onto a response's headers, keeping any the handler set itself. */
export function writeHeaders(headers: HeaderTarget, captured: StaticHeaders): void {
  for (const [name, value] of captured.list) {
    if (!headers.has(name)) {
      headers.set(name, value)
    }
  }
  if (captured.removePoweredBy) {
    headers.delete(POWERED_BY)
  }
}
