import { SafeHtml, escapeHtml, html } from '../html/index.ts'

type Piece = string | number | boolean | null | undefined | SafeHtml

/** What a component slot accepts: text (escaped), numbers, markup, a list of them; never a promise. */
export type SyncHtml = Piece | readonly Piece[]

/**
 * A slot's markup as a string, the way an `html` hole renders it: text escaped, `SafeHtml` as it
 * is, numbers as text, `null`/`undefined`/booleans as nothing, arrays joined. Text, markup and
 * nothing take a fast path (a table renders thousands of them); the rest goes through `html`.
 *
 * @param value - the slot's value
 * @throws TypeError when the value turns out to be asynchronous (a slot is never a promise)
 * @example
 * markup(column.cell(row)) // '<span class="status">shipped</span>'
 */
export function markup(value: SyncHtml): string {
  if (typeof value === 'string') {
    return escapeHtml(value)
  }
  if (value instanceof SafeHtml) {
    return value.value
  }
  if (value === undefined || value === null) {
    return ''
  }
  const out: unknown = html`${value}`
  if (!(out instanceof SafeHtml)) {
    throw new TypeError('a component slot must be synchronous markup, not a promise')
  }
  return out.value
}
