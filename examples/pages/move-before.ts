// Move before: an element kept, state and all, across boosted page changes.
import { getNonce } from '../../src/csp/index.ts'
import { html, hx } from '../../src/html/index.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'

const PATH = '/move-before'

const shows = html`<p>
  Type a note in the scratch pad, then follow the boosted link to the other page of this example
  and back. The scratch pad is the same element on both pages (<code>hx-preserve</code>), so the
  text, the caret and any other state survive the page change.
</p>`

const changed = html`<p>
  The published example keeps a playing video across boosted navigation; it needs no script and
  works as published. htmx 4 moves the preserved element with the browser's
  <code>moveBefore()</code> where it exists, which keeps its state (focus, playback, iframes)
  instead of detaching it. Under <code>hx-csp</code> the preserved element and the boosted link
  carry the page's <code>hx-nonce</code>. A text area stands in for the video.
</p>`

/** The gallery's "Move before" example (hx-preserve across boosted navigation). */
export const moveBefore: Example = {
  slug: 'move-before',
  title: 'Move before',
  summary: 'An element that keeps its state across boosted navigation, with hx-preserve.',
  status: 'as-published',
  probes: [{ path: `${PATH}/other`, htmx: false }],
  register(app, gallery) {
    const view = examplePage(moveBefore, gallery, {
      shows,
      changed,
      demo: (_, c) => {
        const other = c.req.path === `${PATH}/other`
        const href = other ? PATH : `${PATH}/other`
        return html`<p>You are on the ${other ? 'second' : 'first'} page of this example.</p>
          <label for="scratchpad">Scratch pad</label>
          <textarea id="scratchpad" rows="3" hx-preserve hx-nonce="${getNonce(c)}"></textarea>
          <p>
            <a href="${href}" ${hx({ boost: true })}
              >Go to the ${other ? 'first' : 'second'} page</a
            >
          </p>`
      },
    })
    app.get(PATH, view.handler)
    app.get(`${PATH}/other`, view.handler)
  },
}
