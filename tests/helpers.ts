// Request-header builders that reproduce exactly what htmx sends (docs/protocol.md §1).
// Shared by the tests of every module: keep the names stable.

/** Plain header record, ready for `app.request(path, { headers })`. */
export type HeaderRecord = Record<string, string>

/** What an htmx 4 request looks like; every field is optional. */
export interface Htmx4HeaderOptions {
  /** `HX-Source`, already in htmx 4's `tag#id` form (default `button`). */
  source?: string
  /** `HX-Target`, `tag#id` form; omitted when not given. */
  target?: string
  /** `HX-Request-Type` (default `partial`). */
  type?: 'full' | 'partial'
  /** Adds `HX-Boosted: true`. */
  boosted?: boolean
  /** `HX-Current-URL` (default `http://localhost/`). */
  currentUrl?: string
  /**
   * The `hx-prompt` answer; sent `encodeURI`-encoded as htmx 4's hx-prompt.js does
   * (docs/protocol.md §1.1).
   */
  prompt?: string
}

/**
 * Headers of an htmx 4 request from an element (docs/protocol.md §1.1): `HX-Request`, `HX-Source`,
 * `HX-Current-URL`, `HX-Request-Type`, `Accept: text/html`, plus the optional ones.
 */
export function htmx4Headers(options: Htmx4HeaderOptions = {}): HeaderRecord {
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
 * Headers of an htmx 4 element identifier: `tag#id` with the id `encodeURI`-encoded, as
 * `#buildIdentifier` builds it (docs/protocol.md §1.1).
 */
export function htmx4Element(tag: string, id?: string): string {
  return id === undefined ? tag : `${tag}#${encodeURI(id)}`
}

/** What an htmx 2 request looks like; every field is optional. */
export interface Htmx2HeaderOptions {
  /** `HX-Trigger`: the triggering element's bare id. */
  trigger?: string
  /** `HX-Trigger-Name`: its `name`. */
  triggerName?: string
  /** `HX-Target`: the bare target id (htmx 2 omits it when the target has no id). */
  target?: string
  /** Adds `HX-Boosted: true`. */
  boosted?: boolean
  /** `HX-Current-URL` (default `http://localhost/`). */
  currentUrl?: string
  /** `HX-Prompt`, sent raw by htmx 2 (docs/protocol.md §1.1). */
  prompt?: string
}

/**
 * Headers of an htmx 2 request (docs/protocol.md §1.2): `HX-Request` and `HX-Current-URL`, no
 * `HX-Request-Type`, `Accept: *\/*`, bare ids.
 */
export function htmx2Headers(options: Htmx2HeaderOptions = {}): HeaderRecord {
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
 * The complete header set of an htmx 4 back/forward restore (docs/protocol.md §1.4): no
 * `HX-Request`, no `HX-Current-URL`, `HX-Source` or `HX-Target`.
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
 */
export function htmx4BoostedHeaders(url = 'http://localhost/'): HeaderRecord {
  return htmx4Headers({ source: 'a', target: 'body', type: 'full', boosted: true, currentUrl: url })
}

/** A boosted link click in htmx 2 (docs/protocol.md §1.2): `HX-Boosted: true`, no target id. */
export function htmx2BoostedHeaders(url = 'http://localhost/'): HeaderRecord {
  return htmx2Headers({ boosted: true, currentUrl: url })
}
