// The contacts table the record examples share: one caption and head, each example's own body.
import { html } from '../src/html/index.ts'
import type { SafeHtml } from '../src/html/index.ts'

/**
 * A column of the contacts table: a visible label, a label only screen readers read
 * (`{ hidden }`, e.g. the actions column), or markup of its own (`{ cell }`, e.g. a select-all box).
 */
export type ContactColumn = string | { readonly hidden: string } | { readonly cell: SafeHtml }

function head(column: ContactColumn): SafeHtml {
  if (typeof column === 'string') {
    return html`<th scope="col">${column}</th>`
  }
  return 'hidden' in column
    ? html`<th scope="col"><span class="visually-hidden">${column.hidden}</span></th>`
    : html`<th scope="col">${column.cell}</th>`
}

/**
 * The contacts table shell: a caption for screen readers ("Contacts"), the column heads, and the
 * example's `<tbody>` (with its own id and htmx attributes).
 *
 * @param columns - the columns, in order
 * @param body - the `<tbody>` element
 * @example
 * contactsTable(['Name', 'Email', { hidden: 'Actions' }], html`<tbody id="rows">…</tbody>`)
 */
export function contactsTable(columns: readonly ContactColumn[], body: SafeHtml): SafeHtml {
  return html`<table>
    <caption class="visually-hidden">
      Contacts
    </caption>
    <thead>
      <tr>
        ${columns.map(head)}
      </tr>
    </thead>
    ${body}
  </table>`
}
