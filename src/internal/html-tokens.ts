// The kit's one HTML tokenizer, for the parity helper and the CSP-safety scanner: start and end
// tags in document order, quote-aware, skipping comments, doctypes, processing instructions and
// the content of raw-text elements, as a browser's tokenizer does. `<x/>` counts as self-closing.

/** Void elements: never have an end tag. */
export const VOID: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
])
const RAW_TEXT: ReadonlySet<string> = new Set(['script', 'style', 'textarea', 'title'])

const TAG_NAME = /[A-Za-z][^\s/>]*/y
const ATTRIBUTE = /[\s/]*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/y
// Character references as a browser decodes them in attribute values: every numeric one, with or
// without its `;`, and the named ones that matter for URLs and the kit's own escaping.
const ENTITY = /&(?:#x([0-9a-f]+);?|#(\d+);?|(amp|lt|gt|quot|apos|colon|tab|newline);)/gi
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  colon: ':',
  tab: '\t',
  newline: '\n',
}

// Browsers turn `&#0;` into U+FFFD; it stays NUL here, so the scanner treats it like the raw NUL
// the builders refuse (stricter than a browser, never looser).
function codePoint(value: number): string {
  return value <= 0x10ffff ? String.fromCodePoint(value) : '\ufffd'
}

/** Decodes the character references of an attribute value. */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) {
    return value
  }
  return value.replace(ENTITY, (_all, hex: string | undefined, dec: string | undefined, name) =>
    hex !== undefined
      ? codePoint(parseInt(hex, 16))
      : dec !== undefined
        ? codePoint(Number(dec))
        : (NAMED[(name as string).toLowerCase()] as string)
  )
}

/** One start or end tag found in the markup. */
export interface Tag {
  readonly name: string
  readonly closing: boolean
  readonly selfClosing: boolean
  readonly start: number
  readonly end: number
  readonly attrs: string
}

// Reads the tag starting at `<` (index `lt`), or returns null when it is not a tag.
function readTag(markup: string, lt: number): Tag | null {
  const closing = markup[lt + 1] === '/'
  TAG_NAME.lastIndex = lt + (closing ? 2 : 1)
  const name = TAG_NAME.exec(markup)?.[0]
  if (name === undefined) {
    return null
  }
  let i = TAG_NAME.lastIndex
  let quote: string | null = null
  for (; i < markup.length; i++) {
    const ch = markup[i]
    if (quote !== null) {
      quote = ch === quote ? null : quote
    } else if (ch === '"' || ch === "'") {
      quote = ch
    } else if (ch === '>') {
      const attrs = markup.slice(TAG_NAME.lastIndex, i)
      const selfClosing = attrs.endsWith('/')
      return { name: name.toLowerCase(), closing, selfClosing, start: lt, end: i + 1, attrs }
    }
  }
  return null
}

// Index after a comment, doctype or processing instruction at `lt`, or -1 when it is none.
function skipMarkupDeclaration(markup: string, lt: number): number {
  if (markup.startsWith('<!--', lt)) {
    const end = markup.indexOf('-->', lt + 4)
    return end === -1 ? markup.length : end + 3
  }
  if (markup[lt + 1] === '!' || markup[lt + 1] === '?') {
    const end = markup.indexOf('>', lt)
    return end === -1 ? markup.length : end + 1
  }
  return -1
}

/** Yields every start and end tag of the markup in order. */
export function* scanTags(markup: string): Generator<Tag> {
  const lower = markup.toLowerCase()
  let i = markup.indexOf('<')
  while (i !== -1) {
    const skipped = skipMarkupDeclaration(markup, i)
    const tag = skipped === -1 ? readTag(markup, i) : null
    let next = skipped === -1 ? i + 1 : skipped
    if (tag !== null) {
      yield tag
      next = tag.end
      if (!tag.closing && !tag.selfClosing && RAW_TEXT.has(tag.name)) {
        const close = lower.indexOf(`</${tag.name}`, next)
        next = close === -1 ? markup.length : close
      }
    }
    i = markup.indexOf('<', next)
  }
}

/** Every attribute of a tag's attribute text in order, names lower-cased, values decoded. */
export function attributeList(attrs: string): [name: string, value: string][] {
  const out: [string, string][] = []
  ATTRIBUTE.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = ATTRIBUTE.exec(attrs)) !== null) {
    const value = match[2] ?? match[3] ?? match[4] ?? ''
    out.push([(match[1] as string).toLowerCase(), decodeEntities(value)])
  }
  return out
}

/** Parses a tag's attribute text; the first occurrence of a name wins, as in browsers. */
export function parseAttributes(attrs: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const [name, value] of attributeList(attrs)) {
    if (!out.has(name)) {
      out.set(name, value)
    }
  }
  return out
}
