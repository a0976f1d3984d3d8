// Click to load: a table that grows by one page of rows per click.
import { html, hx } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { contactsTable } from '../contacts-table.ts'
import { seedContacts } from '../data.ts'
import type { Contact } from '../data.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'
import { fragment, wantsFragment } from '../respond.ts'

const PATH = '/click-to-load'
const PER_PAGE = 5

const shows = html`<p>
  The table shows five contacts and a <em>Load more</em> button in its last row. The button
  fetches the next five rows; they replace the button's row, and the answer ends with a new button
  row, or none after the last page.
</p>`

const changed = html`<p>
  Nothing had to change for the CSP: the published example is attributes only. The response is a
  run of <code>&lt;tr&gt;</code> elements, which htmx 4 parses as template content, so the rows
  survive parsing without a table around them. The button is also a link to
  <code>?page=N</code>, which renders every row up to that page, so it works without JavaScript.
</p>`

function pageParam(value: string | undefined): number | undefined {
  if (value === undefined) {
    return 1
  }
  return /^[1-9][0-9]{0,3}$/.test(value) ? Number(value) : undefined
}

/** The gallery's "Click to load" example. */
export const clickToLoad: Example = {
  slug: 'click-to-load',
  title: 'Click to load',
  summary: 'A load-more button row that fetches the next page of rows.',
  status: 'as-published',
  probes: [
    { path: `${PATH}/rows?page=2` },
    { path: `${PATH}?page=2`, htmx: false },
    { path: `${PATH}/rows?page=x`, status: 400 },
  ],
  register(app, gallery) {
    const contacts = seedContacts(17)
    const pages = Math.ceil(contacts.length / PER_PAGE)

    const row = (contact: Contact): SafeHtml =>
      html`<tr>
        <td>${contact.name}</td>
        <td>${contact.email}</td>
        <td>${contact.id}</td>
      </tr>`

    const moreRow = (next: number): SafeHtml =>
      next > pages
        ? html``
        : html`<tr id="load-more">
            <td colspan="3">
              <a
                class="button"
                href="${PATH}?page=${next}"
                ${hx({ get: `${PATH}/rows?page=${String(next)}`, target: '#load-more', swap: 'outerHTML' })}
                >Load more</a
              >
            </td>
          </tr>`

    const rowsOf = (from: number, to: number): SafeHtml =>
      html`${contacts.slice((from - 1) * PER_PAGE, to * PER_PAGE).map(row)}${moreRow(to + 1)}`

    const view = examplePage(clickToLoad, gallery, {
      shows,
      changed,
      demo: (_, c) => {
        const last = Math.min(pageParam(c.req.query('page')) ?? 1, pages)
        return contactsTable(
          ['Name', 'Email', 'ID'],
          html`<tbody id="contacts">
            ${rowsOf(1, last)}
          </tbody>`
        )
      },
    })

    app.get(PATH, (c) =>
      pageParam(c.req.query('page')) === undefined
        ? c.text('page must be a whole number from 1', 400)
        : view.handler(c)
    )
    app.get(`${PATH}/rows`, (c) => {
      const next = pageParam(c.req.query('page'))
      if (next === undefined) {
        return c.text('page must be a whole number from 1', 400)
      }
      if (!wantsFragment(c)) {
        return c.redirect(`${PATH}?page=${String(next)}`, 303)
      }
      return fragment(c, rowsOf(next, next))
    })
  },
}
