// Delete row: confirm, fade the row out, remove it.
import { html, hx } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { contactsTable } from '../contacts-table.ts'
import { parseId, seedContacts } from '../data.ts'
import type { Contact } from '../data.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'
import { fragment, wantsFragment } from '../respond.ts'

const PATH = '/delete-row'

const shows = html`<p>
  Each row has a <em>Delete</em> button. A dialog asks for confirmation, the server deletes the
  contact and answers with an empty body; the row fades out for half a second and is removed.
</p>`

const changed = html`<p>
    The published version puts <code>hx-confirm</code>, <code>hx-target="closest tr"</code> and
    <code>hx-swap="outerHTML swap:1s"</code> on the <code>&lt;tbody&gt;</code>; htmx 4 passes them
    to the buttons only as <code>hx-confirm:inherited</code>, <code>hx-target:inherited</code> and
    <code>hx-swap:inherited</code>. The fade is the stylesheet's
    <code>tr.htmx-swapping td</code> rule, not a style attribute.
  </p>
  <p>
    htmx 4 swaps error answers too, so an error (a contact already gone: 404) would replace the
    row with the error text: the body says <code>hx-status:4xx:inherited="swap:none"</code> and the
    row stays. Each button sits in a small POST form, so deleting also works without JavaScript.
    The confirmation is the kit's modal dialog (<code>hxkit.js</code> answers
    <code>htmx:confirm</code>, see <a href="/confirm">Confirm</a>); without the script it is the
    browser's <code>window.confirm</code>, which no CSP blocks.
  </p>`

/** The gallery's "Delete row" example. */
export const deleteRow: Example = {
  slug: 'delete-row',
  title: 'Delete row',
  summary: 'Confirm, fade out and remove a table row.',
  status: 'changed',
  probes: [
    { method: 'DELETE', path: `${PATH}/contacts/1` },
    { method: 'DELETE', path: `${PATH}/contacts/1`, status: 404 },
    { method: 'POST', path: `${PATH}/contacts/2/delete`, htmx: false, status: 303 },
    { method: 'DELETE', path: `${PATH}/contacts/abc`, status: 404 },
  ],
  register(app, gallery) {
    const contacts = seedContacts(5)

    const row = (contact: Contact): SafeHtml =>
      html`<tr id="contact-${contact.id}">
        <td>${contact.name}</td>
        <td>${contact.email}</td>
        <td>${contact.active ? 'Active' : 'Inactive'}</td>
        <td>
          <form method="post" action="${PATH}/contacts/${contact.id}/delete">
            <button
              type="submit"
              class="danger"
              aria-label="Delete ${contact.name}"
              ${hx({ delete: `${PATH}/contacts/${String(contact.id)}` })}
            >
              Delete
            </button>
          </form>
        </td>
      </tr>`

    const view = examplePage(deleteRow, gallery, {
      shows,
      changed,
      demo: () =>
        contactsTable(
          ['Name', 'Email', 'Status', { hidden: 'Actions' }],
          html`<tbody
            ${hx({
              inherited: {
                confirm: 'Delete this contact?',
                target: 'closest tr',
                swap: { style: 'outerHTML', swap: 500 },
                status: { '4xx': 'swap:none' },
              },
            })}
          >
            ${contacts.map(row)}
          </tbody>`
        ),
    })

    const remove = (id: number | undefined): boolean => {
      const index = contacts.findIndex((contact) => contact.id === id)
      if (index === -1) {
        return false
      }
      contacts.splice(index, 1)
      return true
    }

    app.get(PATH, view.handler)
    app.delete(`${PATH}/contacts/:id`, (c) => {
      if (!remove(parseId(c.req.param('id')))) {
        return c.text('No such contact', 404)
      }
      return wantsFragment(c) ? fragment(c, html``) : c.body(null, 204)
    })
    app.post(`${PATH}/contacts/:id/delete`, (c) => {
      if (!remove(parseId(c.req.param('id')))) {
        return c.text('No such contact', 404)
      }
      return c.redirect(PATH, 303)
    })
  },
}
