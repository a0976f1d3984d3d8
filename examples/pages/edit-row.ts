// Edit row: one table row at a time turns into inputs, saved with PUT.
import { z } from 'zod'
import { attrs, html, hx } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { hxPartial } from '../../src/partials/index.ts'
import { contactsTable } from '../contacts-table.ts'
import { parseId, seedContacts } from '../data.ts'
import type { Contact } from '../data.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'
import { fragment } from '../respond.ts'

const PATH = '/edit-row'

const rowSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(80),
  email: z.email('Enter an email address'),
})

const shows = html`<p>
  Each row has an <em>Edit</em> button that turns the row into inputs with <em>Save</em> and
  <em>Cancel</em>. Only one row is edited at a time: opening a second one puts the first back.
  A wrong email answers 422 with the row and its message.
</p>`

const changed = html`<p>
    The published version checks with an inline <code>onClick</code> whether another row is being
    edited and asks through SweetAlert2 from a CDN, then fires a custom <code>cancel</code> event.
    Neither inline code nor a third-party script runs under this CSP, so the server decides: the
    row being edited carries a hidden <code>editing</code> input, every <em>Edit</em> button sends
    those (<code>hx-include</code>), and the answer puts the other rows back with
    <code>&lt;hx-partial&gt;</code> blocks. No script at all. (Unsaved changes in the other row
    are dropped, as the published version does after its question.)
  </p>
  <p>
    <code>hx-target</code> and <code>hx-swap</code> on the <code>&lt;tbody&gt;</code> are written
    <code>:inherited</code> for htmx 4; <em>Save</em> sends the row's inputs with
    <code>hx-include="closest tr"</code>.
  </p>`

/** The gallery's "Edit row" example. */
export const editRow: Example = {
  slug: 'edit-row',
  title: 'Edit row',
  summary: 'Edit one table row in place; the server keeps it to one row at a time.',
  status: 'redesigned',
  probes: [
    { path: `${PATH}/contacts/1/edit` },
    { path: `${PATH}/contacts/2/edit?editing=1` },
    { path: `${PATH}/contacts/1` },
    { method: 'PUT', path: `${PATH}/contacts/1`, form: { name: 'Ada', email: 'ada@example.com' } },
    { method: 'PUT', path: `${PATH}/contacts/1`, form: { name: '', email: 'nope' }, status: 422 },
    { path: `${PATH}/contacts/99/edit`, status: 404 },
  ],
  register(app, gallery) {
    const contacts = seedContacts(5)
    const find = (id: string | undefined): Contact | undefined =>
      contacts.find((contact) => contact.id === parseId(id))

    // after a swap htmx 4 focuses an autofocus element: the first input when a row opens, the
    // row's Edit button when it closes, so keyboard users stay where they were
    const display = (contact: Contact, focus = false): SafeHtml =>
      html`<tr id="row-${contact.id}">
        <td>${contact.name}</td>
        <td>${contact.email}</td>
        <td>
          <button
            type="button"
            class="secondary"
            aria-label="Edit ${contact.name}"
            ${focus ? html`autofocus` : ''}
            ${hx({
              get: `${PATH}/contacts/${String(contact.id)}/edit`,
              include: '#edit-rows input[name=editing]',
            })}
          >
            Edit
          </button>
        </td>
      </tr>`

    const input = (
      contact: Contact,
      name: 'name' | 'email',
      value: string,
      error: string | undefined
    ): SafeHtml => {
      const id = `row-${String(contact.id)}-${name}`
      const label = name === 'name' ? 'Name' : 'Email'
      return html`<input${attrs({
        id,
        name,
        type: name === 'email' ? 'email' : 'text',
        value,
        'aria-label': label,
        autofocus: name === 'name' || undefined,
        'aria-invalid': error === undefined ? undefined : 'true',
        'aria-describedby': error === undefined ? undefined : `${id}-error`,
      })} />${
        error === undefined ? '' : html`<p class="field-error" id="${id}-error">${error}</p>`
      }`
    }

    const editing = (
      contact: Contact,
      values: { name: string; email: string } = contact,
      errors: Record<string, string | undefined> = {}
    ): SafeHtml =>
      html`<tr id="row-${contact.id}" class="editing">
        <td>${input(contact, 'name', values.name, errors['name'])}</td>
        <td>${input(contact, 'email', values.email, errors['email'])}</td>
        <td>
          <input type="hidden" name="editing" value="${contact.id}" />
          <button
            type="button"
            ${hx({ put: `${PATH}/contacts/${String(contact.id)}`, include: 'closest tr' })}
          >
            Save
          </button>
          <button
            type="button"
            class="secondary"
            ${hx({ get: `${PATH}/contacts/${String(contact.id)}` })}
          >
            Cancel
          </button>
        </td>
      </tr>`

    const view = examplePage(editRow, gallery, {
      shows,
      changed,
      demo: () =>
        contactsTable(
          ['Name', 'Email', { hidden: 'Actions' }],
          html`<tbody
            id="edit-rows"
            ${hx({ inherited: { target: 'closest tr', swap: 'outerHTML' } })}
          >
            ${contacts.map((contact) => display(contact))}
          </tbody>`
        ),
    })

    app.get(PATH, view.handler)
    app.get(`${PATH}/contacts/:id`, (c) => {
      const contact = find(c.req.param('id'))
      return contact === undefined
        ? c.text('No such contact', 404)
        : fragment(c, display(contact, true))
    })
    app.get(`${PATH}/contacts/:id/edit`, (c) => {
      const contact = find(c.req.param('id'))
      if (contact === undefined) {
        return c.text('No such contact', 404)
      }
      // the rows the browser still has in edit mode go back to their display form
      const others = c.req
        .queries('editing')
        ?.map((id) => find(id))
        .filter((other): other is Contact => other !== undefined && other !== contact)
      const restored = (others ?? []).map((other) =>
        hxPartial({ selector: `#row-${String(other.id)}` }, display(other))
      )
      return fragment(c, html`${editing(contact)}${restored}`)
    })
    app.put(`${PATH}/contacts/:id`, async (c) => {
      const contact = find(c.req.param('id'))
      if (contact === undefined) {
        return c.text('No such contact', 404)
      }
      const body = await c.req.parseBody()
      const values = {
        name: typeof body['name'] === 'string' ? body['name'] : '',
        email: typeof body['email'] === 'string' ? body['email'] : '',
      }
      const result = rowSchema.safeParse(values)
      if (!result.success) {
        const errors: Record<string, string> = {}
        for (const issue of result.error.issues) {
          errors[String(issue.path[0])] ??= issue.message
        }
        return fragment(c, editing(contact, values, errors), 422)
      }
      Object.assign(contact, result.data)
      return fragment(c, display(contact, true))
    })
  },
}
