// Click to edit: a contact shown read-only, swapped for its edit form and back.
import { z } from 'zod'
import { completeSubmit, form } from '../../src/forms/index.ts'
import type { FormInput, FormState } from '../../src/forms/index.ts'
import { html, hx } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'
import { fragmentOrPage } from '../respond.ts'

const PATH = '/click-to-edit'

const schema = z.object({
  firstName: z.string().trim().min(1).max(60),
  lastName: z.string().trim().min(1).max(60),
  email: z.email(),
})
type ContactInput = FormInput<typeof schema>

const contactForm = form(schema, { id: 'contact-form', action: `${PATH}/edit` })

const shows = html`<p>
  A contact is shown read-only with an <em>Edit</em> button. The button fetches the edit form
  and swaps it in place of the contact; <em>Save</em> sends the form and swaps the contact back,
  <em>Cancel</em> fetches the read-only view again. A wrong email comes back as a 422 with the form
  and its errors.
</p>`

const changed = html`<p>
    The published version puts <code>hx-target="this"</code> and <code>hx-swap="outerHTML"</code> on
    the wrapper <code>&lt;div&gt;</code>, so its buttons inherit them. htmx 4 inherits nothing
    implicitly: the wrapper here says <code>hx-target:inherited="this"</code> and
    <code>hx-swap:inherited="outerHTML"</code>.
  </p>
  <p>
    The form comes from one zod schema (<code>hxkit/forms</code>): it posts with
    <code>method="post"</code> to a real action, so it also works without JavaScript, where the
    published version used <code>hx-put</code>. htmx 4 swaps the 422 answer by default; the form
    also says <code>hx-status:422</code>. Nothing on the page needs a CSP exception.
  </p>`

/** The gallery's "Click to edit" example. */
export const clickToEdit: Example = {
  slug: 'click-to-edit',
  title: 'Click to edit',
  summary: 'Swap a read-only record for its edit form, and back.',
  status: 'changed',
  register(app, gallery) {
    let contact: z.output<typeof schema> = {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
    }

    // the wrapper both views share: its buttons inherit target and swap (htmx 4: explicitly)
    const box = (inner: SafeHtml): SafeHtml =>
      html`<div id="contact" class="card"${hx({ inherited: { target: 'this', swap: 'outerHTML' } })}>
        ${inner}
      </div>`

    const display = (): SafeHtml =>
      box(html`<dl class="record">
          <dt>First name</dt>
          <dd>${contact.firstName}</dd>
          <dt>Last name</dt>
          <dd>${contact.lastName}</dd>
          <dt>Email</dt>
          <dd>${contact.email}</dd>
        </dl>
        <a class="button" href="${PATH}/edit"${hx({ get: `${PATH}/edit` })}>Edit</a>`)

    const editForm = (state: FormState<ContactInput>): SafeHtml =>
      box(
        contactForm.render(
          state,
          html`${contactForm.field(state, 'firstName', { label: 'First name' })}
            ${contactForm.field(state, 'lastName', { label: 'Last name' })}
            ${contactForm.field(state, 'email', { label: 'Email' })}
            <div class="actions">
              <button type="submit">Save</button>
              <a class="button secondary" href="${PATH}"${hx({ get: `${PATH}/view` })}>Cancel</a>
            </div>`,
          { target: '#contact' }
        )
      )

    const view = examplePage(clickToEdit, gallery, {
      shows,
      changed,
      demo: (_, c) =>
        c.req.path === `${PATH}/edit` ? editForm(contactForm.initial(contact)) : display(),
    })

    app.get(PATH, view.handler)
    app.get(`${PATH}/view`, (c) => fragmentOrPage(c, view, display))
    app.get(`${PATH}/edit`, (c) =>
      fragmentOrPage(c, view, () => editForm(contactForm.initial(contact)))
    )
    app.post(
      `${PATH}/edit`,
      contactForm.validator({
        view: editForm,
        page: (markup, c) => view.pageWith(c, markup),
      }),
      (c) => {
        contact = c.req.valid('form')
        return completeSubmit(c, { redirect: PATH, htmx: () => c.html(display().value) })
      }
    )
  },
}
