const NEEDS_ESCAPE = /[&<>"']/

/**
 * Escapes `& < > " '` so that a string is safe as HTML text and as a quoted attribute value.
 *
 * @param value - the untrusted text
 * @returns the escaped text (the same string when nothing needed escaping)
 * @see docs/html.md
 * @example
 * escapeHtml('<b>"Tom" & Jerry</b>') // '&lt;b&gt;&quot;Tom&quot; &amp; Jerry&lt;/b&gt;'
 */
export function escapeHtml(value: string): string {
  const first = value.search(NEEDS_ESCAPE)
  if (first === -1) {
    return value
  }
  let out = value.slice(0, first)
  let last = first
  for (let i = first; i < value.length; i++) {
    let entity: string
    switch (value.charCodeAt(i)) {
      case 38:
        entity = '&amp;'
        break
      case 60:
        entity = '&lt;'
        break
      case 62:
        entity = '&gt;'
        break
      case 34:
        entity = '&quot;'
        break
      case 39:
        entity = '&#39;'
        break
      default:
        continue
    }
    if (last !== i) {
      out += value.slice(last, i)
    }
    out += entity
    last = i + 1
  }
  return last === value.length ? out : out + value.slice(last)
}

const NEEDS_ESCAPE_SINGLE = /[&<>']/g
const SINGLE_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&#39;',
}

/**
 * Escapes text for a single-quoted attribute value (`& < > '`), leaving `"` readable: used for
 * JSON values such as `hx-headers='{"HX-Partial":"orders"}'`. Internal, not exported.
 */
export function escapeSingleQuoted(value: string): string {
  return value.replace(NEEDS_ESCAPE_SINGLE, (char) => SINGLE_ENTITIES[char] as string)
}
