// The renderers behind a page: the full document, the body without the layout, one partial.
// Each returns the markup itself when every part rendered synchronously, a promise otherwise.
import type { Context } from 'hono'
import { SafeHtml, render } from '../html/index.ts'
import type { Renderable } from '../html/index.ts'
import { renderNow } from '../internal/render-now.ts'
import type { NamedPartial } from '../partials/index.ts'
import type { PageOptions, RenderedParts } from './page.ts'

export interface Renderers<P extends Record<string, NamedPartial>> {
  readonly partOf: (name: string) => NamedPartial
  readonly renderBody: (c: Context) => Renderable
  readonly renderPage: (c: Context) => Renderable
  readonly renderPartial: (c: Context, name: keyof P & string) => Renderable
}

function isMarkup(value: unknown): value is SafeHtml {
  return value instanceof SafeHtml
}

function settle(value: Renderable): Renderable {
  return isMarkup(value) ? value : render(value)
}

export function renderers<P extends Record<string, NamedPartial>>(
  options: PageOptions<P> & { readonly partials: P }
): Renderers<P> {
  const { layout } = options
  const partials: Record<string, NamedPartial> = options.partials
  const names = Object.keys(partials)
  const list: NamedPartial[] = Object.values(partials)

  const partOf = (name: string): NamedPartial => {
    if (!Object.hasOwn(partials, name)) {
      throw new TypeError(`page(): no partial named "${name}" (declared: ${names.join(', ')})`)
    }
    return partials[name] as NamedPartial
  }

  const compose = (rendered: readonly SafeHtml[], c: Context): Renderable => {
    const parts = Object.fromEntries(names.map((name, i) => [name, rendered[i]]))
    return settle(options.render(parts as RenderedParts<P>, c))
  }

  const renderBody = (c: Context): Renderable => {
    // Start every loader before awaiting any: they run concurrently.
    const rendered = list.map((part) => renderNow(part, c))
    return rendered.every(isMarkup)
      ? compose(rendered, c)
      : Promise.all(rendered.map((part) => Promise.resolve(part))).then((done) => compose(done, c))
  }

  const renderPage = (c: Context): Renderable => {
    const { title } = options
    const resolved = typeof title === 'string' ? title : title(c)
    const body = renderBody(c)
    if (typeof resolved === 'string' && isMarkup(body)) {
      return settle(layout(body, { title: resolved, c }))
    }
    return Promise.all([resolved, body]).then(([t, b]) => settle(layout(b, { title: t, c })))
  }

  const renderPartial = (c: Context, name: keyof P & string): Renderable =>
    renderNow(partOf(name), c)

  return { partOf, renderBody, renderPage, renderPartial }
}
