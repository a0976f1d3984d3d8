// Reset user input: after a successful post the form comes back empty; after a failed one, filled.
import { z } from 'zod'
import { completeSubmit, form } from '../../src/forms/index.ts'
import type { FormInput, FormState } from '../../src/forms/index.ts'
import { html } from '../../src/html/index.ts'
import { hxPartial } from '../../src/partials/index.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'

const PATH = '/reset-input'

const schema = z.object({ note: z.string().trim().min(1, 'Write a note first').max(200) })
type NoteInput = FormInput<typeof schema>

const noteForm = form(schema, { id: 'note-form', action: PATH })

const shows = html`<p>
  Add notes to a list. After a note is added the input is empty again, ready for the next one; a
  note that fails validation (an empty one) comes back with its message and the input keeps what
  was typed.
</p>`

const changed = html`<p>
  The published version resets the form in
  <code>hx-on::after-request="if(event.detail.successful) this.reset()"</code>. That is code in an
  attribute, which runs only through <code>hx-csp</code>'s <code>safeEval</code>; on top of that
  htmx 4 names the event <code>htmx:after:request</code> and has no
  <code>detail.successful</code>, so the published condition is never true (and the four.htmx.org
  version resets even after a 422). Here the server decides: a successful post answers with a
  fresh, empty form (it replaces the old one) plus the new note as an
  <code>&lt;hx-partial hx-swap="afterbegin"&gt;</code> for the list; a failed one answers 422 with
  the filled form. No script, and correct in both cases.
</p>`

/** The gallery's "Reset user input" example. */
export const resetInput: Example = {
  slug: 'reset-input',
  title: 'Reset user input',
  summary: 'An input that empties after a successful post, and only then.',
  status: 'redesigned',
  probes: [
    { method: 'POST', path: PATH, form: { note: 'Buy milk' } },
    { method: 'POST', path: PATH, form: { note: '' }, status: 422 },
    { method: 'POST', path: PATH, form: { note: 'Walk' }, htmx: false, status: 303 },
  ],
  register(app, gallery) {
    const notes: string[] = ['Water the plants']

    const formView = (state: FormState<NoteInput>) =>
      noteForm.render(
        state,
        html`${noteForm.field(state, 'note', { label: 'Note', attrs: { autocomplete: 'off' } })}
          <div class="actions"><button type="submit">Add note</button></div>`
      )
    const item = (note: string) => html`<li>${note}</li>`

    const view = examplePage(resetInput, gallery, {
      shows,
      changed,
      demo: () =>
        html`${formView(noteForm.empty())}
          <ul id="notes" aria-label="Notes">
            ${notes.map(item)}
          </ul>`,
    })

    app.get(PATH, view.handler)
    app.post(
      PATH,
      noteForm.validator({ view: formView, page: (markup, c) => view.pageWith(c, markup) }),
      (c) => {
        const { note } = c.req.valid('form')
        notes.unshift(note)
        return completeSubmit(c, {
          redirect: PATH,
          htmx: () =>
            c.html(
              html`${formView(noteForm.empty())}${hxPartial(
                { selector: '#notes' },
                item(note),
                'afterbegin'
              )}`.value
            ),
        })
      }
    )
  },
}
