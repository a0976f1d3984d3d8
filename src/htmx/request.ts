import {
  HX_BOOSTED,
  HX_CURRENT_URL,
  HX_HISTORY_RESTORE_REQUEST,
  HX_PARTIAL,
  HX_PROMPT,
  HX_REQUEST,
  HX_REQUEST_TYPE,
  HX_SOURCE,
  HX_TARGET,
  HX_TRIGGER_ID,
} from './headers.ts'

/** An element as htmx names it: `tag#id` in htmx 4 (either part may be missing), a bare id in htmx 2. */
export interface HtmxElement {
  /** Lower-case tag name, or `null` when htmx 2 sent a bare id. */
  readonly tag: string | null
  /** The element id (decoded), or `null` when the element has none. */
  readonly id: string | null
}

/** What an htmx request told the server, parsed from its `HX-*` headers. */
export interface HtmxRequest {
  /** 4 when a valid `HX-Request-Type` is present, otherwise 2. */
  readonly version: 2 | 4
  /** `true` for a boosted link or form. */
  readonly boosted: boolean
  /** htmx 4's request type; for htmx 2, `full` when boosted or restoring history, else `partial`. */
  readonly type: 'full' | 'partial'
  /** The triggering element (`HX-Source`, or htmx 2's `HX-Trigger` id). */
  readonly source: HtmxElement | null
  /** The resolved target (`HX-Target`). */
  readonly target: HtmxElement | null
  /** The page URL when the request started (`HX-Current-URL`); `null` when absent or not a URL. */
  readonly currentUrl: string | null
  /** `true` for a back/forward history restore: always answer with the full page. */
  readonly historyRestore: boolean
  /** The user's answer to `hx-prompt`, decoded. */
  readonly prompt: string | null
  /** The partial the client named explicitly (`HX-Partial`, sent by `hx({ partial })`). */
  readonly partial: string | null
}

/** The request headers the parser reads, for `Vary`. */
export const HTMX_REQUEST_HEADERS: readonly string[] = [
  HX_REQUEST,
  HX_REQUEST_TYPE,
  HX_HISTORY_RESTORE_REQUEST,
  HX_BOOSTED,
  HX_TARGET,
  HX_PARTIAL,
]

interface HeaderSource {
  get(name: string): string | null
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value)
  } catch {
    return null
  }
}

function absoluteUrl(value: string | null): string | null {
  return value !== null && URL.canParse(value) ? value : null
}

const TAG_ID = /^([a-z][a-z0-9-]*)(?:#(.+))?$/

/**
 * Parses an element header: `tag#id` (htmx 4; the id is `encodeURI`-encoded) or a bare id (htmx 2).
 *
 * @param value - the header value
 * @param version - which htmx sent it
 * @returns the element, or `null` when the header is absent or broken
 * @see docs/htmx.md
 * @example
 * parseHtmxElement('tbody#order-rows', 4) // { tag: 'tbody', id: 'order-rows' }
 */
export function parseHtmxElement(value: string | null, version: 2 | 4): HtmxElement | null {
  if (value === null) {
    return null
  }
  const trimmed = value.trim()
  if (trimmed === '') {
    return null
  }
  if (version === 2) {
    return { tag: null, id: trimmed }
  }
  const match = TAG_ID.exec(trimmed)
  if (!match) {
    return null
  }
  const encodedId = match[2]
  if (encodedId === undefined) {
    return { tag: match[1] as string, id: null }
  }
  const id = safeDecode(encodedId)
  return id === null ? null : { tag: match[1] as string, id }
}

/**
 * Parses the `HX-*` headers of a request. Never throws: broken or unknown values count as absent.
 *
 * @param headers - the request headers (`c.req.raw.headers` or any `Headers`)
 * @returns the parsed request, or `null` when it is not an htmx request
 * @see docs/htmx.md
 * @example
 * const hx = parseHtmxRequest(c.req.raw.headers)
 * if (hx?.historyRestore) return fullPage()
 */
export function parseHtmxRequest(headers: HeaderSource): HtmxRequest | null {
  const isRequest = headers.get(HX_REQUEST) === 'true'
  const historyRestore = headers.get(HX_HISTORY_RESTORE_REQUEST) === 'true'
  const rawType = headers.get(HX_REQUEST_TYPE)
  const type4 = rawType === 'full' || rawType === 'partial' ? rawType : null
  // htmx 4 history restores carry HX-Request-Type but no HX-Request (docs/protocol.md §1.4)
  if (!isRequest && !historyRestore) {
    return null
  }
  // an unknown HX-Request-Type counts as absent, like every broken value
  const version = type4 !== null ? 4 : 2
  const boosted = headers.get(HX_BOOSTED) === 'true'
  const type = type4 ?? (boosted || historyRestore ? 'full' : 'partial')
  const source = parseHtmxElement(headers.get(version === 4 ? HX_SOURCE : HX_TRIGGER_ID), version)
  const prompt = headers.get(HX_PROMPT)
  const partial = headers.get(HX_PARTIAL)?.trim()
  return {
    version,
    boosted,
    type,
    source,
    target: parseHtmxElement(headers.get(HX_TARGET), version),
    currentUrl: absoluteUrl(headers.get(HX_CURRENT_URL)),
    historyRestore,
    prompt: prompt === null ? null : version === 4 ? safeDecode(prompt) : prompt,
    partial: partial === undefined || partial === '' ? null : partial,
  }
}
