import type { HxSwapStyle } from '../html/index.ts'
import { toSafeSelector } from './url.ts'

/**
 * The swap styles of htmx 4 (docs/protocol.md §3.4); the aliases are sent canonical.
 * One list for the kit: the same type as `HxSwapStyle` of the `hx()` builder.
 */
export type SwapStyle = HxSwapStyle

/** A delay: milliseconds as a number, or a string such as `'100ms'` or `'1s'`. */
export type SwapDelay = number | `${number}ms` | `${number}s`

/** Where `scroll`/`show` go: `'top'`/`'bottom'` of the target, or of another element. */
export type SwapScroll =
  'top' | 'bottom' | { readonly to: 'top' | 'bottom'; readonly target: string }

/** A typed `hx-swap` / `HX-Reswap` spec: a style plus htmx 4's modifiers. */
export interface SwapSpec {
  readonly style: SwapStyle
  /** Delay before the swap (`swap:`). */
  readonly swap?: SwapDelay | undefined
  /** Delay between swap and settle (`settle:`). */
  readonly settle?: SwapDelay | undefined
  /** Use the View Transitions API (`transition:`). */
  readonly transition?: boolean | undefined
  /** Scroll the target (or another element) to its top or bottom (`scroll:`, `scrollTarget:`). */
  readonly scroll?: SwapScroll | undefined
  /** Scroll the target (or another element) into view (`show:`, `showTarget:`). */
  readonly show?: SwapScroll | undefined
  /** Scroll the focused element into view (`focusScroll:`; htmx 2 `focus-scroll:`). */
  readonly focusScroll?: boolean | undefined
  /** Keep `document.title` (`ignoreTitle:`). */
  readonly ignoreTitle?: boolean | undefined
  /** htmx 4 only: drop the response's outer element (`strip:`). */
  readonly strip?: boolean | undefined
  /** htmx 4 only: retarget the swap (`target:`); for htmx 2 `setReswap` sends `HX-Retarget`. */
  readonly target?: string | undefined
  /** htmx 4 only: swap even when nothing is left after OOB/partials (`swapEmpty:`). */
  readonly swapEmpty?: boolean | undefined
}

const CANONICAL: Readonly<Record<SwapStyle, string>> = {
  innerHTML: 'innerHTML',
  outerHTML: 'outerHTML',
  textContent: 'textContent',
  beforebegin: 'beforebegin',
  afterbegin: 'afterbegin',
  beforeend: 'beforeend',
  afterend: 'afterend',
  before: 'beforebegin',
  after: 'afterend',
  prepend: 'afterbegin',
  append: 'beforeend',
  delete: 'delete',
  none: 'none',
  innerMorph: 'innerMorph',
  outerMorph: 'outerMorph',
  outerSync: 'outerSync',
}

// htmx 2 has no morph styles in core: fall back to the plain swap of the same extent.
const HTMX2_FALLBACK: Readonly<Record<string, string>> = {
  innerMorph: 'innerHTML',
  outerMorph: 'outerHTML',
  outerSync: 'outerHTML',
}

const FN = 'serializeSwap()'

function checkStyle(style: unknown): string {
  if (typeof style !== 'string' || !Object.hasOwn(CANONICAL, style)) {
    throw new TypeError(
      `${FN}: "style" must be one of ${Object.keys(CANONICAL).join(', ')}, got ${String(style)}.`
    )
  }
  return CANONICAL[style as SwapStyle]
}

function delay(name: string, value: SwapDelay): string {
  const text = typeof value === 'number' ? `${String(value)}ms` : value
  if (!/^\d+(?:\.\d+)?(?:ms|s)$/.test(text)) {
    throw new TypeError(
      `${FN}: "${name}" must be milliseconds or a string such as "100ms" or "1s".`
    )
  }
  return text
}

// An HCON value: bare when HCON reads it back unchanged, otherwise quoted (htmx.js › HCON.parse).
function hconValue(name: string, value: string): string {
  if (/^[^\s,"'<][^\s,]*$/.test(value)) {
    return value
  }
  if (!value.includes('"')) {
    return `"${value}"`
  }
  if (!value.includes("'")) {
    return `'${value}'`
  }
  throw new TypeError(`${FN}: "${name}" cannot hold both kinds of quotes.`)
}

function scrollParts(name: 'scroll' | 'show', value: SwapScroll, version: 2 | 4): string[] {
  const to: unknown = typeof value === 'string' ? value : value.to
  if (to !== 'top' && to !== 'bottom') {
    throw new TypeError(`${FN}: "${name}" must be top or bottom, or { to: top | bottom, target }.`)
  }
  if (typeof value === 'string') {
    return [`${name}:${to}`]
  }
  const target = toSafeSelector(value.target, FN)
  if (version === 4) {
    return [`${name}:${value.to}`, `${name}Target:${hconValue(`${name}.target`, target)}`]
  }
  // htmx 2 reads `show:<selector>:top` and splits the spec on whitespace
  return [/\s/.test(target) ? `${name}:${value.to}` : `${name}:${target}:${value.to}`]
}

function modifiers(spec: SwapSpec, version: 2 | 4): string[] {
  const parts: string[] = []
  const flag = (name: string, value: boolean | undefined): void => {
    if (value !== undefined) {
      parts.push(`${name}:${String(value)}`)
    }
  }
  if (spec.swap !== undefined) {
    parts.push(`swap:${delay('swap', spec.swap)}`)
  }
  if (spec.settle !== undefined) {
    parts.push(`settle:${delay('settle', spec.settle)}`)
  }
  flag('transition', spec.transition)
  flag('ignoreTitle', spec.ignoreTitle)
  if (spec.scroll !== undefined) {
    parts.push(...scrollParts('scroll', spec.scroll, version))
  }
  if (spec.show !== undefined) {
    parts.push(...scrollParts('show', spec.show, version))
  }
  flag(version === 4 ? 'focusScroll' : 'focus-scroll', spec.focusScroll)
  if (version === 4) {
    flag('strip', spec.strip)
    if (spec.target !== undefined) {
      parts.push(`target:${hconValue('target', toSafeSelector(spec.target, FN))}`)
    }
    flag('swapEmpty', spec.swapEmpty)
  }
  return parts
}

/**
 * Serializes a swap spec for `hx-swap` or `HX-Reswap`, in htmx 4's syntax (or htmx 2's).
 *
 * @param spec - a style, or a style with modifiers
 * @param [version=4] - the htmx that reads it; 2 drops the htmx 4-only modifiers, maps morph styles
 *   to `innerHTML`/`outerHTML` and writes `scroll:<selector>:top`
 * @returns the spec string, ASCII only
 * @see docs/htmx.md
 * @example
 * serializeSwap({ style: 'beforeend', scroll: 'bottom', transition: true })
 * // 'beforeend transition:true scroll:bottom'
 */
export function serializeSwap(spec: SwapStyle | SwapSpec, version: 2 | 4 = 4): string {
  const full: SwapSpec = typeof spec === 'string' ? { style: spec } : spec
  const style = checkStyle(full.style)
  const wireStyle = version === 2 ? (HTMX2_FALLBACK[style] ?? style) : style
  return [wireStyle, ...modifiers(full, version)].join(' ')
}
