// Async authentication: a request that waits for a token fetched on demand.
import { html, hx } from '../../src/html/index.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'
import { fragment } from '../respond.ts'

const PATH = '/async-auth'

const shows = html`<p>
  The button's request needs an <code>X-Auth-Token</code> header whose value is fetched from the
  server the first time it is needed. The request waits for the token, then goes out with it; the
  server refuses a request without it (401).
</p>`

const changed = html`<p>
  The published version holds the request in <code>htmx:confirm</code> and adds the header in
  <code>htmx:configRequest</code>, both in an inline <code>&lt;script&gt;</code>, which this CSP
  blocks. In htmx 4 <code>htmx:confirm</code> fires only for elements with
  <code>hx-confirm</code>, and the event is <code>htmx:config:request</code>. The button carries
  <code>data-hxkit-token="/async-auth/token"</code>, and the kit's <code>hxkit.js</code> answers
  <code>htmx:config:request</code> for it: it wraps the request's <code>ctx.fetch</code> so that
  the request awaits the token (fetched once per page) and carries it in
  <code>X-Auth-Token</code> (<code>data-hxkit-token-header</code> names another header). No
  inline code.
</p>`

/** The gallery's "Async authentication" example. */
export const asyncAuth: Example = {
  slug: 'async-auth',
  title: 'Async authentication',
  summary: 'A request held until an auth token has been fetched, then sent with it.',
  status: 'redesigned',
  probes: [
    { path: `${PATH}/token` },
    { method: 'POST', path: `${PATH}/secret`, status: 401 },
    { method: 'POST', path: `${PATH}/secret`, headers: { 'X-Auth-Token': 'wrong' }, status: 401 },
  ],
  register(app, gallery) {
    const token = crypto.randomUUID()
    const view = examplePage(asyncAuth, gallery, {
      shows,
      changed,
      demo: () =>
        html`<button
            type="button"
            data-hxkit-token="${PATH}/token"
            ${hx({ post: `${PATH}/secret`, target: '#auth-result', swap: 'innerHTML' })}
          >
            Get the secret
          </button>
          <p><output id="auth-result">No secret yet.</output></p>`,
    })
    app.get(PATH, view.handler)
    app.get(`${PATH}/token`, (c) => {
      c.header('Cache-Control', 'no-store')
      return c.text(token)
    })
    app.post(`${PATH}/secret`, (c) =>
      c.req.header('X-Auth-Token') === token
        ? fragment(c, html`The secret is 42.`)
        : c.text('Missing or wrong X-Auth-Token', 401)
    )
  },
}
