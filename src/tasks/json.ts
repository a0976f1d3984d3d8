// Django's rule: arguments and return values must come back from JSON as they went in. A Date
// would come back a string, a Map an empty object, `undefined` in an array `null`, a class
// instance a plain object; so they are refused before anything is stored.

/** A value that survives `JSON.parse(JSON.stringify(value))` unchanged. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

function describe(value: unknown): string {
  if (value === undefined) {
    return 'undefined'
  }
  if (typeof value === 'bigint') {
    return 'a BigInt'
  }
  if (typeof value === 'number') {
    return String(value)
  }
  if (typeof value === 'function' || typeof value === 'symbol') {
    return `a ${typeof value}`
  }
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name
  return typeof name === 'string' && name !== '' ? `a ${name}` : 'an object without a prototype'
}

function walk(value: unknown, path: string, seen: Set<object>): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') {
    return null
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? null : `${path} is ${describe(value)}`
  }
  if (typeof value !== 'object') {
    return `${path} is ${describe(value)}`
  }
  if (seen.has(value)) {
    return `${path} is a cycle`
  }
  seen.add(value)
  try {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) {
          return `${path}[${String(i)}] is a hole`
        }
        const found = walk(value[i], `${path}[${String(i)}]`, seen)
        if (found !== null) {
          return found
        }
      }
      return null
    }
    const proto: unknown = Object.getPrototypeOf(value)
    if (proto !== Object.prototype && proto !== null) {
      return `${path} is ${describe(value)}`
    }
    if (Object.getOwnPropertySymbols(value).length > 0) {
      return `${path} has symbol keys`
    }
    for (const [key, item] of Object.entries(value)) {
      const found = walk(item, `${path}.${key}`, seen)
      if (found !== null) {
        return found
      }
    }
    return null
  } finally {
    seen.delete(value)
  }
}

/**
 * Throws a TypeError naming `caller` when `value` would not survive a JSON round trip; `what`
 * names it in the message (`argument 1`, `the return value`).
 */
export function checkJson(caller: string, what: string, value: unknown): void {
  const found = walk(value, what, new Set())
  if (found !== null) {
    throw new TypeError(
      `${caller}: ${found}; task arguments and return values must survive a JSON round trip (convert dates to ISO strings, maps to objects, BigInts to strings).`
    )
  }
}
