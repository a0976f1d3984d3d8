// The examples gallery as a hono app (no listen: tests call app.request, server.ts serves it).
import { Hono } from 'hono'
import { fileURLToPath } from 'node:url'
import { html } from '../src/html/index.ts'
import { htmx } from '../src/htmx/index.ts'
import { secure } from '../src/security/index.ts'
import { staticFiles } from '../src/server/index.ts'
import type { StaticFiles } from '../src/server/index.ts'
import { page } from '../src/views/index.ts'
import { EXAMPLES } from './catalogue.ts'
import { STATUS_LABELS } from './example.ts'
import type { Example, Gallery } from './example.ts'
import { galleryLayout } from './layout.ts'

const PUBLIC_ROOT = fileURLToPath(new URL('public', import.meta.url))
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))

/**
 * The gallery's static files: examples/public (examples.css), the kit's client files
 * and htmx 4 from node_modules.
 *
 * @example
 * serve(app, { static: galleryAssets() })
 */
export function galleryAssets(): StaticFiles {
  return staticFiles({ root: PUBLIC_ROOT, htmx: 'htmx.org', resolveFrom: REPO_ROOT })
}

function indexEntry(example: Example) {
  return html`<li>
    <a href="/${example.slug}">${example.title}</a>
    <span class="status status-${example.status}">${STATUS_LABELS[example.status]}</span>
    <p>${example.summary}</p>
  </li>`
}

/**
 * Builds the gallery: every example of the htmx examples catalogue under the strict CSP
 * (`secure()`), with htmx 4. Each call starts from fresh example data.
 *
 * @example
 * const app = createGalleryApp()
 * const res = await app.request('/click-to-edit')
 */
export function createGalleryApp() {
  const assets = galleryAssets()
  const nav = EXAMPLES.map((example) => ({ href: `/${example.slug}`, label: example.title }))
  const layout = galleryLayout(assets, [{ href: '/', label: 'All examples' }, ...nav])
  const gallery: Gallery = { layout }
  const index = page({
    title: 'All examples',
    layout,
    render: () =>
      html`<h1>The htmx examples, rebuilt with hxkit</h1>
        <p>
          Every example of the htmx examples catalogue, served under a strict Content Security
          Policy (scripts only with this response's nonce, no inline handlers, no
          <code>style</code> attributes, no <code>eval</code>) and driven by htmx 4. Each page says
          what the example shows and what had to change from the published version, and why.
        </p>
        <ul class="example-index">
          ${EXAMPLES.map(indexEntry)}
        </ul>`,
  })
  const app = new Hono()
  // uploads (up to 2 MB) are capped by their forms, which answer in the form; the outer limit
  // only stops bodies no route would read
  app.use(secure({ bodyLimit: 4 * 1024 * 1024 }))
  app.use(htmx())
  app.get('/favicon.ico', (c) => c.body(null, 204))
  app.get('/', index.handler)
  for (const example of EXAMPLES) {
    example.register(app, gallery)
  }
  return Object.assign(app, { assets, examples: EXAMPLES })
}
