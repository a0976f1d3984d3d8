// Updating other content: a form whose answer also updates a table elsewhere on the page.
import { z } from 'zod'
import { completeSubmit, form } from '../../src/forms/index.ts'
import type { FormInput, FormState } from '../../src/forms/index.ts'
import { html, hx } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { addTrigger } from '../../src/htmx/index.ts'
import { hxPartial } from '../../src/partials/index.ts'
import type { Contact } from '../data.ts'
import { seedContacts } from '../data.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'
import { fragment } from '../respond.ts'

const PATH = '/update-other-content'

const schema = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(80),
  email: z.email('Enter an email address'),
})
type ContactInput = FormInput<typeof schema>

const partialsForm = form(schema, { id: 'oob-form', action: `${PATH}/partials` })
const eventsForm = form(schema, { id: 'event-form', action: `${PATH}/events` })

const shows = html`<p>
  Two ways to add a contact with a form and have the contacts table, elsewhere on the page,
  show it. Both answer with a fresh form where the old one was.
</p>
<ol>
  <li>
    <strong>Several targets in one answer</strong>: the answer carries the new row in an
    <code>&lt;hx-partial hx-target="#oob-contacts" hx-swap="beforeend"&gt;</code> block.
  </li>
  <li>
    <strong>An event</strong>: the answer fires <code>newContact</code>
    (<code>HX-Trigger</code>) and the table, listening with
    <code>hx-trigger="newContact from:body"</code>, fetches itself again.
  </li>
</ol>`

const changed = html`<p>
  The published page has four solutions. A wider target (the form and the table in one swapped
  region) still works unchanged. Out-of-band swaps still work too, but htmx 4 strips the wrapper of
  a non-outer OOB swap, so the published <code>&lt;tbody hx-swap-oob="beforeend:…"&gt;</code> now
  inserts bare rows; <code>&lt;hx-partial&gt;</code>, htmx 4's multi-target element, says what it
  means and is parsed as a template, so table rows survive. Events work as published. The fourth,
  the <code>path-deps</code> extension, is not shipped with htmx 4. Nothing here needs script.
</p>`

/** The gallery's "Updating other content" example. */
export const updateOtherContent: Example = {
  slug: 'update-other-content',
  title: 'Updating other content',
  summary: 'One answer that updates a second region, with <hx-partial> or an event.',
  status: 'changed',
  probes: [
    { method: 'POST', path: `${PATH}/partials`, form: { name: 'Lin', email: 'lin@example.com' } },
    { method: 'POST', path: `${PATH}/partials`, form: { name: '', email: 'x' }, status: 422 },
    { method: 'POST', path: `${PATH}/events`, form: { name: 'Kay', email: 'kay@example.com' } },
    { path: `${PATH}/events/table` },
  ],
  register(app, gallery) {
    const oobContacts = seedContacts(2)
    const eventContacts = seedContacts(2)

    const row = (contact: Contact): SafeHtml =>
      html`<tr>
        <td>${contact.name}</td>
        <td>${contact.email}</td>
      </tr>`
    const table = (caption: string, body: SafeHtml): SafeHtml =>
      html`<table>
        <caption>
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
          </tr>
        </thead>
        ${body}
      </table>`

    const fields = (f: typeof partialsForm, state: FormState<ContactInput>, verb: string) =>
      f.render(
        state,
        html`${f.field(state, 'name', { label: 'Name' })} ${f.field(state, 'email', { label: 'Email' })}
          <div class="actions"><button type="submit">${verb}</button></div>`
      )
    const oobForm = (state: FormState<ContactInput>) =>
      fields(partialsForm, state, 'Add with a partial')
    const eventForm = (state: FormState<ContactInput>) =>
      fields(eventsForm, state, 'Add with an event')
    const eventBody = () =>
      html`<tbody
        id="event-contacts"
        ${hx({
          get: `${PATH}/events/table`,
          trigger: 'newContact from:body',
          target: 'this',
          swap: 'outerHTML',
        })}
      >
        ${eventContacts.map(row)}
      </tbody>`

    const view = examplePage(updateOtherContent, gallery, {
      shows,
      changed,
      demo: () =>
        html`<div class="columns">
          <div class="card">
            <h3>1. With a partial</h3>
            ${oobForm(partialsForm.empty())}
            ${table(
              'Contacts (partial)',
              html`<tbody id="oob-contacts">
                ${oobContacts.map(row)}
              </tbody>`
            )}
          </div>
          <div class="card">
            <h3>2. With an event</h3>
            ${eventForm(eventsForm.empty())} ${table('Contacts (event)', eventBody())}
          </div>
        </div>`,
    })

    const nextId = (list: Contact[]) => list.length + 1

    app.get(PATH, view.handler)
    app.post(
      `${PATH}/partials`,
      partialsForm.validator({ view: oobForm, page: (markup, c) => view.pageWith(c, markup) }),
      (c) => {
        const contact = { id: nextId(oobContacts), active: true, ...c.req.valid('form') }
        oobContacts.push(contact)
        return completeSubmit(c, {
          redirect: PATH,
          htmx: () =>
            c.html(
              html`${oobForm(partialsForm.empty())}${hxPartial(
                { selector: '#oob-contacts' },
                row(contact),
                'beforeend'
              )}`.value
            ),
        })
      }
    )
    app.post(
      `${PATH}/events`,
      eventsForm.validator({ view: eventForm, page: (markup, c) => view.pageWith(c, markup) }),
      (c) => {
        eventContacts.push({ id: nextId(eventContacts), active: true, ...c.req.valid('form') })
        return completeSubmit(c, {
          redirect: PATH,
          htmx: () => {
            addTrigger(c, 'newContact')
            return c.html(eventForm(eventsForm.empty()).value)
          },
        })
      }
    )
    app.get(`${PATH}/events/table`, (c) => fragment(c, eventBody()))
  },
}
