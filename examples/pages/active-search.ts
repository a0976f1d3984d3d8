// Active search: results update as the user types, without a trigger filter.
import { html, hx } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { partial } from '../../src/partials/index.ts'
import { seedContacts } from '../data.ts'
import type { Contact } from '../data.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'

const PATH = '/active-search'
const MAX_QUERY = 100

const shows = html`<p>
  A search box above a table of contacts. Typing filters the table after a short pause; Enter
  searches at once, and clearing the box (Escape, or the clear button of a search field) shows
  everything again. A polite status line says how many contacts match. The URL follows the
  search, so a reload or a shared link shows the same results.
</p>`

const changed = html`<p>
  The published trigger is
  <code>input changed delay:500ms, keyup[key=='Enter'], load</code>. The
  <code>[key=='Enter']</code> filter is JavaScript that htmx 4 evaluates with
  <code>new Function</code>, which a CSP without <code>'unsafe-eval'</code> blocks (with an
  <code>EvalError</code>). Instead the input sits in a <code>&lt;form role="search"&gt;</code> and the
  form triggers on <code>input changed delay:300ms, submit, search</code>: Enter submits the form
  and the <code>search</code> event fires when the field is cleared. No filter, no script. The form
  is a plain GET without JavaScript, and <code>load</code> is not needed because the first page
  already carries the results.
</p>`

function matches(contact: Contact, query: string): boolean {
  const needle = query.trim().toLowerCase()
  return (
    needle === '' ||
    contact.name.toLowerCase().includes(needle) ||
    contact.email.toLowerCase().includes(needle)
  )
}

/** The gallery's "Active search" example. */
export const activeSearch: Example = {
  slug: 'active-search',
  title: 'Active search',
  summary: 'Results that follow the search box, with Enter and clear but no trigger filter.',
  status: 'changed',
  probes: [
    { path: `${PATH}?q=ada`, target: 'section#search-results' },
    { path: `${PATH}?q=zzz`, headers: { 'HX-Partial': 'results' } },
    { path: `${PATH}?q=${'x'.repeat(MAX_QUERY + 1)}`, status: 400 },
  ],
  register(app, gallery) {
    const contacts = seedContacts(24)
    const results = partial(
      'results',
      (c) => {
        const query = c.req.query('q') ?? ''
        const found = contacts.filter((contact) => matches(contact, query))
        const rows: SafeHtml[] = found.map(
          (contact) =>
            html`<tr>
              <td>${contact.name}</td>
              <td>${contact.email}</td>
            </tr>`
        )
        return html`<p class="result-count" role="status">
            ${found.length === 1 ? '1 contact matches' : `${String(found.length)} contacts match`}
          </p>
          <table>
            <caption class="visually-hidden">
              Search results
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>`
      },
      { tag: 'section', id: 'search-results', attrs: { 'aria-label': 'Search results' } }
    )

    const view = examplePage(activeSearch, gallery, {
      shows,
      changed,
      partials: { results },
      demo: (parts, c) =>
        html`<form
            role="search"
            action="${PATH}"
            method="get"
            ${hx({
              get: PATH,
              trigger: 'input changed delay:300ms, submit, search',
              target: results,
              pushUrl: true,
              sync: 'this:replace',
              indicator: '#search-indicator',
            })}
          >
            <label for="search-q">Search contacts</label>
            <input
              id="search-q"
              type="search"
              name="q"
              value="${c.req.query('q') ?? ''}"
              maxlength="${MAX_QUERY}"
              autocomplete="off"
            />
            <button type="submit">Search</button>
            <span id="search-indicator" class="htmx-indicator">Searching…</span>
          </form>
          ${parts.results}`,
    })

    app.get(PATH, (c) =>
      (c.req.query('q') ?? '').length > MAX_QUERY
        ? c.text(`q must be at most ${String(MAX_QUERY)} characters`, 400)
        : view.handler(c)
    )
  },
}
