// The fast lane of the kit's own HTML responses (pages and partials through `sendHtml`): every
// header is written into one plain record, the Response is built once with it, and the after-code
// of csp() and secure() — which would otherwise set ~30 headers one by one on an undici `Headers`
// that @hono/node-server then copies back into a plain object — has nothing left to do. Responses
// that did not come through here (handlers' own `c.html()`, redirects, errors) take the usual path.
import type { Context } from 'hono'

/** The few header operations the kit's header writers need, on a `Headers` or a plain record. */
export interface HeaderTarget {
  get(name: string): string | null
  set(name: string, value: string): void
  has(name: string): boolean
  delete(name: string): void
}

/** Adds the headers a middleware owes every HTML response, before the response exists. */
export type HeaderWriter = (target: HeaderTarget, c: Context) => void

const writers = new WeakMap<Context, HeaderWriter[]>()
const complete = new WeakSet<Response>()

/**
 * Registers, for this request, headers a middleware adds to HTML responses (csp(), secure()).
 * The middleware still runs its after-code for responses that are not `isComplete()`.
 */
export function addHeaderWriter(c: Context, writer: HeaderWriter): void {
  const list = writers.get(c)
  if (list === undefined) {
    writers.set(c, [writer])
  } else {
    list.push(writer)
  }
}

/** Whether `res` was built by `fastHtmlResponse()` with every registered header already on it. */
export function isComplete(res: Response): boolean {
  return complete.has(res)
}

/** A plain header record (lower-case names) seen through the `HeaderTarget` operations. */
export function recordTarget(record: Record<string, string>): HeaderTarget {
  return {
    get: (name) => record[name.toLowerCase()] ?? null,
    set: (name, value) => {
      record[name.toLowerCase()] = value
    },
    has: (name) => name.toLowerCase() in record,
    delete: (name) => {
      Reflect.deleteProperty(record, name.toLowerCase())
    },
  }
}

/**
 * Builds an HTML response with every header in one record: the headers a handler or an earlier
 * middleware prepared with `c.header()`, then `own` (the response's own, e.g. Vary), then each
 * registered writer's. Returns null — the caller takes the usual path — when no writer is
 * registered or a `Set-Cookie` was prepared (a record holds one value per name).
 */
export function fastHtmlResponse(
  c: Context,
  body: string,
  status: number,
  own: (target: HeaderTarget) => void
): Response | null {
  const registered = writers.get(c)
  if (registered === undefined) {
    return null
  }
  const record: Record<string, string> = { 'content-type': 'text/html; charset=UTF-8' }
  // what hono would put on a response now: headers set with c.header() before the handler returned
  for (const [name, value] of c.newResponse(null).headers) {
    if (name === 'set-cookie') {
      return null
    }
    if (name !== 'content-type') {
      record[name] = value
    }
  }
  const target = recordTarget(record)
  own(target)
  for (const writer of registered) {
    writer(target, c)
  }
  const res = new Response(body, { status, headers: record })
  complete.add(res)
  return res
}
