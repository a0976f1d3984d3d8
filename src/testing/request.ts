// Whole requests as a browser running htmx sends them, plus the plain and no-JavaScript
// variants, against anything with hono's `app.request()`.
import { checkKeys } from '../internal/options.ts'
import type { RequestableApp } from '../views/index.ts'
import {
  htmx2Headers,
  htmx2HistoryRestoreHeaders,
  htmx4Headers,
  htmx4HistoryRestoreHeaders,
} from './headers.ts'
import type { HeaderRecord } from './headers.ts'

/** Form fields of a request: repeated names as arrays. */
export type FormFields = Readonly<Record<string, string | readonly string[]>> | URLSearchParams

/** Options shared by every request helper. */
export interface BaseRequestOptions {
  /** The HTTP method. @default 'GET' */
  method?: string | undefined
  /** Form fields: the query string for GET and DELETE, a urlencoded body otherwise. */
  form?: FormFields | undefined
  /** Extra headers (`hx-headers`, a CSRF token, cookies), set last. */
  headers?: HeaderRecord | undefined
}

/** What the htmx request looks like; every field is optional. */
export interface HtmxRequestOptions extends BaseRequestOptions {
  /** The htmx major version that sends it. @default 4 */
  version?: 4 | 2 | undefined
  /** htmx 4: `HX-Source` in `tag#id` form (default `button`); htmx 2: `HX-Trigger`, a bare id. */
  source?: string | undefined
  /** `HX-Target`: `tag#id` for htmx 4, a bare id for htmx 2. */
  target?: string | undefined
  /** htmx 4 only: `HX-Request-Type: partial` (true) or `full` (false). @default true */
  partial?: boolean | undefined
  /** A boosted link or form: htmx 4 sends source `a`, target `body`, type `full`. */
  boosted?: boolean | undefined
  /** A back/forward history restore, with exactly the headers of docs/protocol.md §1.4. */
  historyRestore?: boolean | undefined
  /** `HX-Current-URL`. @default the requested URL on http://localhost */
  currentUrl?: string | undefined
}

const BASE_KEYS = ['method', 'form', 'headers']
const HTMX_KEYS = [
  ...BASE_KEYS,
  'version',
  'source',
  'target',
  'partial',
  'boosted',
  'historyRestore',
  'currentUrl',
]
const ORIGIN = 'http://localhost'
const NO_BODY: ReadonlySet<string> = new Set(['GET', 'HEAD', 'DELETE'])

function encodeForm(form: FormFields): URLSearchParams {
  if (form instanceof URLSearchParams) {
    return form
  }
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(form)) {
    for (const one of typeof value === 'string' ? [value] : value) {
      params.append(name, one)
    }
  }
  return params
}

// GET and DELETE carry the fields in the query string, replacing a parameter of the same name
// (docs/protocol.md §1.3); the other methods send a urlencoded body.
function send(
  app: RequestableApp,
  url: string,
  options: BaseRequestOptions,
  headers: HeaderRecord,
  contentType: string
): Promise<Response> {
  const method = (options.method ?? 'GET').toUpperCase()
  const target = new URL(url, `${ORIGIN}/`)
  const init: RequestInit = { method, headers }
  if (options.form !== undefined) {
    const params = encodeForm(options.form)
    if (NO_BODY.has(method)) {
      for (const name of new Set(params.keys())) {
        const [first = '', ...more] = params.getAll(name)
        target.searchParams.set(name, first)
        for (const value of more) {
          target.searchParams.append(name, value)
        }
      }
    } else {
      headers['Content-Type'] = contentType
      init.body = params.toString()
    }
  }
  if (!NO_BODY.has(method)) {
    headers['Origin'] = ORIGIN
  }
  Object.assign(headers, options.headers)
  return Promise.resolve(app.request(`${target.pathname}${target.search}`, init))
}

