/**
 * Markup that is already safe: the output of `html`, `raw()` and the attribute builders.
 *
 * It carries hono's `isEscaped` marker, so hono/jsx and hono/html insert it without escaping it
 * again, and it converts to its markup with `String(value)`.
 *
 * @see docs/html.md
 * @example
 * const cell: SafeHtml = html`<td>${name}</td>`
 * String(cell) // '<td>…</td>'
 */
export class SafeHtml {
  /** The markup. */
  readonly value: string
  /** hono's marker for escaped strings (`HtmlEscaped`); always `true`. */
  declare readonly isEscaped: true

  constructor(value: string) {
    this.value = value
  }

  /** @returns the markup */
  toString(): string {
    return this.value
  }

  /** @returns the markup, so `JSON.stringify` and template literals see text */
  toJSON(): string {
    return this.value
  }
}

Object.defineProperty(SafeHtml.prototype, 'isEscaped', { value: true })

/**
 * Marks a string as trusted markup that `html` inserts without escaping.
 *
 * The only opt-out of escaping: never pass it text that came from a user.
 *
 * @param markup - markup you wrote or sanitised yourself
 * @see docs/html.md
 * @example
 * html`<div>${raw('<svg>…</svg>')}</div>`
 */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup)
}

/**
 * Tells whether a value is a `SafeHtml` (hono's escaped strings are trusted by `html` too, but are
 * not `SafeHtml`).
 *
 * @param value - any value
 * @see docs/html.md
 * @example
 * isSafeHtml(html`<p></p>`) // true
 */
export function isSafeHtml(value: unknown): value is SafeHtml {
  return value instanceof SafeHtml
}
