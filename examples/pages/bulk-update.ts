// Bulk update: check several rows, activate or deactivate them with one request.
import { html, hx } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { hxPartial } from '../../src/partials/index.ts'
import { contactsTable } from '../contacts-table.ts'
import { seedContacts } from '../data.ts'
import type { Contact } from '../data.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'
import { fragment, wantsFragment } from '../respond.ts'

const PATH = '/bulk-update'

const shows = html`<p>
    A table of contacts, each with a checkbox. Check the rows, then <em>Activate</em> or
    <em>Deactivate</em> them: the form posts the checked ids, the server updates them and answers
    with the updated table body and a sentence for the polite status line.
  </p>
  <p>
    The <em>Select all</em> box checks every row. It is keyboard operable (Space) and its state
    follows the rows (checked, unchecked or mixed).
  </p>`

const changed = html`<p>
    The published version posts <code>active:&lt;email&gt;</code> checkboxes and shows the result in
    a <code>#toast</code> that fades with <code>settle:3s</code>. Here each action is its own
    submit button (<code>name="action"</code>), the rows' <code>&lt;tbody&gt;</code> comes back
    as an <code>&lt;hx-partial&gt;</code>, and the sentence goes into an <code>&lt;output&gt;</code>
    (a polite live region) that stays until the next action: an announcement that disappears by
    itself fails WCAG 2.2.1.
  </p>
  <p>
    <em>Select all</em> needs script: it is the kit's <code>hxkit.js</code>
    (<code>data-hxkit-select-all="ids"</code>, event delegation, loaded with the nonce), which
    also shows the mixed state. The box is rendered <code>hidden</code> and the script shows it,
    so without JavaScript there is no box that does nothing: every row is checked by hand and
    the form is a plain POST.
  </p>`

/** The gallery's "Bulk update" example. */
export const bulkUpdate: Example = {
  slug: 'bulk-update',
  title: 'Bulk update',
  summary: 'Activate or deactivate the checked rows with one request.',
  status: 'changed',
  probes: [
    { method: 'POST', path: PATH, form: { ids: ['1', '2'], action: 'activate' } },
    { method: 'POST', path: PATH, form: { ids: ['1'], action: 'deactivate' }, htmx: false },
    { method: 'POST', path: PATH, form: { ids: ['1'], action: 'explode' }, status: 400 },
  ],
  register(app, gallery) {
    const contacts = seedContacts(6)

    const row = (contact: Contact): SafeHtml =>
      html`<tr>
        <td>
          <input
            type="checkbox"
            name="ids"
            value="${contact.id}"
            id="bulk-${contact.id}"
            aria-label="Select ${contact.name}"
          />
        </td>
        <td><label for="bulk-${contact.id}">${contact.name}</label></td>
        <td>${contact.email}</td>
        <td>${contact.active ? 'Active' : 'Inactive'}</td>
      </tr>`

    const rows = (): SafeHtml =>
      html`<tbody id="bulk-rows">
        ${contacts.map(row)}
      </tbody>`

    const selectAll = html`<input
      type="checkbox"
      id="bulk-all"
      aria-label="Select all"
      data-hxkit-select-all="ids"
      hidden
    />`

    const table = (message: string): SafeHtml =>
      html`<form
        id="bulk-form"
        method="post"
        action="${PATH}"
        ${hx({ post: PATH, target: '#bulk-result', swap: 'innerHTML' })}
      >
        ${contactsTable([{ cell: selectAll }, 'Name', 'Email', 'Status'], rows())}
        <div class="actions">
          <button type="submit" name="action" value="activate">Activate</button>
          <button type="submit" name="action" value="deactivate" class="secondary">
            Deactivate
          </button>
        </div>
        <p><output id="bulk-result" for="bulk-form">${message}</output></p>
      </form>`

    const view = examplePage(bulkUpdate, gallery, { shows, changed, demo: () => table('') })

    app.get(PATH, view.handler)
    app.post(PATH, async (c) => {
      const body = await c.req.parseBody({ all: true })
      const action = body['action']
      if (action !== 'activate' && action !== 'deactivate') {
        return c.text('action must be activate or deactivate', 400)
      }
      const raw = body['ids']
      const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]
      const ids = new Set(list.filter((id) => typeof id === 'string'))
      let changedCount = 0
      for (const contact of contacts) {
        if (ids.has(String(contact.id)) && contact.active !== (action === 'activate')) {
          contact.active = action === 'activate'
          changedCount++
        }
      }
      const verb = action === 'activate' ? 'Activated' : 'Deactivated'
      const message = `${verb} ${String(changedCount)} of ${String(ids.size)} selected contacts.`
      if (wantsFragment(c)) {
        return fragment(c, html`${message}${hxPartial({ selector: '#bulk-rows' }, rows())}`)
      }
      return c.html((await view.pageWith(c, table(message))).value)
    })
  },
}
