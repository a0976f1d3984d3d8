import type { HxSwap } from '../html/index.ts'
import { serializeSwap as writeSwap } from '../internal/swap.ts'

/**
 * Serializes a swap for `hx-swap` or `HX-Reswap`, in htmx 4's syntax (or htmx 2's). The same model,
 * validation and serializer as `hx({ swap })`: a style (aliases are written canonical), a style
 * followed by modifiers, or a spec object (docs/protocol.md §3.4, §3.5).
 *
 * @param spec - a style, a style with modifiers, or a spec object
 * @param [version=4] - the htmx that reads it; 2 drops the htmx 4-only modifiers, maps morph styles
 *   to `innerHTML`/`outerHTML` and writes `scroll:<selector>:top`
 * @returns the spec string, ASCII only
 * @throws TypeError for a style or modifier htmx does not know
 * @see docs/htmx.md
 * @example
 * serializeSwap({ style: 'beforeend', scroll: 'bottom', transition: true })
 * // 'beforeend transition:true scroll:bottom'
 */
export function serializeSwap(spec: HxSwap, version: 2 | 4 = 4): string {
  return writeSwap(spec, version, 'serializeSwap()')
}
