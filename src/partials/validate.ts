// Creation-time checks for partials: names, ids, wrapper tags and wrapper attributes.
// Everything here runs once, in the factory, and throws a TypeError naming what is wrong.

/** Names and ids: an ASCII letter, then letters, digits, `_` or `-` (a CSS `#id` needs no escaping). */
export const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,127}$/

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

// Custom elements (a hyphen is required). htmx rewrites `<hx-word` into <template> (contract §3.1).
const CUSTOM_ELEMENT = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/
const HTMX_REWRITTEN = /^hx-[a-z]+$/

const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/
// Inline handlers and styles break the strict CSP; id comes from the `id` option.
const FORBIDDEN_ATTRIBUTE = /^(?:on|hx-on|data-hx-on|style$|id$)/i
// htmx 4 evaluates `js:` URLs in hx-* attributes; browsers run `javascript:` ones.
// Leading whitespace and control characters are ignored by URL parsing, so they are ignored here.
const SCRIPT_URL = /^(?:javascript|js):/i

function isScriptUrl(value: string): boolean {
  let start = 0
  while (start < value.length && value.charCodeAt(start) <= 0x20) {
    start++
  }
  return SCRIPT_URL.test(value.slice(start))
}

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

function checkAttribute(name: string, value: WrapperAttributeValue): void {
  if (!ATTRIBUTE_NAME.test(name)) {
    throw new TypeError(`partial(): attribute name ${JSON.stringify(name)} is not valid`)
  }
  if (FORBIDDEN_ATTRIBUTE.test(name)) {
    throw new TypeError(
      `partial(): attribute "${name}" is not allowed (no inline handlers or styles; set the id with the "id" option)`
    )
  }
  if (typeof value === 'string' && isScriptUrl(value)) {
    throw new TypeError(`partial(): attribute "${name}" must not hold a javascript: or js: URL`)
  }
}

export function checkAttributes(
  attrs: Readonly<Record<string, WrapperAttributeValue>>
): [string, string | true][] {
  const out: [string, string | true][] = []
  for (const [name, value] of Object.entries(attrs)) {
    checkAttribute(name, value)
    if (value === null || value === undefined || value === false) {
      continue
    }
    out.push([name, value === true ? true : String(value)])
  }
  return out
}
