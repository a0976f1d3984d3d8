import type { Context, MiddlewareHandler } from 'hono'
import { addHeaderWriter, isComplete } from '../internal/fast-response.ts'
import type { HeaderTarget } from '../internal/fast-response.ts'
import { checkKeys } from '../internal/options.ts'
import { editResponseHeaders } from '../internal/vary.ts'
import { runWithNonce } from './nonce-scope.ts'
import { generateNonce } from './nonce.ts'
import { DEFAULT_CSP, serializePolicy, validateDirectives } from './policy.ts'
import type { CspDirectives } from './policy.ts'

/** Options of `csp()`. */
export interface CspOptions {
  /** The enforced policy (`Content-Security-Policy`); `false` sends none. @default DEFAULT_CSP */
  policy?: CspDirectives | false | undefined
  /** A policy to try out (`Content-Security-Policy-Report-Only`); `false` sends none. @default false */
  reportOnly?: CspDirectives | false | undefined
  /**
   * Where browsers send violation reports. Adds `report-uri` (legacy format) and `report-to`
   * with a `Reporting-Endpoints` header (Reporting API) to every policy.
   * @default undefined (no reporting)
   */
  reportUri?: string | undefined
  /** The `Reporting-Endpoints` name used by `report-to`. @default 'csp-endpoint' */
  reportGroup?: string | undefined
  /**
   * The origin (`https://app.example`) the `Reporting-Endpoints` URL of a path `reportUri` is
   * built on. Without it the header carries the path itself, which browsers resolve against the
   * page's URL; it is never built from the request's `Host`, which the client chooses.
   * @default undefined (a relative URL)
   */
  reportOrigin?: string | undefined
}

/** A per-route replacement of the policies, set by `cspOverride()`. */
export interface CspOverride {
  policy?: CspDirectives | false | undefined
  reportOnly?: CspDirectives | false | undefined
}

/** Context variables set by `csp()`. */
export interface CspVariables {
  /** This response's nonce; `undefined` when `csp()` (or `secure()`) is not mounted. */
  cspNonce: string | undefined
  /** The policies `cspOverride()` set for this route, if any. */
  cspOverride: CspOverride | undefined
}

const CSP = 'Content-Security-Policy'
const CSP_REPORT_ONLY = 'Content-Security-Policy-Report-Only'

function withReporting(directives: CspDirectives, uri: string | undefined, group: string) {
  return uri === undefined
    ? directives
    : { ...directives, 'report-uri': [uri], 'report-to': [group] }
}

// A nonce shared through a cache is a nonce an attacker can read: keep nonced pages private.
function keepPrivate(headers: HeaderTarget): void {
  const current = headers.get('Cache-Control')
  if (current === null) {
    headers.set('Cache-Control', 'private, no-store')
    return
  }
  const kept = current
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !/^(public|s-maxage=.*)$/i.test(part))
  if (!kept.some((part) => /^(private|no-store)$/i.test(part))) {
    kept.unshift('private')
  }
  headers.set('Cache-Control', kept.join(', '))
}

function endpointUrl(reportUri: string, reportOrigin: string | undefined): string {
  if (reportOrigin === undefined || !reportUri.startsWith('/')) {
    return reportUri
  }
  const parsed = typeof reportOrigin === 'string' ? URL.parse(reportOrigin) : null
  if (
    parsed === null ||
    !/^https?:$/.test(parsed.protocol) ||
    parsed.href !== `${parsed.origin}/`
  ) {
    throw new TypeError(
      'csp(): "reportOrigin" must be an http(s) origin such as "https://app.example"'
    )
  }
  return `${parsed.origin}${reportUri}`
}

/** A structured-field string (RFC 8941 §3.3.3): ASCII only, `\\` and `"` escaped. */
function toStructuredString(value: string): string {
  const ascii = value.replace(/[^\u0020-\u007e]/gu, (char) => encodeURIComponent(char))
  return `"${ascii.replace(/[\\"]/g, (char) => `\\${char}`)}"`
}

function isHtml(res: Response): boolean {
  return (res.headers.get('Content-Type') ?? '').toLowerCase().startsWith('text/html')
}

/**
 * Sends a strict Content-Security-Policy with a fresh nonce on every HTML response.
 *
 * The nonce (128 bits, CSPRNG) is generated per response and readable with `getNonce(c)`. The
 * policy is a Django-like directives object where `NONCE` stands for it. A header that a handler
 * set itself is never overwritten; `cspOverride()` replaces or switches off the policy for one
 * route. Nonced responses are marked `private` so no shared cache hands the nonce to others.
 * While the rest of the request runs, `hx()` stamps the nonce as `hx-nonce` on the htmx
 * attributes it renders (htmx 4's `hx-csp` extension checks it).
 *
 * @param options - `policy`, `reportOnly`, `reportUri`, `reportGroup`
 * @throws TypeError at startup for a malformed directive
 * @see docs/csp.md
 * @example
 * app.use(csp({ reportUri: '/__csp-report' }))
 * app.get('/', (c) => c.html(html`<script nonce="${getNonce(c)}" src="/app.js"></script>`))
 */
