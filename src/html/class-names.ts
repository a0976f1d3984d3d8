/** A `class` value: a string, a list, or an object whose truthy keys are included (like clsx). */
export type ClassValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | Readonly<Record<string, unknown>>
  | readonly ClassValue[]

/**
 * Joins conditional class names: strings and numbers as they are, arrays flattened, object keys
 * whose value is truthy; `false`, `null`, `undefined`, `true`, `0` and `''` are skipped.
 */
export function classNames(value: ClassValue): string {
  if (typeof value === 'string') {
    return value
  }
  if (typeof value === 'number') {
    return value ? String(value) : ''
  }
  if (value === null || typeof value !== 'object') {
    return ''
  }
  let out = ''
  if (Array.isArray(value)) {
    for (const item of value as readonly ClassValue[]) {
      out = join(out, classNames(item))
    }
    return out
  }
  for (const name of Object.keys(value)) {
    if ((value as Record<string, unknown>)[name]) {
      out = join(out, name)
    }
  }
  return out
}

function join(out: string, name: string): string {
  if (name === '') {
    return out
  }
  return out === '' ? name : `${out} ${name}`
}
