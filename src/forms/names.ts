import { FormDecodeError } from './errors.ts'
import type { FormLimits } from './limits.ts'

/** Segments no field name may hold: they would reach `Object.prototype` in a naive merge. */
export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
])

const SIMPLE = /^[^.[\]]+$/
const encoder = new TextEncoder()

/** UTF-8 length, counted only when the UTF-16 length leaves a doubt. */
export function byteLength(text: string, max: number): number {
  return text.length * 3 <= max || text.length > max ? text.length : encoder.encode(text).length
}

function bad(name: string, why: string): FormDecodeError {
  return new FormDecodeError('bad-name', `Malformed field name "${name.slice(0, 64)}": ${why}`)
}

function scan(name: string): string[] {
  const segments: string[] = []
  let i = 0
  while (i < name.length) {
    const char = name[i]
    let end: number
    if (char === '[') {
      end = name.indexOf(']', i)
      if (end === -1) {
        throw bad(name, 'unclosed [')
      }
      const inner = name.slice(i + 1, end)
      if (/[.[]/.test(inner)) {
        throw bad(name, '. or [ inside brackets')
      }
      if (inner === '' && end !== name.length - 1) {
        throw bad(name, '[] is allowed only at the end')
      }
      if (inner !== '') {
        segments.push(inner)
      }
      i = end + 1
      continue
    }
    if (i > 0 && char !== '.') {
      throw bad(name, 'expected . or [ after ]')
    }
    const start = char === '.' && i > 0 ? i + 1 : i
    end = start
    while (end < name.length && !'.[]'.includes(name[end] as string)) {
      end++
    }
    if (end === start || name[end] === ']') {
      throw bad(name, 'empty segment or stray ]')
    }
    segments.push(name.slice(start, end))
    i = end
  }
  return segments
}

/**
 * Splits a field name into segments: `address.city`, `items[0].qty`, `items.0.qty`, `tags[]`.
 * Refuses empty segments and stray brackets (400), more than `maxDepth` segments (400), names
 * longer than `maxNameLength` bytes (413) and `__proto__`, `constructor`, `prototype` (400).
 */
export function parseName(name: string, limits: FormLimits): readonly string[] {
  if (byteLength(name, limits.maxNameLength) > limits.maxNameLength) {
    throw new FormDecodeError(
      'name-too-long',
      `Field name longer than ${String(limits.maxNameLength)} bytes`
    )
  }
  const segments = SIMPLE.test(name) ? [name] : scan(name)
  if (segments.length === 0) {
    throw bad(name, 'empty name')
  }
  if (segments.length > limits.maxDepth) {
    throw new FormDecodeError(
      'too-deep',
      `Field name "${name.slice(0, 64)}" nests deeper than ${String(limits.maxDepth)} levels`
    )
  }
  for (const segment of segments) {
    if (FORBIDDEN_SEGMENTS.has(segment)) {
      throw new FormDecodeError('forbidden-name', `Field name segment "${segment}" is not allowed`)
    }
  }
  return segments
}
