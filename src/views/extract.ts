// A small HTML tag scanner for the parity helper: finds the element that carries an id and
// returns its markup, balanced on its own tag name. It skips comments, doctypes and the content
// of raw-text elements, and knows void elements. `<x/>` counts as self-closing (SVG style).

const VOID: ReadonlySet<string> = new Set([
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
const ENTITY = /&(?:amp|lt|gt|quot|#39|#x27);/g
const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
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

/** Parses a tag's attribute text; the first occurrence of a name wins, as in browsers. */
export function parseAttributes(attrs: string): Map<string, string> {
  const out = new Map<string, string>()
  ATTRIBUTE.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = ATTRIBUTE.exec(attrs)) !== null) {
    const name = (match[1] as string).toLowerCase()
    const value = match[2] ?? match[3] ?? match[4] ?? ''
    if (!out.has(name)) {
      out.set(
        name,
        value.replace(ENTITY, (entity) => ENTITIES[entity] as string)
      )
    }
  }
  return out
}

/** An element found by id: its tag name and its markup from start tag to end tag. */
export interface FoundElement {
  readonly tag: string
  readonly markup: string
}

/**
 * Finds the first element whose `id` attribute equals `id` and returns its markup, from its start
 * tag to its matching end tag (nested elements of the same name are counted), or `null` when there
 * is no such element or it is never closed.
 */
export function findElementById(markup: string, id: string): FoundElement | null {
  let open: Tag | null = null
  let depth = 0
  for (const tag of scanTags(markup)) {
    if (open === null) {
      if (tag.closing || parseAttributes(tag.attrs).get('id') !== id) {
        continue
      }
      if (tag.selfClosing || VOID.has(tag.name)) {
        return { tag: tag.name, markup: markup.slice(tag.start, tag.end) }
      }
      open = tag
      depth = 1
    } else if (tag.name === open.name && !tag.selfClosing) {
      depth += tag.closing ? -1 : 1
      if (depth === 0) {
        return { tag: open.name, markup: markup.slice(open.start, tag.end) }
      }
    }
  }
  return null
}
