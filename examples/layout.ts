// The gallery's document layout: head (htmx config, nonced scripts), the example navigation, main.
import type { Context } from 'hono'
import { htmxScripts } from '../src/csp/index.ts'
import { html } from '../src/html/index.ts'
import type { SafeHtml } from '../src/html/index.ts'
import { HTMX_URL_PREFIX, HXKIT_SCRIPT_URL, HXKIT_STYLESHEET_URL } from '../src/server/index.ts'
import type { StaticFiles } from '../src/server/index.ts'
import type { Layout } from '../src/views/index.ts'

/** A link of the gallery navigation. */
export interface NavEntry {
  readonly href: string
  readonly label: string
}

// The indicator CSS ships in hxkit.css; nothing in the gallery needs htmx to evaluate code, so
// safeEval stays off: hx-csp is loaded for its hx-nonce gate only.
const HTMX_CONFIG = { includeIndicatorCSS: false }

function navLinks(entries: readonly NavEntry[], path: string): SafeHtml {
  return html`${entries.map(({ href, label }) => {
    const current = href === path ? html` aria-current="page"` : ''
    return html`<li><a href="${href}"${current}>${label}</a></li>`
  })}`
}

/**
 * Builds the gallery layout: htmx 4 with hx-csp and hx-prompt, the kit's script and stylesheet,
 * and the gallery's own stylesheet, all linked by content hash and nonced. The gallery has no
 * script of its own: every behaviour its pages need is a documented data-attribute of hxkit.js.
 *
 * @param assets - the static files the server serves
 * @param nav - the examples, in catalogue order
 * @returns a `Layout` for `page()`
 * @example
 * const layout = galleryLayout(galleryAssets(), [{ href: '/click-to-edit', label: 'Click to edit' }])
 */
export function galleryLayout(assets: StaticFiles, nav: readonly NavEntry[]): Layout {
  const url = (path: string): string => assets.url(path)
  return (body, { title, c }: { title: string; c: Context }) =>
    html`<!doctype html>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>${title} · hxkit examples</title>
          <link rel="stylesheet" href="${url(HXKIT_STYLESHEET_URL)}" />
          <link rel="stylesheet" href="${url('/examples.css')}" />
          ${htmxScripts(c, {
            htmx: url(`${HTMX_URL_PREFIX}htmx.min.js`),
            extensions: [
              url(`${HTMX_URL_PREFIX}ext/hx-csp.js`),
              url(`${HTMX_URL_PREFIX}ext/hx-prompt.js`),
            ],
            config: HTMX_CONFIG,
            scripts: [url(HXKIT_SCRIPT_URL)],
          })}
        </head>
        <body>
          <a class="skip-link" href="#main">Skip to content</a>
          <header class="gallery-header">
            <a class="brand" href="/">hxkit examples</a>
            <span class="gallery-tagline">the htmx examples under a strict CSP, on htmx 4</span>
          </header>
          <div class="gallery">
            <nav class="gallery-nav" aria-label="Examples">
              <ul>
                ${navLinks(nav, c.req.path)}
              </ul>
            </nav>
            <main id="main">${body}</main>
          </div>
          <div id="toasts" class="toasts" role="status" aria-live="polite"></div>
        </body>
      </html>`
}
