// A light element tree over the kit's one tokenizer, and the subset of CSS selectors the test
// helpers check: compounds of tag, `*`, `#id`, `.class`, `[attr]`, `[attr=value]`, joined by
// descendant (space) or child (`>`) combinators, in comma lists. Anything else (pseudo-classes,
// `+`, `~`, escapes) is reported as unsupported rather than guessed at.
import { VOID, parseAttributes, scanTags } from '../internal/html-tokens.ts'

/** One element of the parsed markup. */
export interface Element {
  readonly name: string
  readonly attrs: ReadonlyMap<string, string>
  readonly parent: Element | null
  readonly children: Element[]
  /** Position in document order. */
  readonly order: number
  /** The start tag's offsets in the markup. */
  readonly start: number
  readonly end: number
}

/** Parses markup into elements in document order; an end tag closes up to its open element. */
export function parseElements(markup: string): Element[] {
  const all: Element[] = []
  const open: Element[] = []
  for (const tag of scanTags(markup)) {
    if (tag.closing) {
      const at = open.map((element) => element.name).lastIndexOf(tag.name)
      if (at !== -1) {
        open.length = at
      }
      continue
    }
    const parent = open.at(-1) ?? null
    const element: Element = {
      name: tag.name,
      attrs: parseAttributes(tag.attrs),
      parent,
      children: [],
      order: all.length,
      start: tag.start,
      end: tag.end,
    }
    parent?.children.push(element)
    all.push(element)
    if (!tag.selfClosing && !VOID.has(tag.name)) {
      open.push(element)
    }
  }
  return all
}

interface Compound {
  readonly tag: string | null
  readonly tests: readonly ((element: Element) => boolean)[]
}

interface Step {
  readonly compound: Compound
  /** How this step relates to the one before it (to its left). */
  readonly combinator: ' ' | '>'
}

const COMPOUND =
  /^(\*|[a-zA-Z][\w-]*)?((?:#[\w-]+|\.[\w-]+|\[[\w:-]+(?:=(?:"[^"]*"|'[^']*'|[\w-]+))?\])*)$/
const PART = /#([\w-]+)|\.([\w-]+)|\[([\w:-]+)(?:=(?:"([^"]*)"|'([^']*)'|([\w-]+)))?\]/g

function parseCompound(text: string): Compound | null {
  const match = COMPOUND.exec(text)
  if (match === null || text === '') {
    return null
  }
  const tests: ((element: Element) => boolean)[] = []
  for (const part of (match[2] ?? '').matchAll(PART)) {
    const [, id, className, attr, dq, sq, bare] = part
    if (id !== undefined) {
      tests.push((element) => element.attrs.get('id') === id)
    } else if (className !== undefined) {
      tests.push((element) => (element.attrs.get('class') ?? '').split(/\s+/).includes(className))
    } else {
      const name = (attr as string).toLowerCase()
      const value = dq ?? sq ?? bare
      tests.push((element) =>
        value === undefined ? element.attrs.has(name) : element.attrs.get(name) === value
      )
    }
  }
  const tag = match[1] === undefined || match[1] === '*' ? null : match[1].toLowerCase()
  return { tag, tests }
}

/** Parses one complex selector (no commas), or `null` when it uses what the subset lacks. */
function parseComplex(selector: string): Step[] | null {
  const tokens = selector
    .trim()
    .replace(/\s*>\s*/g, ' > ')
    .split(/\s+/)
  const steps: Step[] = []
  let combinator: ' ' | '>' = ' '
  for (const token of tokens) {
    if (token === '>') {
      if (steps.length === 0 || combinator === '>') {
        return null
      }
      combinator = '>'
      continue
    }
    const compound = parseCompound(token)
    if (compound === null) {
      return null
    }
    steps.push({ compound, combinator })
    combinator = ' '
  }
  return steps.length === 0 || combinator === '>' ? null : steps
}

function matchesCompound(element: Element, compound: Compound): boolean {
  return (
    (compound.tag === null || compound.tag === element.name) &&
    compound.tests.every((test) => test(element))
  )
}

function matchesSteps(element: Element, steps: readonly Step[], last: number): boolean {
  const step = steps[last] as Step
  if (!matchesCompound(element, step.compound)) {
    return false
  }
  if (last === 0) {
    return true
  }
  let ancestor = element.parent
  while (ancestor !== null) {
    if (matchesSteps(ancestor, steps, last - 1)) {
      return true
    }
    if (step.combinator === '>') {
      return false
    }
    ancestor = ancestor.parent
  }
  return false
}

/** A compiled selector list: `null` when any of its selectors is outside the subset. */
export type Selector = (element: Element) => boolean

/** Compiles a comma-separated selector list, or returns `null` when it is unsupported. */
export function compileSelector(list: string): Selector | null {
  const complexes = list.split(',').map(parseComplex)
  if (complexes.length === 0 || complexes.some((steps) => steps === null)) {
    return null
  }
  const all = complexes as Step[][]
  return (element) => all.some((steps) => matchesSteps(element, steps, steps.length - 1))
}

/** The element's descendants in document order. */
export function descendants(element: Element): Element[] {
  return element.children.flatMap((child) => [child, ...descendants(child)])
}
