import type { Context } from 'hono'
import { SafeHtml, attrs, html, hxNonce } from '../html/index.ts'
import type { HtmlValue } from '../html/index.ts'
import { checkKeys } from '../internal/options.ts'
import { renderNow, setRenderNow } from '../internal/render-now.ts'
import { checkName, checkTag } from './validate.ts'
import type { WrapperAttributeValue } from './validate.ts'

/** Options of `partial()`: the wrapper element's id, tag and extra attributes. */
export interface PartialOptions {
  /** DOM id of the wrapper element. Default: the partial's name. */
  id?: string | undefined
  /** Tag of the wrapper element, e.g. `section` or `tbody`. Default: `div`. */
  tag?: string | undefined
  /** Extra attributes of the wrapper (escaped; `true` renders a bare attribute, `false`/`null` none). */
  attrs?: Record<string, WrapperAttributeValue> | undefined
}

/** A named region of a page with its own loader, rendered inside its own wrapper element. */
export interface NamedPartial<N extends string = string> {
  /** The partial's name: the key in a page's `partials` and the value of `HX-Partial`. */
  readonly name: N
  /** DOM id of the wrapper element. */
  readonly id: string
  /** `#` + id: a CSS selector for `hx-target`. */
  readonly selector: string
  /** Runs this partial's loader only and returns `<tag id="…" …attrs>markup</tag>`. */
  readonly render: (c: Context) => Promise<SafeHtml>
}

/**
 * A partial's loader: returns any `html` hole value, or a promise of one. It also receives the
 * partial itself, so markup inside can target its own region (`hx({ target: self })`) without a
 * circular type annotation.
 */
export type PartialLoader<N extends string = string> = (
  c: Context,
  self: NamedPartial<N>
) => HtmlValue | Promise<HtmlValue>

// The wrapper's attributes go through `attrs()`, the kit's one attribute policy (names checked,
// inline handlers, styles and script URLs refused); the id is the partial's own.
function wrapperAttributes(attributes: Readonly<Record<string, WrapperAttributeValue>>): string {
  if (Object.keys(attributes).some((name) => name.toLowerCase() === 'id')) {
    throw new TypeError('partial(): set the wrapper id with the "id" option, not in attrs')
  }
  try {
    return attrs(attributes).value
  } catch (error) {
    throw new TypeError(`partial(): ${(error as Error).message}`)
  }
}

/**
 * Declares a named partial: a loader for its data and markup, and the wrapper element around it.
 *
 * The name, id, tag and attributes are checked here, once; a bad one throws a `TypeError` at
 * startup. `render(c)` runs only this partial's loader.
 *
 * @param name - the partial's name (letters, digits, `_`, `-`; starts with a letter)
 * @param load - returns the inner markup, sync or async; gets `(c, self)`
 * @param [options={}] - `id` (default: name), `tag` (default: `div`), `attrs`
 * @returns the partial
 * @see docs/partials.md
 * @example
 * const rows = partial('rows', async () => (await db.orders()).map(orderRow), {
 *   tag: 'tbody',
 *   id: 'order-rows',
 * })
 */
export function partial<N extends string>(
  name: N,
  load: PartialLoader<N>,
  options: PartialOptions = {}
): NamedPartial<N> {
  checkName('name', name)
  checkKeys('partial()', options, ['id', 'tag', 'attrs'])
  if (typeof load !== 'function') {
    throw new TypeError(`partial(): the loader of "${name}" must be a function`)
  }
  const id = checkName('id', options.id ?? name)
  const tag = checkTag(options.tag ?? 'div')
  const attributes = options.attrs ?? {}
  // A wrapper with htmx attributes (polling, lazy loading) needs this response's hx-nonce.
  const stamp = Object.keys(attributes).some((attr) => /^(?:data-)?hx-/i.test(attr))
  const opening = `<${tag} id="${id}"${wrapperAttributes(attributes)}>`
  const close = `</${tag}>`
  const wrap = (inner: SafeHtml): SafeHtml => {
    const open = stamp ? `${opening.slice(0, -1)}${hxNonce().value}>` : opening
    return new SafeHtml(open + inner.value + close)
  }
  // Synchronous when the loader and every hole are: `html` renders a single hole as it can.
  const now = (c: Context): SafeHtml | Promise<SafeHtml> => {
    const loaded = load(c, self)
    const inner: SafeHtml | Promise<SafeHtml> = html`${loaded}`
    return inner instanceof SafeHtml ? wrap(inner) : inner.then(wrap)
  }
  const self: NamedPartial<N> = Object.freeze({
    name,
    id,
    selector: `#${id}`,
    render: (c: Context): Promise<SafeHtml> => Promise.resolve(renderNow(self, c)),
  })
  setRenderNow(self, now)
  return self
}
