// Modal dialogs: a native <dialog> opened by an invoker button, its body loaded by htmx.
import { z } from 'zod'
import { closeDialog } from '../../src/components/index.ts'
import { completeSubmit, form } from '../../src/forms/index.ts'
import type { FormInput, FormState } from '../../src/forms/index.ts'
import { html, hx } from '../../src/html/index.ts'
import { hxPartial } from '../../src/partials/index.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'
import { fragmentOrPage } from '../respond.ts'

const PATH = '/modal-dialogs'

const schema = z.object({ name: z.string().trim().min(3, 'Use at least 3 characters').max(60) })
type RenameInput = FormInput<typeof schema>

const renameForm = form(schema, { id: 'rename-form', action: `${PATH}/rename` })

const shows = html`<p>
  <em>Rename project</em> opens a modal dialog and loads its form from the server. Focus moves
  into the dialog and stays there, Escape or <em>Close</em> closes it and focus returns to the
  button. A name that is too short comes back in the dialog with its message (422); a good one
  closes the dialog and updates the project name on the page.
</p>`

const changed = html`<p>
    The catalogue has three modal examples: Bootstrap (its JavaScript from a CDN, and
    <code>style="display:none"</code>), UIkit and a custom one (both with hyperscript in
    <code>_="…"</code> attributes, which is code in markup that no nonce covers). None runs under
    this CSP. This is the one modal they all become: a native <code>&lt;dialog&gt;</code>, which brings
    the role, modality (the rest of the page is inert), the top layer, Escape and focus return.
  </p>
  <p>
    The button opens it without script: <code>commandfor="modal" command="show-modal"</code>
    (invoker commands), while its <code>hx-get</code> loads the body into the dialog. Closing after
    a successful save is the server's decision: <code>closeDialog(c, 'modal')</code> from
    <code>hxkit/components</code> fires <code>hxkit:dialog-close</code> (<code>HX-Trigger</code>),
    which the kit's <code>hxkit.js</code> turns into <code>dialog.close()</code>, and the answer
    carries the new name as an <code>&lt;hx-partial&gt;</code>.
  </p>`

/** The gallery's "Modal dialogs" example (Bootstrap, UIkit and custom modals in the catalogue). */
export const modalDialogs: Example = {
  slug: 'modal-dialogs',
  title: 'Modal dialogs',
  summary:
    'A native <dialog> opened by an invoker button, its form loaded and checked by the server.',
  status: 'redesigned',
  probes: [
    { path: `${PATH}/body` },
    { method: 'POST', path: `${PATH}/rename`, form: { name: 'x' }, status: 422 },
    { method: 'POST', path: `${PATH}/rename`, form: { name: 'Apollo' } },
    { method: 'POST', path: `${PATH}/rename`, form: { name: 'Gemini' }, htmx: false, status: 303 },
  ],
  register(app, gallery) {
    let project = 'Mercury'

    const projectName = () => html`<strong id="project-name">${project}</strong>`

    const formView = (state: FormState<RenameInput>) =>
      renameForm.render(
        state,
        html`${renameForm.field(state, 'name', { label: 'Project name' })}
          <div class="actions"><button type="submit">Save</button></div>`
      )

    const view = examplePage(modalDialogs, gallery, {
      shows,
      changed,
      demo: (_, c) =>
        html`<p>Project: ${projectName()}</p>
          <button
            type="button"
            commandfor="modal"
            command="show-modal"
            ${hx({ get: `${PATH}/body`, target: '#modal-body', swap: 'innerHTML' })}
          >
            Rename project
          </button>
          <dialog
            id="modal"
            class="modal"
            aria-labelledby="modal-title"
            ${c.req.path === `${PATH}/body` ? html`open` : ''}
          >
            <h3 id="modal-title">Rename the project</h3>
            <div id="modal-body">
              ${c.req.path === `${PATH}/body` ? formView(renameForm.initial({ name: project })) : ''}
            </div>
            <div class="actions">
              <button type="button" class="secondary" commandfor="modal" command="close">
                Close
              </button>
            </div>
          </dialog>`,
    })

    app.get(PATH, view.handler)
    app.get(`${PATH}/body`, (c) =>
      fragmentOrPage(c, view, () => formView(renameForm.initial({ name: project })))
    )
    app.post(
      `${PATH}/rename`,
      renameForm.validator({ view: formView, page: (markup, c) => view.pageWith(c, markup) }),
      (c) => {
        project = c.req.valid('form').name
        return completeSubmit(c, {
          redirect: PATH,
          htmx: () => {
            closeDialog(c, 'modal')
            return c.html(
              html`${formView(renameForm.initial({ name: project }))}${hxPartial(
                { selector: '#project-name' },
                projectName()
              )}`.value
            )
          },
        })
      }
    )
  },
}
