import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import { csp } from '../csp/index.ts'
import type { CspOptions } from '../csp/index.ts'
import {
  HTMX_REQUEST_HEADERS,
  HX_RESWAP,
  HX_TRIGGER,
  parseHtmxRequest,
  serializeTriggers,
} from '../htmx/index.ts'
import { addHeaderWriter, isComplete } from '../internal/fast-response.ts'
import type { HeaderTarget } from '../internal/fast-response.ts'
import { checkKeys } from '../internal/options.ts'
import { addVary, editResponseHeaders } from '../internal/vary.ts'
import { crossOriginProtection, SAFE_METHODS } from './cross-origin.ts'
import type { CrossOriginOptions } from './cross-origin.ts'
import { captureHeaders, writeHeaders } from './headers.ts'
import type { StaticHeaders } from './headers.ts'

/** The non-CSP headers, as hono's `secureHeaders()` takes them (its CSP options are not used). */
export type SecureHeadersOptions = Omit<
  NonNullable<Parameters<typeof secureHeaders>[0]>,
  'contentSecurityPolicy' | 'contentSecurityPolicyReportOnly' | 'overwrite'
>

/** Options of `secure()`; `false` switches a part off. */
export interface SecureOptions {
  /** The CSP part. @default {} (the strict default policy) */
  csp?: CspOptions | false | undefined
  /** The cross-origin check on unsafe methods. @default {} */
  crossOrigin?: CrossOriginOptions | false | undefined
  /** Other security headers (hono `secureHeaders`). @default a Permissions-Policy denying powerful features */
  headers?: SecureHeadersOptions | false | undefined
  /** The largest request body in bytes; larger ones get 413. @default 1_048_576 */
  bodyLimit?: number | false | undefined
}

const DEFAULT_PERMISSIONS: NonNullable<SecureHeadersOptions['permissionsPolicy']> = {
  camera: [],
  microphone: [],
  geolocation: [],
  payment: [],
  usb: [],
}

// For htmx the 413 must not replace the form the user typed into (htmx 4 swaps error bodies):
// no swap, and the message as the kit's toast event.
function tooLarge(limit: number, c: Context): Response {
  const message = `Payload Too Large: the request body is over ${String(limit)} bytes.`
  const headers = new Headers({ 'Content-Type': 'text/plain; charset=UTF-8' })
  if (parseHtmxRequest(c.req.raw.headers) !== null) {
    headers.set(HX_RESWAP, 'none')
    headers.set(HX_TRIGGER, serializeTriggers({ toast: { message, level: 'error' } }))
    addVary(headers, HTMX_REQUEST_HEADERS)
  }
  return new Response(`${message}\n`, { status: 413, headers })
}

// Inside secure(), a refusal becomes the response right where it happens, so the headers and the
// CSP of the outer parts still apply to the 403/413 (a thrown error would skip their after-code).
function answerRefusals(part: MiddlewareHandler): MiddlewareHandler {
  return async function refusing(c, next) {
    try {
      await part(c, next)
    } catch (error) {
      if (!(error instanceof HTTPException)) {
        throw error
      }
      c.res = error.getResponse()
    }
  }
}

/**
 * hxkit's security defaults in one middleware: security headers, a strict CSP with a fresh nonce
 * per response, cross-origin refusal of unsafe methods, and a request-body limit.
 *
 * Refusals (403, 413) are answered inside `secure()` with their own plain-text response, so they
 * carry the security headers too; `app.onError` is not consulted for them.
 *
 * @param options - each part's options, or `false` to leave it out
 * @see docs/security.md
 * @example
 * app.use(secure({ csp: { reportUri: '/__csp-report' }, crossOrigin: { allowedOrigins: ['https://sso.example'] } }))
 */
export function secure(options: SecureOptions = {}): MiddlewareHandler {
  checkKeys('secure()', options, ['csp', 'crossOrigin', 'headers', 'bodyLimit'])
  // safe methods run only the CSP part: the cross-origin check and the body limit have nothing to
  // do for them, and each layer skipped is a promise and a microtask less per page
  const parts: MiddlewareHandler[] = []
  const safeParts: MiddlewareHandler[] = []
  let headers: StaticHeaders | undefined
  const captured =
    options.headers === false
      ? undefined
      : captureHeaders(
          secureHeaders({ permissionsPolicy: DEFAULT_PERMISSIONS, ...options.headers })
        ).then((done) => (headers = done))
  if (options.csp !== false) {
    const policies = csp(options.csp)
    parts.push(policies)
    safeParts.push(policies)
  }
  if (options.crossOrigin !== false) {
    // Browsers post violation reports without the page's fetch metadata: exempt the report path.
    const reportUri = options.csp ? options.csp.reportUri : undefined
    const bypass = [...(options.crossOrigin?.bypass ?? [])]
    if (reportUri?.startsWith('/')) {
      bypass.push(reportUri)
    }
    parts.push(answerRefusals(crossOriginProtection({ ...options.crossOrigin, bypass })))
  }
  const limit = options.bodyLimit ?? 1_048_576
  if (limit !== false) {
    if (!Number.isSafeInteger(limit) || limit <= 0) {
      throw new TypeError('secure(): "bodyLimit" must be a positive whole number of bytes or false')
    }
    // hono's bodyLimit touches c.req.raw.body, which makes @hono/node-server build a full Request
    // even for a GET: only unsafe methods reach it
    parts.push(bodyLimit({ maxSize: limit, onError: (c) => tooLarge(limit, c) }))
  }
  const writeStatic = (target: HeaderTarget): void => {
    writeHeaders(target, headers as StaticHeaders)
  }
  // runs `step` now when the static headers are ready (every request after the first few), else
  // once they are: only then does the chain have something to await
  const onceCaptured = (step: () => void): Promise<void> | undefined => {
    if (headers !== undefined) {
      step()
      return undefined
    }
    return captured?.then(step)
  }
  return chain(
    parts,
    safeParts,
    // the kit's own HTML responses get them as they are built (src/internal/fast-response.ts)
    (c) =>
      captured === undefined
        ? undefined
        : onceCaptured(() => {
            addHeaderWriter(c, writeStatic)
          }),
    // any other response gets them on the way out
    (c) =>
      captured === undefined || isComplete(c.res)
        ? undefined
        : onceCaptured(() => {
            editResponseHeaders(c, writeStatic)
          })
  )
}

// `before`, then the parts in order, each one's next() the following part, then `after` on the way
// out: what hono's every() does, without building a composition per request. A part that answers
// itself (the body limit's 413) sets the response, as hono's compose would. Safe methods run
// `safeParts`; `before` and `after` return a promise only when they have to wait.
function chain(
  parts: readonly MiddlewareHandler[],
  safeParts: readonly MiddlewareHandler[],
  before: (c: Context) => Promise<void> | undefined,
  after: (c: Context) => Promise<void> | undefined
): MiddlewareHandler {
  return async function secure(c, next) {
    const ready = before(c)
    if (ready !== undefined) {
      await ready
    }
    const list = SAFE_METHODS.has(c.req.method) ? safeParts : parts
    const run = async (i: number): Promise<void> => {
      const part = list[i]
      if (part === undefined) {
        await next()
        return
      }
      const res = await part(c, i + 1 === list.length ? next : () => run(i + 1))
      if (res instanceof Response && !c.finalized) {
        c.res = res
      }
    }
    await run(0)
    const done = after(c)
    if (done !== undefined) {
      await done
    }
  }
}
