import type { Kind } from './compile.ts'

const TRUE = new Set(['on', 'true', '1', 'yes'])
const FALSE = new Set(['off', 'false', '0', 'no', ''])
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/

function toBoolean(text: string): boolean | string {
  const lower = text.trim().toLowerCase()
  return TRUE.has(lower) ? true : FALSE.has(lower) ? false : text
}

function toNumber(text: string): number | string {
  const trimmed = text.trim()
  return NUMBER.test(trimmed) ? Number(trimmed) : text
}

function validDay(y: number, m: number, d: number): boolean {
  const day = new Date(Date.UTC(y, m - 1, d))
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d
}

/**
 * `YYYY-MM-DD` → that day at 00:00 UTC; `YYYY-MM-DDTHH:mm[:ss[.sss]][zone]` → that instant, read
 * as UTC when there is no zone (what `datetime-local` sends). Anything else stays a string.
 */
export function toDate(text: string): Date | string {
  const trimmed = text.trim()
  const match = DATE.exec(trimmed) ?? DATETIME.exec(trimmed)
  if (match === null) {
    return text
  }
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (!validDay(y, m, d)) {
    return text
  }
  if (match[4] === undefined) {
    return new Date(Date.UTC(y, m - 1, d))
  }
  const seconds = match[6] ?? '00'
  const iso = `${match[1] as string}-${match[2] as string}-${match[3] as string}T${match[4]}:${match[5] as string}:${seconds}${match[7] ?? ''}${match[8] ?? 'Z'}`
  const time = Date.parse(iso)
  return Number.isNaN(time) ? text : new Date(time)
}

/** A file input left empty: browsers send a part with no filename and no bytes. */
export function isEmptyFile(value: unknown): boolean {
  return value instanceof File && value.size === 0 && value.name === ''
}

/**
 * Converts one submitted value for its kind. Empty input becomes `undefined` (`false` for a
 * checkbox); a value that does not convert stays as sent, so the schema reports it and the form
 * shows it again.
 */
export function convertLeaf(value: string | File, kind: Kind): unknown {
  if (typeof value !== 'string') {
    return isEmptyFile(value) ? undefined : value
  }
  if (kind === 'boolean') {
    return toBoolean(value)
  }
  if (value === '') {
    return undefined
  }
  if (kind === 'number' || kind === 'integer') {
    return toNumber(value)
  }
  return kind === 'date' ? toDate(value) : value
}
