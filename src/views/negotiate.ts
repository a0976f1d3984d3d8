import type { HtmxRequest } from '../htmx/index.ts'
import type { NamedPartial } from '../partials/index.ts'

/**
 * What a request asks of a page: the full document, one named partial, or the page content
 * without its layout (an htmx request whose target is not a declared partial).
 */
export type Negotiation<N extends string = string> =
  | { readonly kind: 'full' }
  | { readonly kind: 'partial'; readonly name: N }
  | { readonly kind: 'content' }

const FULL: Negotiation<never> = Object.freeze({ kind: 'full' })
const CONTENT: Negotiation<never> = Object.freeze({ kind: 'content' })

function findPartial<P extends Record<string, NamedPartial>>(
  partials: P,
  matches: (part: NamedPartial) => boolean
): (keyof P & string) | undefined {
  for (const key of Object.keys(partials)) {
    if (matches(partials[key] as NamedPartial)) {
      return key
    }
  }
  return undefined
}

/**
 * Decides what to render for a request, in the order of docs/views.md "Negotiation" (docs/protocol.md §1.5).
 *
 * 1. a history restore → full page (htmx 4 restores carry no `HX-Request`);
 * 2. no htmx request → full page;
 * 3. `HX-Request-Type: full` (boosted, `hx-select`) or `HX-Boosted` → full page;
 * 4. `HX-Partial` naming a partial, or a target id (htmx 4 `tag#id`, htmx 2 bare id) equal to a
 *    partial's id → that partial;
 * 5. otherwise → the page content without the layout.
 *
 * Pure: it reads only its arguments.
 *
 * @param hx - the parsed request (`getHtmx(c)` / `parseHtmxRequest(headers)`), `null` if not htmx
 * @param partials - the page's partials by name
 * @returns the decision
 * @see docs/views.md
 * @example
 * negotiate(parseHtmxRequest(c.req.raw.headers), { stats, orders }) // { kind: 'partial', name: 'orders' }
 */
export function negotiate<P extends Record<string, NamedPartial>>(
  hx: HtmxRequest | null,
  partials: P
): Negotiation<keyof P & string> {
  if (hx === null || hx.historyRestore || hx.type === 'full' || hx.boosted) {
    return FULL
  }
  const wanted = hx.partial
  const byName = wanted === null ? undefined : findPartial(partials, (part) => part.name === wanted)
  const targetId = hx.target?.id ?? null
  const name =
    byName ??
    (targetId === null ? undefined : findPartial(partials, (part) => part.id === targetId))
  return name === undefined ? CONTENT : { kind: 'partial', name }
}
