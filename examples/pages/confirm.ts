// Confirm: hx-confirm shown in a styled <dialog> instead of window.confirm.
import { html, hx } from '../../src/html/index.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'
import { fragment } from '../respond.ts'

const PATH = '/confirm'

const shows = html`<p>
  The button's request waits for a confirmation shown in the page's own modal dialog, not the
  browser's. <em>Confirm</em> sends it, <em>Cancel</em> or Escape drops it. Focus moves to the
  dialog's least destructive button and returns to the button afterwards.
</p>`

const changed = html`<p>
    The published version has an inline <code>onClick</code> that opens SweetAlert2 (from a CDN)
    and an inline <code>&lt;script&gt;</code> that calls <code>issueRequest(true)</code> from
    <code>htmx:confirm</code>. None of that runs under this CSP, and htmx 4 changed the event: it
    fires only for elements with <code>hx-confirm</code>, its detail is
    <code>{ ctx, issueRequest(), dropRequest() }</code> and the question is
    <code>ctx.confirm</code>.
  </p>
  <p>
    Here the button keeps a plain <code>hx-confirm="…"</code> and <code>data-confirm="dialog"</code>.
    The gallery's <code>examples.js</code> answers <code>htmx:confirm</code> for such elements: it
    cancels the event (so htmx does not call <code>window.confirm</code>), writes the question into
    the <code>&lt;dialog id="confirm-dialog"&gt;</code> as text, opens it with
    <code>showModal()</code> and calls <code>issueRequest()</code> or <code>dropRequest()</code>.
    Without the script, htmx falls back to <code>window.confirm</code> with the same text.
  </p>`

/** The gallery's "Confirm" example (a custom confirmation dialog). */
export const confirm: Example = {
  slug: 'confirm',
  title: 'Confirm',
  summary: 'hx-confirm answered by the page’s own accessible dialog.',
  status: 'redesigned',
  probes: [{ method: 'POST', path: `${PATH}/archive` }],
  register(app, gallery) {
    let archived = 0
    const view = examplePage(confirm, gallery, {
      shows,
      changed,
      demo: () =>
        html`<button
            type="button"
            class="danger"
            data-confirm="dialog"
            ${hx({
              post: `${PATH}/archive`,
              target: '#confirm-result',
              swap: 'innerHTML',
              confirm: 'Archive every finished project?',
            })}
          >
            Archive finished projects
          </button>
          <p><output id="confirm-result">Nothing archived yet.</output></p>
          <dialog
            id="confirm-dialog"
            class="modal"
            aria-labelledby="confirm-dialog-title"
            aria-describedby="confirm-dialog-message"
          >
            <h3 id="confirm-dialog-title">Please confirm</h3>
            <p id="confirm-dialog-message" data-confirm-message></p>
            <form method="dialog" class="actions">
              <button type="submit" value="cancel" class="secondary" autofocus>Cancel</button>
              <button type="submit" value="confirm" class="danger">Confirm</button>
            </form>
          </dialog>`,
    })
    app.get(PATH, view.handler)
    app.post(`${PATH}/archive`, (c) => {
      archived++
      return fragment(c, html`Archived (${archived} ${archived === 1 ? 'time' : 'times'}).`)
    })
  },
}
