// Web components: htmx inside a shadow root, the shadow DOM rendered by the server.
import { html, hx } from '../../src/html/index.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'
import { fragment } from '../respond.ts'

const PATH = '/web-components'

const shows = html`<p>
  A <code>&lt;gallery-counter&gt;</code> custom element whose button and output live in its shadow
  root. The button posts and its answer is swapped <em>inside</em> the shadow root: htmx 4 resolves
  <code>hx-target="#count"</code> within the element's own root.
</p>`

const changed = html`<p>
  The published version defines the element in an inline <code>&lt;script&gt;</code> that builds
  the shadow DOM from a string and calls <code>htmx.process(shadowRoot)</code>. The inline script
  does not run under this CSP, and markup built in the browser carries no
  <code>hx-nonce</code>, so <code>hx-csp</code> would strip its htmx attributes. Here the server
  renders the shadow DOM (declarative shadow DOM, <code>&lt;template shadowrootmode="open"&gt;</code>)
  with the <code>hx()</code> builder, so its attributes carry the nonce like any other. The
  element carries <code>data-hxkit-shadow</code>, and the kit's <code>hxkit.js</code> calls
  <code>htmx.process()</code> on its shadow root, since htmx does not look into shadow roots
  itself. The element needs no definition: an undefined custom element keeps its
  server-rendered shadow root.
</p>`

/** The gallery's "Web components" example. */
export const webComponents: Example = {
  slug: 'web-components',
  title: 'Web components',
  summary: 'htmx inside a server-rendered shadow root of a custom element.',
  status: 'redesigned',
  probes: [{ method: 'POST', path: `${PATH}/click` }],
  register(app, gallery) {
    let clicks = 0
    const view = examplePage(webComponents, gallery, {
      shows,
      changed,
      demo: () =>
        html`<gallery-counter data-hxkit-shadow>
          <template shadowrootmode="open">
            <p>Clicked <output id="count">${clicks}</output> times.</p>
            <button type="button" ${hx({ post: `${PATH}/click`, target: '#count', swap: 'innerHTML' })}>
              Click me
            </button>
          </template>
        </gallery-counter>`,
    })
    app.get(PATH, view.handler)
    app.post(`${PATH}/click`, (c) => {
      clicks++
      return fragment(c, html`${clicks}`)
    })
  },
}
