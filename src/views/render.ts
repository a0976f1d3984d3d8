// The renderers behind a page: the full document, the body without the layout, one partial.
import type { Context } from 'hono'
import { render } from '../html/index.ts'
import type { SafeHtml } from '../html/index.ts'
import type { NamedPartial } from '../partials/index.ts'
import type { PageOptions, RenderedParts } from './page.ts'

export interface Renderers<P extends Record<string, NamedPartial>> {
  readonly partOf: (name: string) => NamedPartial
  readonly renderBody: (c: Context) => Promise<SafeHtml>
  readonly renderPage: (c: Context) => Promise<SafeHtml>
  readonly renderPartial: (c: Context, name: keyof P & string) => Promise<SafeHtml>
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

  const renderBody = async (c: Context): Promise<SafeHtml> => {
    // Start every loader before awaiting any: they run concurrently.
    const rendered = await Promise.all(list.map((part) => part.render(c)))
    const parts = Object.fromEntries(names.map((name, i) => [name, rendered[i]]))
    return render(options.render(parts as RenderedParts<P>, c))
  }

  const renderPage = async (c: Context): Promise<SafeHtml> => {
    const { title } = options
    const [resolved, body] = await Promise.all([
      typeof title === 'string' ? title : title(c),
      renderBody(c),
    ])
    return render(layout(body, { title: resolved, c }))
  }

  const renderPartial = async (c: Context, name: keyof P & string): Promise<SafeHtml> =>
    partOf(name).render(c)

  return { partOf, renderBody, renderPage, renderPartial }
}
