// Finds the element that carries an id in rendered markup and returns it, balanced on its own
// tag name, for the parity helper.
import { VOID, parseAttributes, scanTags } from '../internal/html-tokens.ts'
import type { Tag } from '../internal/html-tokens.ts'

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
