// Animations: htmx's swap classes and view transitions, styled by the stylesheet alone.
import { html, hx } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { stopPolling } from '../../src/htmx/index.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'
import { fragment } from '../respond.ts'

const PATH = '/animations'
const COLOURS = ['red', 'blue', 'green', 'orange'] as const
const THROBS = 8

const shows = html`<p>
  Four animations, all driven by the classes htmx puts on elements while it swaps:
</p>
<ul>
  <li>
    <strong>Colour throb</strong>: the box polls and each answer carries another colour
    <em>class</em>; htmx's settle step copies the old class first, so the CSS transition runs.
  </li>
  <li>
    <strong>Fade out on swap</strong>: <code>hx-swap="outerHTML swap:1s"</code> keeps the old element
    for a second with the <code>htmx-swapping</code> class, which fades it.
  </li>
  <li>
    <strong>Fade in on addition</strong>: new content arrives with <code>htmx-added</code> and
    fades in when the class is removed.
  </li>
  <li>
    <strong>View transition</strong>: <code>transition:true</code> swaps inside
    <code>document.startViewTransition()</code>, and the stylesheet animates it.
  </li>
</ul>`

const changed = html`<p>
  The published colour throb sends <code>style="color: …"</code>, which
  <code>style-src-attr 'none'</code> blocks; here the answer carries a class
  (<code>throb-red</code>, …) and the colour is in <code>examples.css</code>. The published
  variants built on the <code>class-tools</code> extension are left out: htmx 4 does not ship it.
  The throb also stops after ${THROBS} answers (<code>stopPolling()</code>), so the page ends up
  quiet. Animations respect <code>prefers-reduced-motion</code>.
</p>`

/** The gallery's "Animations" example. */
export const animations: Example = {
  slug: 'animations',
  title: 'Animations',
  summary: 'Swap, settle and view-transition animations with classes instead of style attributes.',
  status: 'changed',
  probes: [
    { path: `${PATH}/colour?n=1` },
    { path: `${PATH}/colour?n=${String(THROBS)}`, status: 286 },
    { path: `${PATH}/colour?n=x`, status: 400 },
    { method: 'DELETE', path: `${PATH}/fade-out` },
    { method: 'POST', path: `${PATH}/fade-in` },
    { path: `${PATH}/transition?side=b` },
  ],
  register(app, gallery) {
    let added = 0

    const colourBox = (n: number): SafeHtml => {
      const colour = COLOURS[n % COLOURS.length] ?? 'red'
      const attributes =
        n < THROBS
          ? hx({ get: `${PATH}/colour?n=${String(n + 1)}`, trigger: 'every 1s', swap: 'outerHTML' })
          : html``
      return html`<div id="colour-demo" class="throb throb-${colour}" ${attributes}>
        Colour: ${colour}
      </div>`
    }

    const side = (name: 'a' | 'b'): SafeHtml =>
      html`<div id="transition-demo" class="card transition-${name}">
        <p>${name === 'a' ? 'The first side of the card.' : 'The second side of the card.'}</p>
        <button
          type="button"
          ${hx({
            get: `${PATH}/transition?side=${name === 'a' ? 'b' : 'a'}`,
            target: '#transition-demo',
            swap: { style: 'outerHTML', transition: true },
          })}
        >
          Flip
        </button>
      </div>`

    const view = examplePage(animations, gallery, {
      shows,
      changed,
      demo: () =>
        html`<h3>Colour throb</h3>
          ${colourBox(0)}
          <h3>Fade out on swap</h3>
          <button
            type="button"
            id="fade-me-out"
            class="fade-me-out"
            ${hx({ delete: `${PATH}/fade-out`, swap: { style: 'outerHTML', swap: 1000 } })}
          >
            Fade me out
          </button>
          <h3>Fade in on addition</h3>
          <div id="fade-in-list">
            <button
              type="button"
              ${hx({ post: `${PATH}/fade-in`, target: '#fade-in-list', swap: 'beforeend' })}
            >
              Add a line
            </button>
          </div>
          <h3>View transition</h3>
          ${side('a')}`,
    })

    app.get(PATH, view.handler)
    app.get(`${PATH}/colour`, (c) => {
      const raw = c.req.query('n') ?? ''
      if (!/^[0-9]{1,3}$/.test(raw)) {
        return c.text('n must be a whole number', 400)
      }
      const n = Number(raw)
      return n >= THROBS ? stopPolling(c, colourBox(n)) : fragment(c, colourBox(n))
    })
    app.delete(`${PATH}/fade-out`, (c) => fragment(c, html``))
    app.post(`${PATH}/fade-in`, (c) => {
      added++
      return fragment(c, html`<p class="fade-in" id="added-${added}">Line ${added}, faded in.</p>`)
    })
    app.get(`${PATH}/transition`, (c) => fragment(c, side(c.req.query('side') === 'b' ? 'b' : 'a')))
  },
}