function htmxHeaders(options: HtmxRequestOptions, currentUrl: string): HeaderRecord {
  const fn = 'htmxRequest()'
  const version: unknown = options.version ?? 4
  if (version !== 4 && version !== 2) {
    throw new TypeError(`${fn}: "version" must be one of 4, 2.`)
  }
  if (version === 2) {
    if (options.partial !== undefined) {
      throw new TypeError(`${fn}: "partial" is htmx 4 only (htmx 2 sends no HX-Request-Type).`)
    }
    if (options.historyRestore === true) {
      return htmx2HistoryRestoreHeaders(currentUrl)
    }
    // htmx 2 uses XMLHttpRequest: a CORS-mode request to the browser
    return {
      ...htmx2Headers({
        trigger: options.source,
        target: options.target,
        boosted: options.boosted,
        currentUrl,
      }),
      'Sec-Fetch-Site': 'same-origin',
      'Sec-Fetch-Mode': 'cors',
    }
  }
  if (options.historyRestore === true) {
    return { ...htmx4HistoryRestoreHeaders(), 'Sec-Fetch-Mode': 'cors' }
  }
  const boosted = options.boosted === true
  return {
    ...htmx4Headers({
      source: options.source ?? (boosted ? 'a' : undefined),
      target: options.target ?? (boosted ? 'body' : undefined),
      type: (options.partial ?? !boosted) ? 'partial' : 'full',
      boosted,
      currentUrl,
    }),
    // htmx 4 fetches with mode "same-origin" (docs/protocol.md §1.1)
    'Sec-Fetch-Site': 'same-origin',
    'Sec-Fetch-Mode': 'same-origin',
  }
}

/**
 * Sends a request to the app exactly as a browser running htmx would: the htmx headers of
 * docs/protocol.md §1.1 (htmx 4) or §1.2 (htmx 2), the browser's `Sec-Fetch-*` and `Origin`, and
 * the form encoded as htmx encodes it (§1.3: `;charset=UTF-8` in htmx 4 only).
 *
 * @param app - the hono app (or anything with `request()`)
 * @param url - the path, with any query
 * @param [options={}] - version, method, source, target, form and the kind of request
 * @returns the app's response
 * @see docs/testing.md
 * @example
 * const res = await htmxRequest(app, '/orders', { target: 'tbody#rows' })
 * await expect(res).toBeFragment('tbody#rows')
 */
export function htmxRequest(
  app: RequestableApp,
  url: string,
  options: HtmxRequestOptions = {}
): Promise<Response> {
  checkKeys('htmxRequest()', options, HTMX_KEYS)
  const currentUrl = options.currentUrl ?? new URL(url, `${ORIGIN}/`).href
  const headers = htmxHeaders(options, currentUrl)
  const charset = options.version === 2 ? '' : ';charset=UTF-8'
  return send(app, url, options, headers, `application/x-www-form-urlencoded${charset}`)
}

/**
 * Sends a request with no browser or htmx headers at all, as curl or another server would.
 *
 * @param app - the hono app (or anything with `request()`)
 * @param url - the path, with any query
 * @param [options={}] - method, form and extra headers
 * @returns the app's response
 * @see docs/testing.md
 * @example
 * await expect(await plainRequest(app, '/orders')).toBeFullPage()
 */
export function plainRequest(
  app: RequestableApp,
  url: string,
  options: BaseRequestOptions = {}
): Promise<Response> {
  checkKeys('plainRequest()', options, BASE_KEYS)
  return send(app, url, options, {}, 'application/x-www-form-urlencoded')
}

/**
 * Sends a request as a browser without JavaScript does: a navigation (link or HTML form, so GET or
 * POST only) with the browser's `Accept`, `Sec-Fetch-*` and, for POST, `Origin`.
 *
 * @param app - the hono app (or anything with `request()`)
 * @param url - the path, with any query
 * @param [options={}] - method (GET or POST), form and extra headers
 * @returns the app's response
 * @see docs/testing.md
 * @example
 * const res = await noJsRequest(app, '/signup', { method: 'POST', form: { email: 'a@b.c' } })
 * expect(res.status).toBe(303)
 */
export function noJsRequest(
  app: RequestableApp,
  url: string,
  options: BaseRequestOptions = {}
): Promise<Response> {
  checkKeys('noJsRequest()', options, BASE_KEYS)
  const method = (options.method ?? 'GET').toUpperCase()
  if (method !== 'GET' && method !== 'POST') {
    throw new TypeError(
      'noJsRequest(): "method" must be one of GET, POST (what an HTML form sends).'
    )
  }
  const headers: HeaderRecord = {
    Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    'Sec-Fetch-Site': 'same-origin',
    'Sec-Fetch-Mode': 'navigate',
    'Sec-Fetch-Dest': 'document',
  }
  return send(app, url, { ...options, method }, headers, 'application/x-www-form-urlencoded')
}
