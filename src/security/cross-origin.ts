import type { Context, MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { checkKeys } from '../internal/options.ts'
import { parseOrigins } from '../internal/origins.ts'

/** Options of `crossOriginProtection()`. */
export interface CrossOriginOptions {
  /**
   * Origins allowed to send unsafe requests although they are cross-site (`https://sso.example`):
   * http(s) scheme, host and optional port only; the same option and parser as the redirect
   * helpers' `allowedOrigins`.
   * @default []
   */
  allowedOrigins?: readonly string[] | undefined
  /**
   * Paths exempt from the check, matched after normalising the request path: an exact path
   * (`/hooks/github`), a prefix ending in `/` (`/webhooks/`), and `{name}` for one segment.
   * @default []
   */
  bypass?: readonly string[] | undefined
  /**
   * Refuse unsafe requests that carry neither `Sec-Fetch-Site` nor `Origin` when their body is
   * form-like (urlencoded, multipart, text/plain): browsers always send one of them, and other
   * clients do not post forms.
   * @default true
   */
  refuseBareForms?: boolean | undefined
}

/** Methods that change nothing: never refused, and they carry no body. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS'])
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']

/** Normalises a URL path like Go's `path.Clean`: resolves `.` and `..`, folds repeated slashes. */
export function cleanPath(path: string): string {
  const out: string[] = []
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') {
      continue
    }
    if (segment === '..') {
      out.pop()
    } else {
      out.push(segment)
    }
  }
  const trailing = path.length > 1 && path.endsWith('/') && out.length > 0 ? '/' : ''
  return '/' + out.join('/') + trailing
}

function compilePattern(pattern: string): RegExp {
  if (!pattern.startsWith('/')) {
    throw new TypeError(`crossOriginProtection(): bypass pattern "${pattern}" must start with /`)
  }
  const source = pattern
    .split('/')
    .map((segment) =>
      /^\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(segment)
        ? '[^/]+'
        : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    )
    .join('/')
  return new RegExp(pattern.endsWith('/') ? `^${source}` : `^${source}$`)
}

function isFormLike(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  return FORM_TYPES.includes(type)
}

function requestHost(c: Context): string {
  return c.req.header('host') ?? new URL(c.req.url).host
}

function originHost(origin: string): string | null {
  try {
    const url = new URL(origin)
    return url.origin === 'null' ? null : url.host
  } catch {
    return null
  }
}

function refuse(reason: string): never {
  const res = new Response(`Forbidden: cross-origin request refused (${reason}).\n`, {
    status: 403,
    headers: { 'Content-Type': 'text/plain; charset=UTF-8' },
  })
  throw new HTTPException(403, { res })
}

/**
 * Refuses cross-origin requests with unsafe methods (POST, PUT, PATCH, DELETE, …) before the
 * handler runs, whatever their content type: Go 1.25's `CrossOriginProtection` algorithm.
 *
 * `Sec-Fetch-Site: same-origin` or `none` passes; `same-site` and `cross-site` are refused. Without
 * `Sec-Fetch-Site`, the `Origin` must match the request's host (`Origin: null` never does). Trusted
 * origins and bypass paths are exempt. Refusals are 403 `HTTPException`s with a plain-text body.
 *
 * @param options - trusted origins, bypass paths
 * @throws TypeError at startup for a malformed trusted origin or bypass pattern
 * @see docs/security.md
 * @example
 * app.use(crossOriginProtection({ allowedOrigins: ['https://sso.example'], bypass: ['/webhooks/'] }))
 */
export function crossOriginProtection(options: CrossOriginOptions = {}): MiddlewareHandler {
  checkKeys('crossOriginProtection()', options, ['allowedOrigins', 'bypass', 'refuseBareForms'])
  const trusted = parseOrigins(options.allowedOrigins, 'crossOriginProtection()')
  const bypass = (options.bypass ?? []).map(compilePattern)
  const refuseBareForms = options.refuseBareForms ?? true

  const exempt = (c: Context, origin: string | undefined): boolean =>
    (origin !== undefined && trusted.has(origin)) ||
    bypass.some((pattern) => pattern.test(cleanPath(c.req.path)))

  return async function crossOriginProtection(c, next) {
    if (SAFE_METHODS.has(c.req.method)) {
      return next()
    }
    const site = c.req.header('sec-fetch-site')
    const origin = c.req.header('origin')
    if (site === 'same-origin' || site === 'none') {
      return next()
    }
    if (site !== undefined) {
      return exempt(c, origin) ? next() : refuse(`Sec-Fetch-Site: ${site}`)
    }
    if (origin === undefined) {
      if (refuseBareForms && isFormLike(c.req.header('content-type')) && !exempt(c, origin)) {
        refuse('a form post without Origin or Sec-Fetch-Site')
      }
      return next()
    }
    if (originHost(origin) === requestHost(c) || exempt(c, origin)) {
      return next()
    }
    refuse(`Origin ${origin} does not match the host`)
  }
}
