// The kit's one swap model: the type `hx({ swap })`, `setReswap()`, `serializeSwap()` and
// `clientLocation()` take, one validation and one serializer (docs/protocol.md §3.4, §3.5).
import { checkKeys } from './options.ts'
import { toSafeSelector } from './selector.ts'

/** The swap styles of htmx 4 (`before`, `after`, `prepend` and `append` are its aliases). */
export type HxSwapStyle =
  | 'innerHTML'
  | 'outerHTML'
  | 'textContent'
  | 'beforebegin'
  | 'afterbegin'
  | 'beforeend'
  | 'afterend'
  | 'before'
  | 'after'
  | 'prepend'
  | 'append'
  | 'delete'
  | 'none'
  | 'innerMorph'
  | 'outerMorph'
  | 'outerSync'

/** A delay: milliseconds, or htmx's `'100ms'` / `'1s'` / `'1m'` text. */
export type HxDelay = number | `${number}ms` | `${number}s` | `${number}m`

/** Where `scroll`/`show` go: `'top'`/`'bottom'` of the target, or of another element. */
export type HxScroll = 'top' | 'bottom' | { readonly to: 'top' | 'bottom'; readonly target: string }

/** An `hx-swap` / `HX-Reswap` spec as an object: a style and htmx 4's modifiers. */
export interface HxSwapSpec {
  /** The swap style; left out, htmx uses its default (`innerHTML`). */
  readonly style?: HxSwapStyle | undefined
  /** Delay before the swap (`swap:`). */
  readonly swap?: HxDelay | undefined
  /** Delay between swap and settle (`settle:`). */
  readonly settle?: HxDelay | undefined
  /** Use the View Transitions API (`transition:`). */
  readonly transition?: boolean | undefined
  /** Keep `document.title` (`ignoreTitle:`). */
  readonly ignoreTitle?: boolean | undefined
  /** Scroll the target (or another element) to its top or bottom (`scroll:`, `scrollTarget:`). */
  readonly scroll?: HxScroll | undefined
  /** Scroll the target (or another element) into view (`show:`, `showTarget:`). */
  readonly show?: HxScroll | undefined
  /** Scroll the focused element into view (`focusScroll:`; htmx 2 `focus-scroll:`). */
  readonly focusScroll?: boolean | undefined
  /** htmx 4 only: drop the response's outer element (`strip:false` keeps it). */
  readonly strip?: boolean | undefined
  /** htmx 4 only: retarget the swap (`target:`); for htmx 2 `setReswap` sends `HX-Retarget`. */
  readonly target?: string | undefined
  /** htmx 4 only: swap even when nothing is left after OOB/partials (`swapEmpty:`). */
  readonly swapEmpty?: boolean | undefined
}

/** A swap: a style, a style followed by htmx 4's HCON modifiers, or a spec object. */
export type HxSwap = HxSwapStyle | `${HxSwapStyle} ${string}` | HxSwapSpec

