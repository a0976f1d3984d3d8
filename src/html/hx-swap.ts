import type { HxSwap, HxSwapSpec } from './hx-types.ts'

const MODIFIERS = [
  'swap',
  'settle',
  'transition',
  'ignoreTitle',
  'scroll',
  'scrollTarget',
  'show',
  'showTarget',
  'focusScroll',
  'strip',
  'swapEmpty',
] as const satisfies readonly (keyof HxSwapSpec)[]

const KNOWN = new Set<string>(['style', ...MODIFIERS])
const BARE = /^[^\s,"'<]+$/

/**
 * Writes one HCON value: bare when it can be, else in the quotes it does not contain.
 * HCON has no escapes, so a text containing both quote characters is refused.
 */
export function hconValue(value: string): string {
  if (BARE.test(value)) {
    return value
  }
  if (!value.includes('"')) {
    return `"${value}"`
  }
  if (!value.includes("'")) {
    return `'${value}'`
  }
  throw new TypeError(`hx: an HCON value cannot contain both ' and ": ${JSON.stringify(value)}`)
}

function modifier(key: string, value: unknown): string {
  if (typeof value === 'number') {
    return key === 'swap' || key === 'settle'
      ? `${key}:${String(value)}ms`
      : `${key}:${String(value)}`
  }
  if (typeof value === 'boolean') {
    return `${key}:${String(value)}`
  }
  if (typeof value !== 'string') {
    throw new TypeError(`hx: swap modifier "${key}" must be a string, number or boolean`)
  }
  return `${key}:${hconValue(value)}`
}

/**
 * Renders an `hx-swap` value: a string as it is, a spec object as `style key:value …` in a fixed
 * modifier order.
 */
export function swapValue(value: unknown): string {
  const swap = value as HxSwap | null
  if (typeof swap === 'string') {
    return swap
  }
  if (swap === null || typeof swap !== 'object') {
    throw new TypeError('hx: swap must be a string or a swap spec object')
  }
  const spec: HxSwapSpec = swap
  for (const key of Object.keys(spec)) {
    if (!KNOWN.has(key)) {
      throw new TypeError(`hx: unknown swap modifier "${key}"`)
    }
  }
  const parts: string[] = spec.style === undefined ? [] : [spec.style]
  for (const key of MODIFIERS) {
    const value = spec[key]
    if (value !== undefined) {
      parts.push(modifier(key, value))
    }
  }
  return parts.join(' ')
}
