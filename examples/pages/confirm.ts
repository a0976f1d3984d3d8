// Confirm: hx-confirm shown in a styled <dialog> instead of window.confirm.
import { html, hx } from '../../src/html/index.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'
import { fragment } from '../respond.ts'

const PATH = '/confirm'

const shows = html`<p>
  The first button's request waits for a confirmation shown in a modal dialog of the page, not
  the browser's. <em>Confirm</em> sends it, <em>Cancel</em> or Escape drops it. Focus moves to the
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
    Here the button has nothing but <code>hx-confirm="…"</code>. The kit's
    <code>hxkit.js</code> (loaded with the nonce) answers <code>htmx:confirm</code> for every such
    element: it cancels the event, so htmx does not call <code>window.confirm</code>, writes the
    question into its own modal <code>&lt;dialog role="alertdialog"&gt;</code> as text, focuses
    <em>Cancel</em> and calls <code>issueRequest()</code> or <code>dropRequest()</code>. Without
    the script, htmx falls back to <code>window.confirm</code> with the same text, so every
    <code>hx-confirm</code> of the gallery (<a href="/delete-row">Delete row</a>,
    <a href="/dialogs">Dialogs</a>) gets the same dialog.
  </p>
  <p>
    The second button opts out with <code>data-hxkit-confirm="native"</code>: the kit leaves its
    <code>htmx:confirm</code> alone, so htmx asks with <code>window.confirm</code> (or the app's
    own listener answers it). The attribute is inherited, so on <code>&lt;body&gt;</code> it opts
    a whole page out, and <code>data-hxkit-confirm="kit"</code> opts a part of it back in.
  </p>`

/** The gallery's "Confirm" example (a custom confirmation dialog). */
export const confirm: Example = {
  slug: 'confirm',
  title: 'Confirm',
  summary: 'hx-confirm answered by an accessible modal dialog instead of window.confirm.',
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
            ${hx({
              post: `${PATH}/archive`,
              target: '#confirm-result',
              swap: 'innerHTML',
              confirm: 'Archive every finished project?',
            })}
          >
            Archive finished projects
          </button>
          <button
            type="button"
            class="secondary"
            data-hxkit-confirm="native"
            ${hx({
              post: `${PATH}/archive`,
              target: '#confirm-result',
              swap: 'innerHTML',
              confirm: 'Archive every finished project (asked by the browser)?',
            })}
          >
            Archive, asked by the browser
          </button>
          <p><output id="confirm-result">Nothing archived yet.</output></p>`,
    })
    app.get(PATH, view.handler)
    app.post(`${PATH}/archive`, (c) => {
      archived++
      return fragment(c, html`Archived (${archived} ${archived === 1 ? 'time' : 'times'}).`)
    })
  },
}
