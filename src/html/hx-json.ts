import type { HxScalar, PartialLike } from './hx-types.ts'

// RFC 9110 token: what fetch() accepts as a header name.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

function isScalar(value: unknown): value is HxScalar {
  const type = typeof value
  if (type === 'number') {
    return Number.isFinite(value)
  }
  return type === 'string' || type === 'boolean' || value === null
}

/** Checks a `vals`/`headers` object (scalars only: htmx 4 flattens the rest) and copies it. */
export function scalarRecord(option: string, value: unknown): Record<string, HxScalar> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`hx(): ${option} must be an object of strings, numbers, booleans or null`)
  }
  const out: Record<string, HxScalar> = {}
  for (const key of Object.keys(value)) {
    const item: unknown = (value as Record<string, unknown>)[key]
    if (!isScalar(item)) {
      throw new TypeError(
        `hx(): ${option}.${key} must be a string, finite number, boolean or null (htmx 4 flattens arrays and objects)`
      )
    }
    if (option === 'headers' && !HEADER_NAME.test(key)) {
      throw new TypeError(`hx(): invalid header name ${JSON.stringify(key)}`)
    }
    out[key] = item
  }
  return out
}

/** Checks a partial-like object: `{ name: string, selector: string }`. */
export function partialName(value: unknown): string {
  const name = (value as Partial<PartialLike> | null)?.name
  if (typeof name !== 'string' || name === '') {
    throw new TypeError('hx(): partial must be a partial (an object with a name and a selector)')
  }
  return name
}

/** The `hx-headers` JSON: `headers`, plus `HX-Partial` when a partial is given. */
export function headersJson(headers: unknown, partial: unknown): string | undefined {
  if (headers === undefined && partial === undefined) {
    return undefined
  }
  const out = headers === undefined ? {} : scalarRecord('headers', headers)
  if (partial !== undefined) {
    if (Object.keys(out).some((key) => key.toLowerCase() === 'hx-partial')) {
      throw new TypeError('hx(): give the partial either as `partial` or in `headers`, not both')
    }
    out['HX-Partial'] = partialName(partial)
  }
  return JSON.stringify(out)
}
