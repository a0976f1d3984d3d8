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

/**
 * Whether `res` was built by `fastHtmlResponse()` with every registered header on it and nobody
 * has read (and so perhaps changed) its headers since.
 */
export function isComplete(res: Response): boolean {
  return complete.has(res)
}

/** A plain header record (lower-case names) seen through the `HeaderTarget` operations. */
export class RecordTarget implements HeaderTarget {
  /** The record, edited in place. */
  readonly record: Record<string, string>

  /** @param record - header names in lower case */
  constructor(record: Record<string, string>) {
    this.record = record
  }

  /** The value, or null. */
  get(name: string): string | null {
    const key = name.toLowerCase()
    return Object.hasOwn(this.record, key) ? (this.record[key] as string) : null
  }

  /** Sets one value. */
  set(name: string, value: string): void {
    this.record[name.toLowerCase()] = value
  }

  /** Whether the record has the header. */
  has(name: string): boolean {
    return Object.hasOwn(this.record, name.toLowerCase())
  }

  /** Removes the header. */
  delete(name: string): void {
    Reflect.deleteProperty(this.record, name.toLowerCase())
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
  for (const [name, value] of c.newResponse(null, 200).headers) {
    if (name === 'set-cookie') {
      return null
    }
    if (name !== 'content-type') {
      record[name] = value
    }
  }
  const target = new RecordTarget(record)
  own(target)
  // innermost first, as their after-code would run: where two set one header, the same one wins
  for (let i = registered.length - 1; i >= 0; i--) {
    ;(registered[i] as HeaderWriter)(target, c)
  }
  const res = new Response(body, { status, headers: record })
  complete.add(res)
  watchHeaders(res)
  return res
}

// Whoever reads the headers of a complete response may change them (a middleware between secure()
// and the handler, on its way out): from then on it is an ordinary response, and the after-code
// of csp() and secure() runs on it as on any other, with the last word on caching and
// X-Powered-By. @hono/node-server writes a response it gets untouched without reading `headers`.
function watchHeaders(res: Response): void {
  Object.defineProperty(res, 'headers', {
    configurable: true,
    get(): Headers {
      complete.delete(res)
      const headers = Reflect.get(Object.getPrototypeOf(res) as object, 'headers', res) as Headers
      Object.defineProperty(res, 'headers', { configurable: true, value: headers })
      return headers
    },
  })
}
