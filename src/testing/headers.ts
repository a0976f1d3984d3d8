// Request-header builders that reproduce exactly what htmx sets on its requests
// (docs/protocol.md §1). The kit's own tests use them too, so they stay byte-for-byte what the
// client sends.
import { checkKeys } from '../internal/options.ts'

/** Plain header record, ready for `app.request(path, { headers })`. */
export type HeaderRecord = Record<string, string>

/** What an htmx 4 request looks like; every field is optional. */
export interface Htmx4HeaderOptions {
  /** `HX-Source`, already in htmx 4's `tag#id` form. @default 'button' */
  source?: string | undefined
  /** `HX-Target`, `tag#id` form; omitted when not given. */
  target?: string | undefined
  /** `HX-Request-Type`. @default 'partial' */
  type?: 'full' | 'partial' | undefined
  /** Adds `HX-Boosted: true`. */
  boosted?: boolean | undefined
  /** `HX-Current-URL`. @default 'http://localhost/' */
  currentUrl?: string | undefined
  /** The `hx-prompt` answer; sent `encodeURI`-encoded as htmx 4's hx-prompt.js does (docs/protocol.md §1.1). */
  prompt?: string | undefined
}

const HTMX4_KEYS = ['source', 'target', 'type', 'boosted', 'currentUrl', 'prompt']
const HTMX2_KEYS = ['trigger', 'triggerName', 'target', 'boosted', 'currentUrl', 'prompt']

/**
 * Headers of an htmx 4 request from an element (docs/protocol.md §1.1): `HX-Request`, `HX-Source`,
 * `HX-Current-URL`, `HX-Request-Type`, `Accept: text/html`, plus the optional ones.
 *
 * @param [options={}] - the request's source, target, type and extras
 * @returns the header record
 * @see docs/testing.md
 * @example
 * await app.request('/orders', { headers: htmx4Headers({ target: 'tbody#rows' }) })
 */
export function htmx4Headers(options: Htmx4HeaderOptions = {}): HeaderRecord {
  checkKeys('htmx4Headers()', options, HTMX4_KEYS)
  const headers: HeaderRecord = {
    'HX-Request': 'true',
    'HX-Source': options.source ?? 'button',
    'HX-Current-URL': options.currentUrl ?? 'http://localhost/',
    'HX-Request-Type': options.type ?? 'partial',
    Accept: 'text/html',
  }
  if (options.target !== undefined) {
    headers['HX-Target'] = options.target
  }
  if (options.boosted === true) {
    headers['HX-Boosted'] = 'true'
  }
  if (options.prompt !== undefined) {
    headers['HX-Prompt'] = encodeURI(options.prompt)
  }
  return headers
}

/**
 * An htmx 4 element identifier: `tag#id` with the id `encodeURI`-encoded, as htmx 4 writes
 * `HX-Source` and `HX-Target` (docs/protocol.md §1.1).
 *
 * @param tag - the lower-case tag name
 * @param [id] - the element's id, if it has one
 * @returns `tag#id`, or `tag` alone
 * @see docs/testing.md
 * @example
 * htmx4Element('tbody', 'order rows') // 'tbody#order%20rows'
 */
export function htmx4Element(tag: string, id?: string): string {
  return id === undefined ? tag : `${tag}#${encodeURI(id)}`
}

/** What an htmx 2 request looks like; every field is optional. */
export interface Htmx2HeaderOptions {
  /** `HX-Trigger`: the triggering element's bare id. */
  trigger?: string | undefined
  /** `HX-Trigger-Name`: its `name`. */
  triggerName?: string | undefined
  /** `HX-Target`: the bare target id (htmx 2 omits it when the target has no id). */
  target?: string | undefined
  /** Adds `HX-Boosted: true`. */
  boosted?: boolean | undefined
  /** `HX-Current-URL`. @default 'http://localhost/' */
  currentUrl?: string | undefined
  /** `HX-Prompt`, sent raw by htmx 2 (docs/protocol.md §1.1). */
  prompt?: string | undefined
}

/**
 * Headers of an htmx 2 request (docs/protocol.md §1.2): `HX-Request` and `HX-Current-URL`, no
 * `HX-Request-Type`, `Accept: *\/*`, bare ids.
 *
 * @param [options={}] - the trigger, target and extras
 * @returns the header record
 * @see docs/testing.md
 * @example
 * await app.request('/orders', { headers: htmx2Headers({ target: 'rows' }) })
 */
export function htmx2Headers(options: Htmx2HeaderOptions = {}): HeaderRecord {
  checkKeys('htmx2Headers()', options, HTMX2_KEYS)
  const headers: HeaderRecord = {
    'HX-Request': 'true',
    'HX-Current-URL': options.currentUrl ?? 'http://localhost/',
    Accept: '*/*',
  }
  const optional: [string, string | undefined][] = [
    ['HX-Trigger', options.trigger],
    ['HX-Trigger-Name', options.triggerName],
    ['HX-Target', options.target],
    ['HX-Boosted', options.boosted === true ? 'true' : undefined],
    ['HX-Prompt', options.prompt],
  ]
  for (const [name, value] of optional) {
    if (value !== undefined) {
      headers[name] = value
    }
  }
  return headers
}

/**
 * The complete header set htmx sets on an htmx 4 back/forward restore (docs/protocol.md §1.4): no
 * `HX-Request`, no `HX-Current-URL`, `HX-Source` or `HX-Target`.
 *
 * @returns the header record
 * @see docs/testing.md
 * @example
 * await app.request('/orders', { headers: htmx4HistoryRestoreHeaders() })
 */
export function htmx4HistoryRestoreHeaders(): HeaderRecord {
  return {
    'HX-History-Restore-Request': 'true',
    'HX-Request-Type': 'full',
    Accept: '*/*',
  }
}

/**
 * An htmx 2 history-cache miss (docs/protocol.md §1.4): `HX-Request` (historyRestoreAsHxRequest),
 * `HX-History-Restore-Request` and `HX-Current-URL`.
 *
 * @param [url='http://localhost/'] - `HX-Current-URL`
 * @returns the header record
 * @see docs/testing.md
 * @example
 * await app.request('/orders', { headers: htmx2HistoryRestoreHeaders() })
 */
export function htmx2HistoryRestoreHeaders(url = 'http://localhost/'): HeaderRecord {
  return {
    'HX-Request': 'true',
    'HX-History-Restore-Request': 'true',
    'HX-Current-URL': url,
  }
}

/**
 * A boosted link click in htmx 4 (docs/protocol.md §1.1): source `a`, target `body`, type `full`,
 * `HX-Boosted: true`.
 *
 * @param [url='http://localhost/'] - `HX-Current-URL`
 * @returns the header record
 * @see docs/testing.md
 * @example
 * await app.request('/orders', { headers: htmx4BoostedHeaders() })
 */
export function htmx4BoostedHeaders(url = 'http://localhost/'): HeaderRecord {
  return htmx4Headers({ source: 'a', target: 'body', type: 'full', boosted: true, currentUrl: url })
}

/**
 * A boosted link click in htmx 2 (docs/protocol.md §1.2): `HX-Boosted: true`, no target id.
 *
 * @param [url='http://localhost/'] - `HX-Current-URL`
 * @returns the header record
 * @see docs/testing.md
 * @example
 * await app.request('/orders', { headers: htmx2BoostedHeaders() })
 */
export function htmx2BoostedHeaders(url = 'http://localhost/'): HeaderRecord {
  return htmx2Headers({ boosted: true, currentUrl: url })
}
