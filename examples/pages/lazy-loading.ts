// Lazy loading: the page arrives at once, a slow panel loads itself after.
import { html, hx } from '../../src/html/index.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'
import { fragmentOrPage } from '../respond.ts'

const PATH = '/lazy-loading'
const DELAY_MS = 400

const shows = html`<p>
  The page is sent without its slow part. A placeholder with a loading indicator asks for the
  panel as soon as htmx processes it (<code>hx-trigger="load"</code>); the panel fades in when it
  arrives.
</p>`

const changed = html`<p>
  Nothing had to change: <code>hx-trigger="load"</code>, the <code>htmx-indicator</code> class and
  the fade on <code>.htmx-added</code> are attributes and stylesheet rules. The published page
  sizes the placeholder with a style attribute; here it is a class. The indicator's CSS comes from
  the kit's stylesheet, because htmx's own indicator styles would be an injected stylesheet
  (<code>includeIndicatorCSS: false</code>). The placeholder is also a link to the panel, for
  browsers without JavaScript.
</p>`

const panel = () =>
  html`<div id="lazy-panel" class="card lazy-panel">
    <h3>Quarterly revenue</h3>
    <p>Loaded after ${DELAY_MS} ms: €1.2 M, up 8 % on the previous quarter.</p>
  </div>`

/** The gallery's "Lazy loading" example. */
export const lazyLoading: Example = {
  slug: 'lazy-loading',
  title: 'Lazy loading',
  summary: 'A slow panel that loads itself once the page is shown.',
  status: 'as-published',
  probes: [{ path: `${PATH}/panel` }, { path: `${PATH}/panel`, htmx: false }],
  register(app, gallery) {
    const view = examplePage(lazyLoading, gallery, {
      shows,
      changed,
      demo: (_, c) =>
        c.req.path === `${PATH}/panel`
          ? panel()
          : html`<div
              id="lazy-panel"
              class="card lazy-placeholder"
              ${hx({ get: `${PATH}/panel`, trigger: 'load', swap: 'outerHTML' })}
            >
              <a href="${PATH}/panel">Show the revenue panel</a>
              <span class="htmx-indicator" role="status">Loading…</span>
            </div>`,
    })

    app.get(PATH, view.handler)
    app.get(`${PATH}/panel`, async (c) => {
      await new Promise((resolve) => setTimeout(resolve, DELAY_MS))
      return fragmentOrPage(c, view, panel)
    })
  },
}
