// Preserving file inputs: a 422 re-render keeps the file the user chose.
import { z } from 'zod'
import { getNonce } from '../../src/csp/index.ts'
import { completeSubmit, form } from '../../src/forms/index.ts'
import type { FormInput, FormState } from '../../src/forms/index.ts'
import { html } from '../../src/html/index.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'

const PATH = '/preserving-file-inputs'

const schema = z.object({
  title: z.string().trim().min(3, 'Enter a title of at least 3 characters').max(80),
  attachment: z.file().max(2_000_000),
})
type AttachmentInput = FormInput<typeof schema>

const attachmentForm = form(schema, { id: 'attachment-form', action: PATH })

const shows = html`<p>
  A form with a title and a file. Submit it with a title that is too short: the server answers
  422 with the form and its message, and the file you chose is still chosen, because the file
  input is kept across the swap. Fix the title and submit again.
</p>`

const changed = html`<p>
  A browser never lets a page set a file input's value, so a re-rendered form would lose the file.
  The published version keeps the input out of the swap with <code>hx-preserve</code> (or moves it
  outside the form with a <code>form=</code> attribute); that still works in htmx 4, which moves
  the preserved element with <code>moveBefore</code> where the browser has it. Under the
  <code>hx-csp</code> extension the input carries the page's <code>hx-nonce</code> like every element
  with <code>hx-*</code> attributes, or its <code>hx-preserve</code> would be stripped. No script.
</p>`

/** The gallery's "Preserving file inputs" example. */
export const preservingFileInputs: Example = {
  slug: 'preserving-file-inputs',
  title: 'Preserving file inputs',
  summary: 'A file input that keeps its file when the form comes back with errors.',
  status: 'as-published',
  probes: [{ method: 'POST', path: PATH, form: { title: 'x' }, status: 422 }],
  register(app, gallery) {
    const formView = (state: FormState<AttachmentInput>, c: Parameters<typeof getNonce>[0]) =>
      attachmentForm.render(
        state,
        html`${attachmentForm.field(state, 'title', { label: 'Title' })}
          ${attachmentForm.field(state, 'attachment', {
            label: 'Attachment',
            attrs: { 'hx-preserve': true, 'hx-nonce': getNonce(c) },
          })}
          <div class="actions"><button type="submit">Send</button></div>`
      )

    const view = examplePage(preservingFileInputs, gallery, {
      shows,
      changed,
      demo: (_, c) =>
        c.req.query('done') === '1'
          ? html`<p class="card" role="status">Sent.</p>`
          : formView(attachmentForm.empty(), c),
    })

    app.get(PATH, view.handler)
    app.post(
      PATH,
      attachmentForm.validator({ view: formView, page: (markup, c) => view.pageWith(c, markup) }),
      (c) => {
        const { title, attachment } = c.req.valid('form')
        return completeSubmit(c, {
          redirect: `${PATH}?done=1`,
          htmx: () =>
            c.html(
              html`<div id="attachment-form" class="card" role="status">
                <p>Sent “${title}” with <strong>${attachment.name}</strong>.</p>
              </div>`.value
            ),
        })
      }
    )
  },
}
