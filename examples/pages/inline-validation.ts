// Inline validation: each field is checked by the server as you type, with the same schema.
import { z } from 'zod'
import { completeSubmit, form } from '../../src/forms/index.ts'
import type { FormInput, FormState } from '../../src/forms/index.ts'
import { html } from '../../src/html/index.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'

const PATH = '/inline-validation'
const TAKEN = 'test@test.com'

const schema = z.object({
  email: z
    .email('Enter an email address')
    .refine((email) => email.toLowerCase() !== TAKEN, 'That email is already taken'),
  firstName: z.string().trim().min(1, 'Enter a first name').max(60),
  lastName: z.string().trim().min(1, 'Enter a last name').max(60),
})
type SignUpInput = FormInput<typeof schema>

const signUp = form(schema, { id: 'signup', action: PATH, live: true })

const shows = html`<p>
  A sign-up form whose fields are checked as you type: after half a second without a key, or
  when a field changes, the server validates the whole form and answers with that one field, its
  message included. <code>${TAKEN}</code> is taken. Submitting checks everything again; a valid
  form is replaced by a confirmation.
</p>`

const changed = html`<p>
  The published version posts one input to its own URL and swaps a wrapper
  <code>&lt;div hx-target="this"&gt;</code>, which htmx 4 no longer passes to the input. Here the
  form is <code>hxkit/forms</code> with <code>live: true</code>: every field posts the form to the
  form's own URL with <code>?_validate=&lt;field&gt;</code>, and the answer replaces just that
  field with <code>outerMorph</code>, so focus, caret and characters typed meanwhile survive.
  The rules are one zod schema, so the live check, the final submit and the browser's own
  constraints cannot disagree. No script, no inline handler.
</p>`

/** The gallery's "Inline validation" example. */
export const inlineValidation: Example = {
  slug: 'inline-validation',
  title: 'Inline validation',
  summary: 'Server-side validation of each field while the user types.',
  status: 'changed',
  probes: [
    {
      method: 'POST',
      path: `${PATH}?_validate=email`,
      form: { email: TAKEN, firstName: '', lastName: '' },
    },
    {
      method: 'POST',
      path: PATH,
      form: { email: 'nope', firstName: '', lastName: '' },
      status: 422,
    },
    {
      method: 'POST',
      path: PATH,
      form: { email: 'nope', firstName: '', lastName: '' },
      htmx: false,
      status: 422,
    },
    {
      method: 'POST',
      path: PATH,
      form: { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' },
    },
  ],
  register(app, gallery) {
    const formView = (state: FormState<SignUpInput>) =>
      signUp.render(
        state,
        html`${signUp.field(state, 'email', { label: 'Email', attrs: { autocomplete: 'email' } })}
          ${signUp.field(state, 'firstName', {
            label: 'First name',
            attrs: { autocomplete: 'given-name' },
          })}
          ${signUp.field(state, 'lastName', {
            label: 'Last name',
            attrs: { autocomplete: 'family-name' },
          })}
          <div class="actions"><button type="submit">Sign up</button></div>`
      )

    const view = examplePage(inlineValidation, gallery, {
      shows,
      changed,
      demo: (_, c) =>
        c.req.query('done') === '1'
          ? html`<p class="card" role="status">Thanks, you are signed up.</p>`
          : formView(signUp.empty()),
    })

    app.get(PATH, view.handler)
    app.post(
      PATH,
      signUp.validator({ view: formView, page: (markup, c) => view.pageWith(c, markup) }),
      (c) =>
        completeSubmit(c, {
          redirect: `${PATH}?done=1`,
          htmx: () =>
            c.html(
              html`<p id="signup" class="card" role="status">
                Thanks ${c.req.valid('form').firstName}, you are signed up.
              </p>`.value
            ),
        })
    )
  },
}
