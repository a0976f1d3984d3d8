import type { Context } from 'hono'
import { HX_TRIGGER } from './headers.ts'
import { toAsciiJson } from './url.ts'

/** A JSON value, as an `HX-Trigger` event detail can hold. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue | undefined }

/** Events for `HX-Trigger`: name → detail (`undefined` means no detail). */
export type TriggerMap =
  Readonly<Record<string, JsonValue | undefined>> | ReadonlyMap<string, JsonValue | undefined>

function entriesOf(triggers: TriggerMap): [string, JsonValue | undefined][] {
  return triggers instanceof Map
    ? Array.from((triggers as ReadonlyMap<string, JsonValue | undefined>).entries())
    : Object.entries(triggers as Readonly<Record<string, JsonValue | undefined>>)
}

/**
 * Serializes events for the `HX-Trigger` header: one JSON object, every non-ASCII character
 * escaped as `\uXXXX` (htmx decodes header bytes as Latin-1, and Node refuses non-Latin-1 values).
 *
 * An event without detail gets `{}`: htmx wraps any non-object detail as `{ value }`
 * (docs/protocol.md §2.2).
 *
 * @param triggers - event name → detail, as an object or a `Map`
 * @returns the header value (starts with `{`, which is how htmx detects JSON)
 * @see docs/htmx.md
 * @example
 * serializeTriggers({ 'order:created': { id: 7 }, refresh: undefined })
 * // '{"order:created":{"id":7},"refresh":{}}'
 */
export function serializeTriggers(triggers: TriggerMap): string {
  const entries = entriesOf(triggers).map(([name, detail]): [string, JsonValue] => {
    if (typeof name !== 'string' || name.trim() === '') {
      throw new TypeError('serializeTriggers(): event names must be non-empty strings.')
    }
    return [name, detail === undefined ? {} : detail]
  })
  return toAsciiJson(Object.fromEntries(entries))
}

// Reads an HX-Trigger value already on the response: JSON, or comma-separated names
// (docs/protocol.md §2.2 (a)).
// A broken JSON value is dropped: sending it on would lock the element's request queue in htmx 4.
function parseTriggerHeader(value: string | null): Map<string, JsonValue | undefined> {
  if (value === null) {
    return new Map()
  }
  if (value.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(value)
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        return new Map(Object.entries(parsed as Record<string, JsonValue>))
      }
    } catch {
      // fall through: broken JSON counts as absent
    }
    return new Map()
  }
  const names = value.split(',').map((name) => name.trim())
  return new Map(names.filter((name) => name !== '').map((name) => [name, undefined]))
}

/**
 * Adds a client event to the response's `HX-Trigger` header, merging with the events already
 * there (from earlier calls or a header set by hand); a repeated name keeps the last detail.
 *
 * htmx 4 fires these events after the swap and settle, htmx 2 before the swap.
 *
 * @param c - the hono context
 * @param name - the event name
 * @param [detail] - the event detail (JSON); an object with `target` dispatches on that selector
 * @see docs/htmx.md
 * @example
 * addTrigger(c, 'order:created', { id: order.id })
 * addTrigger(c, 'toast', { message: 'Gespeichert ✓' }) // both end up in one JSON object
 */
export function addTrigger(c: Context, name: string, detail?: JsonValue): void {
  const triggers = parseTriggerHeader(c.res.headers.get(HX_TRIGGER))
  triggers.delete(name) // a re-added event moves to the end, like a fresh call
  triggers.set(name, detail)
  c.header(HX_TRIGGER, serializeTriggers(triggers))
}
