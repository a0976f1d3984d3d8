// The kit's one HTML tokenizer, for the parity helper and the CSP-safety scanner: start and end
// tags in document order, read by the rules of the HTML tokenizer (WHATWG §13.2.5) where they
// decide what a browser sees: attribute names may hold quotes, a quote opens a value only after
// `=`, comments end at `-->`, `--!>`, `<!-->` or `<!--->`, and the content of raw-text elements
// (`script`, `style`, `textarea`, `title`, `noscript` with scripting on, `noembed`, `noframes`,
// `xmp`, `iframe`) is text. `<x/>` counts as self-closing.

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
/** Elements whose content a browser reads as text up to their end tag. */
export const RAW_TEXT: ReadonlySet<string> = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'noscript',
  'noembed',
  'noframes',
  'xmp',
  'iframe',
])

const TAG_NAME = /[A-Za-z][^\s/>]*/y
// Character references as a browser decodes them in attribute values: every numeric one, with or
// without its `;`, and the named ones that matter for URLs and the kit's own escaping.
const ENTITY =
  /&(?:#x([0-9a-f]+);?|#(\d+);?|(amp|lt|gt|quot|apos|colon|tab|newline|sol|bsol|plus|period|comma|lpar|rpar|num|excl|quest|equals);)/gi
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  colon: ':',
  tab: '\t',
  newline: '\n',
  sol: '/',
  bsol: '\\',
  plus: '+',
  period: '.',
  comma: ',',
  lpar: '(',
  rpar: ')',
  num: '#',
  excl: '!',
  quest: '?',
  equals: '=',
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
  /** The attributes, every occurrence in order, names lower-cased, values decoded. */
  readonly attributes: readonly (readonly [name: string, value: string])[]
}

// HTML's whitespace in tags: tab, line feed, form feed, carriage return, space.
function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\n' || char === '\t' || char === '\r' || char === '\f'
}

interface Attributes {
  readonly list: [name: string, value: string][]
  /** Index of the `>` that ends the tag, or -1 when the text ends first. */
  readonly end: number
}

// Reads attributes from `from` up to the `>` that ends the tag (or the end of the text).
function readAttributes(text: string, from: number): Attributes {
  const list: [string, string][] = []
  let i = from
  for (;;) {
    while (isSpace(text[i]) || text[i] === '/') {
      i++
    }
    if (i >= text.length || text[i] === '>') {
      return { list, end: i >= text.length ? -1 : i }
    }
    // the first character of a name may be anything, `=` and quotes included
    const start = i++
    while (i < text.length && !isSpace(text[i]) && !'/>='.includes(text[i] as string)) {
      i++
    }
    const name = text.slice(start, i).toLowerCase()
    let j = i
    while (isSpace(text[j])) {
      j++
    }
    let value = ''
    if (text[j] === '=') {
      j++
      while (isSpace(text[j])) {
        j++
      }
      const quote = text[j]
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, j + 1)
        if (close === -1) {
          return { list, end: -1 }
        }
        value = text.slice(j + 1, close)
        i = close + 1
      } else {
        let k = j
        while (k < text.length && !isSpace(text[k]) && text[k] !== '>') {
          k++
        }
        value = text.slice(j, k)
        i = k
      }
    }
    list.push([name, decodeEntities(value)])
  }
}

// Reads the tag starting at `<` (index `lt`), or returns null when it is not a tag (text, or a
// tag the text ends inside: a browser drops that one).
function readTag(markup: string, lt: number): Tag | null {
  const closing = markup[lt + 1] === '/'
  TAG_NAME.lastIndex = lt + (closing ? 2 : 1)
  const name = TAG_NAME.exec(markup)?.[0]
  if (name === undefined) {
    return null
  }
  const from = TAG_NAME.lastIndex
  const { list, end } = readAttributes(markup, from)
  if (end === -1) {
    return null
  }
  const attrs = markup.slice(from, end)
  return {
    name: name.toLowerCase(),
    closing,
    selfClosing: markup[end - 1] === '/',
    start: lt,
    end: end + 1,
    attrs,
    attributes: list,
  }
}

// Index after a comment, doctype or processing instruction at `lt`, or -1 when it is none.
function skipMarkupDeclaration(markup: string, lt: number): number {
  if (markup.startsWith('<!--', lt)) {
    // `<!-->` and `<!--->` are whole (empty) comments; otherwise the first `-->` or `--!>`
    if (markup.startsWith('>', lt + 4)) {
      return lt + 5
    }
    if (markup.startsWith('->', lt + 4)) {
      return lt + 6
    }
    const ends = [markup.indexOf('-->', lt + 4), markup.indexOf('--!>', lt + 4)]
      .filter((at) => at !== -1)
      .map((at) => at + (markup.startsWith('--!>', at) ? 4 : 3))
    return ends.length === 0 ? markup.length : Math.min(...ends)
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
  return readAttributes(attrs, 0).list
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
