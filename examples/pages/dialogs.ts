// Dialogs: the browser's own prompt and confirm before a request.
import { attrs, html, hx } from '../../src/html/index.ts'
import { getHtmx } from '../../src/htmx/index.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'
import { fragment } from '../respond.ts'

const PATH = '/dialogs'

const shows = html`<p>
  The button asks for a word with the browser's prompt, then for confirmation in the kit's
  dialog, and only then posts.
  The answer to the prompt travels in the <code>HX-Prompt</code> request header and the server
  echoes it.
</p>`

const changed = html`<p>
  <code>window.prompt</code> and <code>window.confirm</code> are not affected by a CSP, so the
  example works as published, with two htmx 4 details: <code>hx-prompt</code> moved out of the core
  into the <code>hx-prompt</code> extension (loaded here, with the nonce, from htmx's own
  <code>dist/ext/</code>), and its header value is <code>encodeURI</code>-encoded, which
  <code>hxkit/htmx</code> decodes (<code>c.var.htmx.prompt</code>). htmx 4 asks the prompt before
  the confirmation. The kit's <code>hxkit.js</code> turns every <code>hx-confirm</code> into its
  own modal dialog (see <a href="/confirm">Confirm</a>); without the script it is
  <code>window.confirm</code>.
</p>`

/** The gallery's "Dialogs" example. */
export const dialogs: Example = {
  slug: 'dialogs',
  title: 'Dialogs',
  summary: 'A prompt and a confirmation before a request, with hx-prompt and hx-confirm.',
  status: 'changed',
  probes: [{ method: 'POST', path: `${PATH}/answer`, headers: { 'HX-Prompt': 'caf%C3%A9' } }],
  register(app, gallery) {
    const view = examplePage(dialogs, gallery, {
      shows,
      changed,
      demo: () =>
        html`<button
            type="button"
            ${hx({
              post: `${PATH}/answer`,
              target: '#dialog-answer',
              swap: 'innerHTML',
              confirm: 'Send your word?',
            })}${attrs({ 'hx-prompt': 'Enter a word' })}
          >
            Ask me
          </button>
          <p>Answer: <output id="dialog-answer"></output></p>`,
    })

    app.get(PATH, view.handler)
    app.post(`${PATH}/answer`, (c) => {
      const word = getHtmx(c)?.prompt
      return fragment(c, word ? html`You entered “${word}”.` : html`You entered nothing.`)
    })
  },
}
