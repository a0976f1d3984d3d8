// What one gallery example is: its catalogue entry, its page text and its routes.
import type { Context, Hono } from 'hono'
import { html, render } from '../src/html/index.ts'
import type { Renderable, SafeHtml } from '../src/html/index.ts'
import type { NamedPartial } from '../src/partials/index.ts'
import { page } from '../src/views/index.ts'
import type { Layout, Page, RenderedParts } from '../src/views/index.ts'

/** How far an example had to move from its published version to run under the strict CSP and htmx 4. */
export type ExampleStatus = 'as-published' | 'changed' | 'redesigned'

/** One entry of the htmx examples catalogue, rebuilt with hxkit. */
export interface Example {
  /** The URL path segment: the example lives at `/<slug>`. */
  readonly slug: string
  /** The catalogue title. */
  readonly title: string
  /** One sentence for the index. */
  readonly summary: string
  /** Works as published, after a mechanical change, or redesigned. */
  readonly status: ExampleStatus
  /**
   * Requests that reach each of the example's other routes (the page itself is always checked):
   * the gallery tests send them, check the status, and scan and validate the answers.
   */
  readonly probes?: readonly Probe[] | undefined
  /** Adds the example's routes (its state lives in this closure, fresh per app). */
  readonly register: (app: Hono, gallery: Gallery) => void
}

/** One request the gallery tests send to an example route, as htmx 4 (default) or a plain browser. */
export interface Probe {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | undefined
  readonly path: string
  /** Form fields of the body (urlencoded). */
  readonly form?: Readonly<Record<string, string | readonly string[]>> | undefined
  /** `false` for a request without htmx (JavaScript off). @default true */
  readonly htmx?: boolean | undefined
  /** Extra request headers. */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** The htmx 4 target, `tag#id` as `HX-Target` sends it. @default 'div#main' */
  readonly target?: string | undefined
  /** The status the answer must have. @default 200 */
  readonly status?: number | undefined
}

/** What every example gets from the gallery app. */
export interface Gallery {
  /** The document layout, with the gallery navigation. */
  readonly layout: Layout
}

/** The text and the live part of an example page. */
export interface ExamplePageOptions<P extends Record<string, NamedPartial>> {
  /** What the example shows (a paragraph or two). */
  shows: SafeHtml
  /** What changed from the published version, and why (strict CSP, htmx 4). */
  changed: SafeHtml
  /** The page's named partials. */
  partials?: P | undefined
  /** The live demo. */
  demo: (parts: RenderedParts<P>, c: Context) => Renderable
}

/** An example page: a `page()`, plus the whole page around a demo given by the caller. */
export type ExamplePage<P extends Record<string, NamedPartial>> = Page<P> & {
  /** The document with `demo` in place of the usual demo (a 422 re-render without JavaScript). */
  pageWith: (c: Context, demo: Renderable) => Promise<SafeHtml>
}

/** Labels of the statuses, as the index and each page show them. */
export const STATUS_LABELS: Record<ExampleStatus, string> = {
  'as-published': 'works as published',
  changed: 'mechanical change',
  redesigned: 'redesigned',
}

/**
 * Builds the page of one example: its title, the page text and the demo, in the gallery layout.
 *
 * @param example - the catalogue entry
 * @param gallery - the gallery (its layout)
 * @param options - the text, the partials and the demo
 * @example
 * const view = examplePage(clickToEdit, gallery, { shows, changed, demo: () => html`…` })
 */
export function examplePage<P extends Record<string, NamedPartial> = Record<string, never>>(
  example: Pick<Example, 'title' | 'status'>,
  gallery: Gallery,
  options: ExamplePageOptions<P>
): ExamplePage<P> {
  const article = (demo: Renderable): Renderable =>
    html`<h1>${example.title}</h1>
      <p class="status status-${example.status}">${STATUS_LABELS[example.status]}</p>
      <section class="example-text" aria-labelledby="shows-heading">
        <h2 id="shows-heading">What it shows</h2>
        ${options.shows}
      </section>
      <section class="example-text" aria-labelledby="changed-heading">
        <h2 id="changed-heading">What changed, and why</h2>
        ${options.changed}
      </section>
      <section class="demo" aria-labelledby="demo-heading">
        <h2 id="demo-heading">Try it</h2>
        ${demo}
      </section>`
  const view = page({
    title: example.title,
    layout: gallery.layout,
    partials: options.partials,
    render: (parts, c) => article(options.demo(parts, c)),
  })
  return Object.freeze({
    ...view,
    pageWith: async (c: Context, demo: Renderable): Promise<SafeHtml> =>
      render(gallery.layout(await render(article(demo)), { title: example.title, c })),
  })
}