export function csp(options: CspOptions = {}): MiddlewareHandler {
  checkKeys('csp()', options, ['policy', 'reportOnly', 'reportUri', 'reportGroup', 'reportOrigin'])
  const policy = options.policy ?? DEFAULT_CSP
  const reportOnly = options.reportOnly ?? false
  const group = options.reportGroup ?? 'csp-endpoint'
  if (policy) {
    validateDirectives(policy, 'policy')
  }
  if (reportOnly) {
    validateDirectives(reportOnly, 'reportOnly')
  }
  if (
    options.reportUri !== undefined &&
    !/^\/[^\s;,"]*$|^https?:\/\/[^\s;,"]+$/.test(options.reportUri)
  ) {
    throw new TypeError('csp(): "reportUri" must be a path starting with / or an http(s) URL')
  }
  if (!/^[a-z0-9_-]+$/i.test(group)) {
    throw new TypeError('csp(): "reportGroup" must be letters, digits, - or _')
  }

  // The header text is built once per policy; each response only splices in its nonce.
  const compiled = new WeakMap<CspDirectives, readonly string[]>()
  const headerValue = (directives: CspDirectives, nonce: string): string => {
    let parts = compiled.get(directives)
    if (parts === undefined) {
      const marker = '\u0000nonce\u0000'
      parts = serializePolicy(withReporting(directives, options.reportUri, group), marker).split(
        marker
      )
      compiled.set(directives, parts)
    }
    return parts.join(nonce)
  }

  // One header for every response: the configured URL, never one built from the request's Host
  // (a client-chosen `Host: a",x="…` would inject a second endpoint).
  const endpoints =
    options.reportUri === undefined
      ? ''
      : `${group}=${toStructuredString(endpointUrl(options.reportUri, options.reportOrigin))}`

  // The policy headers of one HTML response: a header a handler set itself is kept.
  const writePolicies = (headers: HeaderTarget, c: Context): void => {
    const nonce = c.get('cspNonce') as string
    const override = c.get('cspOverride')
    const enforced = override && 'policy' in override ? override.policy : policy
    const trial = override && 'reportOnly' in override ? override.reportOnly : reportOnly
    let nonced = false
    for (const [name, directives] of [
      [CSP, enforced],
      [CSP_REPORT_ONLY, trial],
    ] as const) {
      if (directives && !headers.has(name)) {
        const value = headerValue(directives, nonce)
        headers.set(name, value)
        nonced ||= value.includes(`'nonce-${nonce}'`)
      }
    }
    if (options.reportUri !== undefined && (headers.has(CSP) || headers.has(CSP_REPORT_ONLY))) {
      headers.set('Reporting-Endpoints', endpoints)
    }
    if (nonced) {
      keepPrivate(headers)
    }
  }

  return async function csp(c, next) {
    const nonce = generateNonce()
    c.set('cspNonce', nonce)
    // the kit's own HTML responses get the policies as they are built (src/internal/fast-response.ts)
    addHeaderWriter(c, writePolicies)
    // hx() and the other builders read it from here to stamp `hx-nonce` (htmx 4's hx-csp)
    await runWithNonce(nonce, next)
    if (isComplete(c.res) || !isHtml(c.res)) {
      return
    }
    // a fetch() response passed through by a proxy route has immutable headers: edited on a copy
    editResponseHeaders(c, (headers) => {
      writePolicies(headers, c)
    })
  }
}

/**
 * Replaces the policies of `csp()` for the routes it is mounted on; `false` switches one off.
 *
 * @param override - `{ policy?, reportOnly? }`; a key left out keeps the app-wide value
 * @see docs/csp.md
 * @example
 * app.get('/embed', cspOverride({ policy: { ...DEFAULT_CSP, 'frame-ancestors': ['https://intranet.example'] } }), handler)
 * app.get('/legacy', cspOverride({ policy: false }), handler)
 */
export function cspOverride(override: CspOverride): MiddlewareHandler {
  checkKeys('cspOverride()', override, ['policy', 'reportOnly'])
  if (override.policy) {
    validateDirectives(override.policy, 'policy')
  }
  if (override.reportOnly) {
    validateDirectives(override.reportOnly, 'reportOnly')
  }
  return async function cspOverride(c, next) {
    c.set('cspOverride', override)
    await next()
  }
}

/**
 * The CSP nonce of the current response.
 *
 * @param c - the hono context
 * @throws Error when `csp()` is not mounted
 * @see docs/csp.md
 * @example
 * html`<script nonce="${getNonce(c)}" src="/_hxkit/htmx/htmx.min.js"></script>`
 */
export function getNonce(c: Context): string {
  const nonce = c.get('cspNonce')
  if (nonce === undefined) {
    throw new Error(
      'getNonce(): the CSP nonce is not provided. Mount csp() or secure() before this route (docs/csp.md).'
    )
  }
  return nonce
}
