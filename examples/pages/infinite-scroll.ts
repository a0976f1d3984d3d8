// Infinite scroll: the next page of rows loads when the last one scrolls into view.
import { html, hx } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { seedContacts } from '../data.ts'
import type { Contact } from '../data.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'
import { fragment, wantsFragment } from '../respond.ts'

const PATH = '/infinite-scroll'
const PER_PAGE = 10

const shows = html`<p>
  A long table that loads its next ten rows when you scroll to its end: the last row is a
  placeholder with <code>hx-trigger="revealed"</code> that is replaced by the next rows and a new
  placeholder, until the list ends.
</p>`

const changed = html`<p>
  No CSP change. Following the htmx 4 pattern, the placeholder row is <em>replaced</em>
  (<code>hx-swap="outerHTML"</code>) rather than appended after, so a row never triggers twice.
  The published version puts <code>hx-indicator</code> on the table, which htmx 4 would not pass
  down; the placeholder row here shows its own loading text. The placeholder also holds a link
  to the next page, for browsers without JavaScript and for keyboard users who do not scroll.
</p>`

function pageParam(value: string | undefined): number | undefined {
  if (value === undefined) {
    return 1
  }
  return /^[1-9][0-9]{0,3}$/.test(value) ? Number(value) : undefined
}

/** The gallery's "Infinite scroll" example. */
export const infiniteScroll: Example = {
  slug: 'infinite-scroll',
  title: 'Infinite scroll',
  summary: 'Rows that load as the end of the table scrolls into view.',
  status: 'as-published',
  probes: [
    { path: `${PATH}/rows?page=2` },
    { path: `${PATH}/rows?page=0`, status: 400 },
    { path: `${PATH}?page=3`, htmx: false },
  ],
  register(app, gallery) {
    const contacts = seedContacts(45)
    const pages = Math.ceil(contacts.length / PER_PAGE)

    const row = (contact: Contact): SafeHtml =>
      html`<tr>
        <td>${contact.id}</td>
        <td>${contact.name}</td>
        <td>${contact.email}</td>
      </tr>`

    const placeholder = (next: number): SafeHtml =>
      next > pages
        ? html`<tr>
            <td colspan="3">All ${contacts.length} contacts shown.</td>
          </tr>`
        : html`<tr
            class="scroll-sentinel"
            ${hx({ get: `${PATH}/rows?page=${String(next)}`, trigger: 'revealed', swap: 'outerHTML' })}
          >
            <td colspan="3">
              <a href="${PATH}?page=${next}">Load page ${next}</a>
              <span class="htmx-indicator">Loading…</span>
            </td>
          </tr>`

    const rows = (page: number): SafeHtml =>
      html`${contacts.slice((page - 1) * PER_PAGE, page * PER_PAGE).map(row)}${placeholder(page + 1)}`

    const view = examplePage(infiniteScroll, gallery, {
      shows,
      changed,
      demo: (_, c) => {
        const page = Math.min(pageParam(c.req.query('page')) ?? 1, pages)
        return html`<div class="scroll-box">
          <table>
            <caption class="visually-hidden">
              Contacts
            </caption>
            <thead>
              <tr>
                <th scope="col">ID</th>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
              </tr>
            </thead>
            <tbody id="scroll-rows">
              ${rows(page)}
            </tbody>
          </table>
        </div>`
      },
    })

    app.get(PATH, (c) =>
      pageParam(c.req.query('page')) === undefined
        ? c.text('page must be a whole number from 1', 400)
        : view.handler(c)
    )
    app.get(`${PATH}/rows`, (c) => {
      const page = pageParam(c.req.query('page'))
      if (page === undefined) {
        return c.text('page must be a whole number from 1', 400)
      }
      return wantsFragment(c) ? fragment(c, rows(page)) : c.redirect(`${PATH}?page=${String(page)}`)
    })
  },
}
