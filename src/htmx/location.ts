import type { Context } from 'hono'
import type { HxSwap } from '../html/index.ts'
import { toSafeSelector } from '../internal/selector.ts'
import { getHtmx } from './get-htmx.ts'
import { HX_LOCATION, HX_REDIRECT, HX_REFRESH } from './headers.ts'
import { serializeSwap } from './swap.ts'
import { URL_OPTION_KEYS, originsOf, toAsciiJson, toSafeUrl } from './url.ts'
import type { UrlOptions } from './url.ts'

/** An `HX-Location` object: a GET through `htmx.ajax` (docs/protocol.md §2.2). */
export interface LocationSpec {
  /** Where to go: a path starting with a single `/` (or an allowed absolute URL). */
  readonly path: string
  /** Selector of the element to swap into (default `body`). */
  readonly target?: string | undefined
  /** How to swap. */
  readonly swap?: HxSwap | undefined
  /** Selector picking part of the response. */
  readonly select?: string | undefined
  /** Push the path (`true`, the default) or another URL into history; `false` suppresses it. */
  readonly push?: boolean | string | undefined
  /** Replace the current history entry instead. */
  readonly replace?: boolean | string | undefined
  /** Extra request headers. */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** Extra parameters (query string); scalars only, htmx 4 flattens arrays and objects. */
  readonly values?: Readonly<Record<string, string | number | boolean>> | undefined
  /** Selector of the element whose attributes shape the request. */
  readonly source?: string | undefined
  /** The event name reported for the request. */
  readonly event?: string | undefined
}

/** Options of `serializeLocation` / `clientLocation`. */
export interface LocationOptions extends UrlOptions {
  /** The htmx that reads the swap spec (default 4; `clientLocation` uses the request's). */
  readonly version?: 2 | 4 | undefined
}

// A path HCON (htmx 4) reads back as a plain path: no `:`, `,`, quotes or spaces
// (docs/protocol.md §2.2).
const PLAIN_PATH = /^\/[A-Za-z0-9\-._~%!$&()*+;=@/?]*$/

function historyValue(value: boolean | string, fn: string, origins: ReadonlySet<string>): string {
  return typeof value === 'boolean' ? String(value) : toSafeUrl(value, fn, origins)
}

function locationObject(spec: LocationSpec, fn: string, options: LocationOptions): object {
  const origins = originsOf(options, fn, [...URL_OPTION_KEYS, 'version'])
  const selector = (value: string | undefined): string | undefined =>
    value === undefined ? undefined : toSafeSelector(value, fn)
  return {
    path: toSafeUrl(spec.path, fn, origins),
    target: selector(spec.target),
    swap: spec.swap === undefined ? undefined : serializeSwap(spec.swap, options.version ?? 4),
    select: selector(spec.select),
    push: spec.push === undefined ? undefined : historyValue(spec.push, fn, origins),
    replace: spec.replace === undefined ? undefined : historyValue(spec.replace, fn, origins),
    headers: spec.headers,
    values: spec.values,
    source: selector(spec.source),
    event: spec.event,
  }
}

/**
 * Serializes an `HX-Location` value: a plain path when htmx reads it back unchanged, otherwise a
 * JSON object (ASCII only). Throws a TypeError for an unsafe target (see `clientRedirect`).
 *
 * @param location - a path, or an object with `path` and the `htmx.ajax` options
 * @param [options] - `allowedOrigins` for absolute URLs; `version` of the reading htmx
 * @returns the header value
 * @see docs/htmx.md
 * @example
 * serializeLocation('/orders') // '/orders'
 * serializeLocation({ path: '/orders', target: '#main' }) // '{"path":"/orders","target":"#main"}'
 */
export function serializeLocation(
  location: string | LocationSpec,
  options: LocationOptions = {}
): string {
  const fn = 'serializeLocation()'
  const value: unknown = location
  if (typeof value !== 'object' || value === null) {
    const path = toSafeUrl(value, fn, originsOf(options, fn))
    return PLAIN_PATH.test(path) ? path : toAsciiJson({ path })
  }
  return toAsciiJson(locationObject(value as LocationSpec, fn, options))
}

/**
 * Sends `HX-Location`: htmx fetches the path with AJAX and swaps it (no full reload), then returns
 * an empty 200 so a handler can `return clientLocation(c, '/x')`.
 *
 * @param c - the hono context
 * @param location - a path, or an object with `path` and the `htmx.ajax` options
 * @param [options] - `allowedOrigins` for absolute URLs
 * @returns an empty 200 response carrying the header
 * @see docs/htmx.md
 * @example
 * return clientLocation(c, { path: '/orders', target: '#main', swap: 'innerHTML' })
 */
export function clientLocation(
  c: Context,
  location: string | LocationSpec,
  options: UrlOptions = {}
): Response {
  const version = getHtmx(c)?.version ?? 4
  c.header(HX_LOCATION, serializeLocation(location, { ...options, version }))
  return c.body(null, 200)
}

/**
 * Sends `HX-Redirect`: a full browser navigation (htmx does no origin check, so the URL must be a
 * same-origin path starting with a single `/`, or an absolute URL whose origin is in
 * `allowedOrigins`; anything else throws a TypeError). Returns an empty 200.
 *
 * @param c - the hono context
 * @param url - the target
 * @param [options] - `allowedOrigins` for absolute URLs
 * @returns an empty 200 response carrying the header
 * @see docs/htmx.md
 * @example
 * return clientRedirect(c, '/login')
 */
export function clientRedirect(c: Context, url: string, options: UrlOptions = {}): Response {
  const fn = 'clientRedirect()'
  c.header(HX_REDIRECT, toSafeUrl(url, fn, originsOf(options, fn)))
  return c.body(null, 200)
}

/**
 * Sends `HX-Refresh: true`: the browser reloads the page. Returns an empty 200.
 *
 * @param c - the hono context
 * @returns an empty 200 response carrying the header
 * @see docs/htmx.md
 * @example
 * return clientRefresh(c)
 */
export function clientRefresh(c: Context): Response {
  c.header(HX_REFRESH, 'true')
  return c.body(null, 200)
}
