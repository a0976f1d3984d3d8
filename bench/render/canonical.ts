/**
 * Canonical form of an HTML string, for comparing renderers that write the same document with
 * different spelling. Tokens are re-serialised after decoding their entities, so these differences
 * disappear: whitespace-only text between tags, `/>` on void elements, attribute quotes (`"`, `'`,
 * none), the case of tag and attribute names (React writes `charSet`), entity spelling (`&#39;`,
 * `&#x27;`, `&apos;`, `&#34;`, `&#x3D;` …, and `>` left unescaped in text) and comments (React's
 * text separators). Everything else — tags, attributes, their order, text — must match, and an
 * unescaped `<script>` from data becomes a `<script>` tag here, so it cannot match the LIMIT.
 */

const TOKEN =
  /<!--[\s\S]*?-->|<!doctype[^>]*>|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|[^<]+|</gy
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g
const ENTITY = /&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
}

function decode(text: string): string {
  return text.replace(ENTITY, (_, name: string) => {
    const lower = name.toLowerCase()
    if (lower.startsWith('#x')) {
      return String.fromCodePoint(parseInt(lower.slice(2), 16))
    }
    if (lower.startsWith('#')) {
      return String.fromCodePoint(parseInt(lower.slice(1), 10))
    }
    return NAMED[lower] as string
  })
}

const encode = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function startTag(name: string, attributes: string): string {
  let out = '<' + name.toLowerCase()
  for (const m of attributes.matchAll(ATTRIBUTE)) {
    const value = m[2] ?? m[3] ?? m[4]
    out += ' ' + (m[1] as string).toLowerCase()
    out += value === undefined ? '' : '="' + encode(decode(value)) + '"'
  }
  return out + '>'
}

/**
 * Returns the canonical form of `markup` (see the module comment).
 *
 * @param markup - the HTML a renderer wrote
 */
export function canonical(markup: string): string {
  let out = ''
  let text = ''
  const flush = (): void => {
    if (text.trim() !== '') {
      out += encode(text)
    }
    text = ''
  }
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(markup); m !== null; m = TOKEN.exec(markup)) {
    const token = m[0]
    if (token.startsWith('<!--')) {
      continue
    }
    if (m[1] === undefined && m[2] === undefined && !token.startsWith('<!')) {
      text += decode(token)
      continue
    }
    flush()
    if (token.startsWith('<!')) {
      out += token.toLowerCase()
    } else if (m[1] !== undefined) {
      out += '</' + m[1].toLowerCase() + '>'
    } else {
      out += startTag(m[2] as string, m[3] ?? '')
    }
  }
  flush()
  return out
}
