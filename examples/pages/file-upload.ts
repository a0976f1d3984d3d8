// File upload: a multipart form with an upload progress bar.
import { z } from 'zod'
import { completeSubmit, form } from '../../src/forms/index.ts'
import type { FormInput, FormState } from '../../src/forms/index.ts'
import { html, hx } from '../../src/html/index.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'
import { fragment, wantsFragment } from '../respond.ts'

const PATH = '/file-upload'
const MAX_BYTES = 2_000_000

const schema = z.object({ upload: z.file().max(MAX_BYTES) })
type UploadInput = FormInput<typeof schema>

const uploadForm = form(schema, {
  id: 'upload-form',
  action: PATH,
  messages: { upload: 'Choose a file of at most 2 MB' },
})

const shows = html`<p>
  Choose a file and upload it. While the file travels, a native <code>&lt;progress&gt;</code> shows
  how much of it has been sent; the server answers with what it received, and its
  <em>Upload another file</em> link brings the form back with htmx. An empty form answers 422 with
  the message.
</p>`

const changed = html`<p>
    The published version listens to <code>htmx:xhr:progress</code> in an inline
    <code>&lt;script&gt;</code> (or in hyperscript) and writes the bar's width. Inline scripts do not
    run under the nonce-only <code>script-src</code>, and htmx 4 sends requests with
    <code>fetch</code>, which reports no upload progress, so the event no longer exists.
  </p>
  <p>
    The form is <code>hxkit/forms</code> (<code>z.file()</code>, so it is
    <code>multipart/form-data</code> and its size rule is checked by the server), and it carries
    <code>data-hxkit-upload="upload-progress"</code> (the id of its <code>&lt;progress&gt;</code>).
    The kit's <code>hxkit.js</code> (loaded with the nonce) answers
    <code>htmx:config:request</code> for such forms by giving htmx a <code>ctx.fetch</code> that
    sends the request with <code>XMLHttpRequest</code> and sets <code>progress.value</code> from
    its upload events; htmx swaps the answer as usual, so <code>hx-csp</code> checks its nonce
    like any other answer. Without JavaScript the form is a plain multipart POST.
  </p>`

/** The gallery's "File upload" example. */
export const fileUpload: Example = {
  slug: 'file-upload',
  title: 'File upload',
  summary: 'A multipart upload with a progress bar fed by XMLHttpRequest upload events.',
  status: 'redesigned',
  probes: [
    { method: 'POST', path: PATH, form: {}, status: 422 },
    { path: `${PATH}/form`, target: 'div#upload-form' },
    { path: `${PATH}/form`, htmx: false, status: 303 },
  ],
  register(app, gallery) {
    const formView = (state: FormState<UploadInput>) =>
      uploadForm.render(
        state,
        html`${uploadForm.field(state, 'upload', { label: 'File', hint: 'At most 2 MB' })}
          <div class="field">
            <label for="upload-progress">Upload progress</label>
            <progress id="upload-progress" value="0" max="100">0 %</progress>
          </div>
          <div class="actions"><button type="submit">Upload</button></div>`,
        { attrs: { 'data-hxkit-upload': 'upload-progress' } }
      )

    const view = examplePage(fileUpload, gallery, {
      shows,
      changed,
      demo: (_, c) =>
        c.req.query('done') === '1'
          ? html`<p class="card" role="status">Uploaded.</p>`
          : formView(uploadForm.empty()),
    })

    app.get(PATH, view.handler)
    // the empty form again, for the result's "Upload another file"
    app.get(`${PATH}/form`, (c) =>
      wantsFragment(c) ? fragment(c, formView(uploadForm.empty())) : c.redirect(PATH, 303)
    )
    app.post(
      PATH,
      uploadForm.validator({ view: formView, page: (markup, c) => view.pageWith(c, markup) }),
      (c) => {
        const { upload } = c.req.valid('form')
        return completeSubmit(c, {
          redirect: `${PATH}?done=1`,
          htmx: () =>
            c.html(
              html`<div id="upload-form" class="card" role="status">
                <p>Received <strong>${upload.name}</strong>: ${upload.size} bytes.</p>
                <p>
                  <a
                    href="${PATH}"
                    ${hx({ get: `${PATH}/form`, target: '#upload-form', swap: 'outerHTML' })}
                    >Upload another file</a
                  >
                </p>
              </div>`.value
            ),
        })
      }
    )
  },
}