const CANONICAL: Readonly<Record<HxSwapStyle, string>> = {
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

const SPEC_KEYS: ReadonlySet<string> = new Set([
  'style', 'swap', 'settle', 'transition', 'ignoreTitle', 'scroll', 'show', 'focusScroll',
  'strip', 'target', 'swapEmpty',
]) // prettier-ignore

// What a written-out htmx 4 swap may say that htmx 2 has no word for.
const HTMX4_ONLY: ReadonlySet<string> = new Set([
  'strip',
  'target',
  'swapEmpty',
  'scrollTarget',
  'showTarget',
])

// The modifier names a written-out swap string may use: htmx 4's, and htmx 2's spellings.
const WRITTEN_MODIFIERS: ReadonlySet<string> = new Set([
  'swap', 'settle', 'transition', 'ignoreTitle', 'scroll', 'scrollTarget', 'show', 'showTarget',
  'focusScroll', 'strip', 'target', 'swapEmpty', 'focus-scroll',
]) // prettier-ignore

function styleOf(caller: string, style: unknown): string {
  if (typeof style !== 'string' || !Object.hasOwn(CANONICAL, style)) {
    throw new TypeError(
      `${caller}: swap style must be one of ${Object.keys(CANONICAL).join(', ')}, got ${JSON.stringify(style)}.`
    )
  }
  return CANONICAL[style as HxSwapStyle]
}

function delay(caller: string, name: string, value: unknown): string {
  const text = typeof value === 'number' ? `${String(value)}ms` : value
  if (typeof text !== 'string' || !/^\d+(?:\.\d+)?(?:ms|s|m)$/.test(text)) {
    throw new TypeError(
      `${caller}: swap "${name}" must be milliseconds or a string such as "100ms" or "1s".`
    )
  }
  return text
}

function flag(caller: string, name: string, value: unknown): string {
  if (typeof value !== 'boolean') {
    throw new TypeError(`${caller}: swap "${name}" must be true or false.`)
  }
  return `${name}:${String(value)}`
}

/** Writes one HCON value: bare when HCON reads it back unchanged, else in the quotes it lacks. */
export function hconValue(caller: string, name: string, value: string): string {
  if (/^[^\s,"'<][^\s,]*$/.test(value)) {
    return value
  }
  if (!value.includes('"')) {
    return `"${value}"`
  }
  if (!value.includes("'")) {
    return `'${value}'`
  }
  throw new TypeError(
    `${caller}: swap "${name}" cannot hold both kinds of quotes (HCON has no escapes).`
  )
}

function scrollParts(caller: string, name: 'scroll' | 'show', value: unknown, version: 2 | 4) {
  const to: unknown =
    typeof value === 'object' && value !== null ? (value as { to?: unknown }).to : value
  if (to !== 'top' && to !== 'bottom') {
    throw new TypeError(
      `${caller}: swap "${name}" must be top or bottom, or { to: top | bottom, target }.`
    )
  }
  if (typeof value === 'string') {
    return [`${name}:${to}`]
  }
  const target = toSafeSelector((value as { target?: unknown }).target, caller)
  if (version === 4) {
    return [`${name}:${to}`, `${name}Target:${hconValue(caller, `${name}.target`, target)}`]
  }
  // htmx 2 reads `show:<selector>:top` and splits the spec on whitespace
  return [/\s/.test(target) ? `${name}:${to}` : `${name}:${target}:${to}`]
}

function modifiers(caller: string, spec: HxSwapSpec, version: 2 | 4): string[] {
  const parts: string[] = []
  if (spec.swap !== undefined) {
    parts.push(`swap:${delay(caller, 'swap', spec.swap)}`)
  }
  if (spec.settle !== undefined) {
    parts.push(`settle:${delay(caller, 'settle', spec.settle)}`)
  }
  for (const name of ['transition', 'ignoreTitle'] as const) {
    if (spec[name] !== undefined) {
      parts.push(flag(caller, name, spec[name]))
    }
  }
  for (const name of ['scroll', 'show'] as const) {
    if (spec[name] !== undefined) {
      parts.push(...scrollParts(caller, name, spec[name], version))
    }
  }
  if (spec.focusScroll !== undefined) {
    parts.push(flag(caller, version === 4 ? 'focusScroll' : 'focus-scroll', spec.focusScroll))
  }
  if (version === 2) {
    return parts
  }
  if (spec.strip !== undefined) {
    parts.push(flag(caller, 'strip', spec.strip))
  }
  if (spec.target !== undefined) {
    parts.push(`target:${hconValue(caller, 'target', toSafeSelector(spec.target, caller))}`)
  }
  if (spec.swapEmpty !== undefined) {
    parts.push(flag(caller, 'swapEmpty', spec.swapEmpty))
  }
  return parts
}

// A swap written out as text: a known style (or none), then `name:value` modifiers htmx knows.
function checkWritten(caller: string, value: string, version: 2 | 4): string {
  if (!/^[\u0020-\u007e]+$/.test(value)) {
    throw new TypeError(
      `${caller}: a swap string must be printable ASCII, got ${JSON.stringify(value)}.`
    )
  }
  const [first = '', ...rest] = value.trim().split(/\s+/)
  const style = first.includes(':') ? undefined : styleOf(caller, first)
  const tokens: string[] = []
  for (const token of style === undefined ? [first, ...rest] : rest) {
    // HCON: a key without `:value` means true (`transition` is `transition:true`)
    const colon = token.indexOf(':')
    const name = colon === -1 ? token : token.slice(0, colon)
    if (!WRITTEN_MODIFIERS.has(name)) {
      throw new TypeError(`${caller}: unknown swap modifier ${JSON.stringify(token)}.`)
    }
    if (version === 4) {
      tokens.push(token)
    } else if (!HTMX4_ONLY.has(name)) {
      // htmx 2 spells it focus-scroll and has none of strip, target, swapEmpty, *Target
      tokens.push(name === 'focusScroll' ? `focus-scroll${token.slice(name.length)}` : token)
    }
  }
  const wire =
    style === undefined ? undefined : version === 2 ? (HTMX2_FALLBACK[style] ?? style) : style
  return [wire, ...tokens].filter(Boolean).join(' ')
}

/**
 * Validates a swap and writes it for `hx-swap` or `HX-Reswap`, in htmx 4's syntax (or htmx 2's:
 * the htmx 4-only modifiers dropped, morph styles mapped to innerHTML/outerHTML, `scroll:<sel>:top`).
 * Aliases are written canonical. Throws a TypeError naming `caller` for anything htmx would not read.
 */
export function serializeSwap(value: unknown, version: 2 | 4, caller: string): string {
  if (typeof value === 'string') {
    return checkWritten(caller, value, version)
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(
      `${caller}: swap must be a style, a style with modifiers, or a swap spec object.`
    )
  }
  checkKeys(caller, value, [...SPEC_KEYS], 'swap.')
  const spec = value as HxSwapSpec
  const parts = modifiers(caller, spec, version)
  if (spec.style !== undefined) {
    const style = styleOf(caller, spec.style)
    parts.unshift(version === 2 ? (HTMX2_FALLBACK[style] ?? style) : style)
  }
  if (parts.length === 0) {
    throw new TypeError(`${caller}: a swap spec needs a style or a modifier.`)
  }
  return parts.join(' ')
}
