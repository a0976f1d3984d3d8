// Creation-time checks for partials: names, ids and wrapper tags (attributes go through attrs()).
// Everything here runs once, in the factory, and throws a TypeError naming what is wrong.

/** Names and ids: an ASCII letter, then letters, digits, `_` or `-` (a CSS `#id` needs no escaping). */
export const NAME_PATTERN: RegExp = /^[A-Za-z][A-Za-z0-9_-]{0,127}$/

// Elements that may wrap a partial. Raw-text elements (script, style, textarea, title), void
// elements, document structure and <template> are left out: none of them can hold swapped markup.
const SAFE_TAGS: ReadonlySet<string> = new Set([
  'article',
  'aside',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figure',
  'footer',
  'form',
  'header',
  'li',
  'main',
  'nav',
  'ol',
  'output',
  'p',
  'section',
  'span',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
])

// Custom elements (a hyphen is required). htmx rewrites `<hx-word` into <template>
// (docs/protocol.md §3.1).
const CUSTOM_ELEMENT = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/
const HTMX_REWRITTEN = /^hx-[a-z]+$/

/** Attribute values a partial's wrapper element accepts. */
export type WrapperAttributeValue = string | number | boolean | null | undefined

export function checkName(what: string, value: unknown): string {
  if (typeof value !== 'string' || !NAME_PATTERN.test(value)) {
    throw new TypeError(
      `partial(): ${what} ${JSON.stringify(value)} must start with an ASCII letter and contain only letters, digits, "_" and "-" (at most 128 characters)`
    )
  }
  return value
}

export function checkTag(tag: string): string {
  const safe = SAFE_TAGS.has(tag) || (CUSTOM_ELEMENT.test(tag) && !HTMX_REWRITTEN.test(tag))
  if (!safe) {
    throw new TypeError(
      `partial(): "tag" ${JSON.stringify(tag)} must be a custom element name (not hx-<word>) or one of ${[...SAFE_TAGS].join(', ')}`
    )
  }
  return tag
}
