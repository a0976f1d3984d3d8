import type { Context } from 'hono'
import { SafeHtml, render } from '../html/index.ts'
import type { Renderable } from '../html/index.ts'
import { getHtmx } from '../htmx/index.ts'
import { checkKeys } from '../internal/options.ts'
import { hxPartial } from '../partials/index.ts'
import type { NamedPartial } from '../partials/index.ts'
import { negotiate } from './negotiate.ts'
import { renderers } from './render.ts'
import { sendHtml, warnUnmatched } from './response.ts'

/** Wraps a page body in the document: `<html>`, `<head>` with `<title>{meta.title}</title>`, `<body>`. */
export type Layout = (body: SafeHtml, meta: { title: string; c: Context }) => Renderable

/** The rendered partials of a page, by name. */
export type RenderedParts<P extends Record<string, NamedPartial>> = { [K in keyof P]: SafeHtml }

/** Options of `page()`. */
export interface PageOptions<P extends Record<string, NamedPartial>> {
  /** The document title, or a function of the request. */
  title: string | ((c: Context) => string | Promise<string>)
  /** Wraps the body into a full document; it must render `<title>` from `meta.title`. */
  layout: Layout
  /** The page's partials; each key must equal its partial's name. @default {} (a page without partials) */
  partials?: P | undefined
  /** Composes the page body from the rendered partials. */
  render: (parts: RenderedParts<P>, c: Context) => Renderable
}

/** A page: a handler that negotiates between the full document and its partials. */
export interface Page<P extends Record<string, NamedPartial> = Record<string, NamedPartial>> {
  /** The page's partials, by name. */
  readonly partials: P
  /** Route handler: full page, one partial or the content, by negotiation. */
  readonly handler: (c: Context) => Promise<Response>
  /** Answers with the first partial as main content and the rest as `<hx-partial>` blocks. */
  readonly respond: (
    c: Context,
    names: readonly (keyof P & string)[],
    init?: { status?: number | undefined }
  ) => Promise<Response>
  /** The full document: every loader, concurrently, inside the layout. */
  readonly renderPage: (c: Context) => Promise<SafeHtml>
  /** One partial: only its loader runs. */
  readonly renderPartial: (c: Context, name: keyof P & string) => Promise<SafeHtml>
}

function checkOptions(options: PageOptions<Record<string, NamedPartial>>): void {
  checkKeys('page()', options, ['title', 'layout', 'partials', 'render'])
  const { title, layout, render: compose, partials = {} } = options
  if (typeof title !== 'string' && typeof title !== 'function') {
    throw new TypeError('page(): "title" must be a string or a function')
  }
  if (typeof layout !== 'function' || typeof compose !== 'function') {
    throw new TypeError('page(): "layout" and "render" must be functions')
  }
  const ids = new Set<string>()
  for (const [key, part] of Object.entries(partials)) {
    if (key !== part.name) {
      throw new TypeError(`page(): partial "${part.name}" is declared under key "${key}"`)
    }
    if (ids.has(part.id)) {
      throw new TypeError(`page(): two partials share the id "${part.id}"`)
    }
    ids.add(part.id)
  }
}

/**
 * Declares a page made of named partials, with a handler that negotiates what to send.
 *
 * A full page runs every loader concurrently; a partial request runs one. Every response carries
 * `Vary` on the htmx headers; fragments also get `Cache-Control: no-store`.
 *
 * @param options - `title`, `layout`, `partials` (by name), `render` (body from the parts)
 * @returns the page
 * @see docs/views.md
 * @example
 * const dashboard = page({
 *   title: 'Dashboard',
 *   layout: appLayout,
 *   partials: { stats, orders },
 *   render: (p) => html`<h1>Dashboard</h1>${p.stats}${p.orders}`,
 * })
 * app.get('/', dashboard.handler)
 */
// eslint-disable-next-line @typescript-eslint/no-generated-empty-object-type -- no partials: no partial names
export function page<P extends Record<string, NamedPartial> = Record<never, NamedPartial>>(
  given: PageOptions<P>
): Page<P> {
  checkOptions(given as PageOptions<Record<string, NamedPartial>>)
  const options = { ...given, partials: given.partials ?? ({} as P) }
  const { partials } = options
  const { partOf, renderBody, renderPage, renderPartial } = renderers(options)
  const selectors = Object.values(partials).map((part: NamedPartial) => part.selector)
  const warned = new Set<string>()

  // A markup rendered synchronously is sent without an await (no promise per request step).
  const send = (c: Context, markup: Renderable, fragment: boolean): Promise<Response> =>
    markup instanceof SafeHtml
      ? sendHtml(c, markup, fragment)
      : markup.then((done) => sendHtml(c, done, fragment))

  const handler = async (c: Context): Promise<Response> => {
    const hx = getHtmx(c)
    const decision = negotiate(hx, partials)
    if (decision.kind === 'full') {
      return send(c, renderPage(c), false)
    }
    if (decision.kind === 'partial') {
      return send(c, renderPartial(c, decision.name), true)
    }
    warnUnmatched(warned, c, hx as NonNullable<typeof hx>, selectors)
    return send(c, renderBody(c), true)
  }

  const respond: Page<P>['respond'] = async (c, wanted, init = {}) => {
    const status = init.status ?? 200
    const unique = [...new Set(wanted)].map(partOf)
    if (unique.length === 0) {
      throw new TypeError('respond(): name at least one partial')
    }
    if (negotiate(getHtmx(c), partials).kind === 'full') {
      // Not htmx, boosted or a history restore: the full page (progressive enhancement).
      return sendHtml(c, await renderPage(c), false, status)
    }
    const [main, ...rest] = await Promise.all(unique.map((part) => part.render(c)))
    const blocks = rest.map((markup, i) => hxPartial(unique[i + 1] as NamedPartial, markup))
    return sendHtml(c, await render([main, ...blocks]), true, status)
  }

  return Object.freeze({
    partials,
    handler,
    respond,
    renderPage: async (c: Context) => renderPage(c),
    renderPartial: async (c: Context, name: keyof P & string) => renderPartial(c, name),
  })
}
