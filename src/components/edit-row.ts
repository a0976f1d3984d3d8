import { html, hx } from '../html/index.ts'
import type { SafeHtml } from '../html/index.ts'
import type { SyncHtml } from './markup.ts'

/** What `editRow()` takes. */
export interface EditRowProps {
  /** The row's id (the same as the display row's), and the prefix of the form's id. */
  readonly id: string
  /** The cells, in column order; inputs carry `form="<id>-form"` (`editRowField()` does). */
  readonly cells: readonly SyncHtml[]
  /** PUT target (and POST action without JavaScript). */
  readonly put: string
  /** GET the display row again (Cancel); also the link without JavaScript. */
  readonly cancel: string
  readonly label: string
  /** A message over the row, e.g. after a 422. */
  readonly error?: string | undefined
  /**
   * The row sits inside a form (a table with bulk actions): no form of its own; the inputs need no
   * `form=` and Save submits with `formaction` (htmx sends the enclosing form's fields). @default false
   */
  readonly nested?: boolean | undefined
}

/**
 * The id of the form an edit row's inputs belong to (`form="…"`): a `<form>` cannot wrap a
 * table row, so the inputs sit in their cells and point at the form in the last cell.
 *
 * @param id - the edit row's id
 * @see docs/components.md
 * @example
 * html`<input name="status" form="${editRowForm('order-7')}" />`
 */
export function editRowForm(id: string): string {
  return `${id}-form`
}

/**
 * An inline edit row: the cells with their inputs, then Save (PUT with htmx, POST without) and
 * Cancel (GET the display row). The PUT answers the display row (`tableRow()`) on success and
 * this row with its errors and status 422 otherwise; both replace the row (`closest tr`).
 *
 * @param props - id, cells, URLs, label, error
 * @see docs/components.md
 * @example
 * editRow({ id: 'order-7', put: '/orders/7/row', cancel: '/orders/7/row', label: 'order 7',
 *   cells: ['#7', html`<select name="status" form="${editRowForm('order-7')}">…</select>`] })
 */
export function editRow(props: EditRowProps): SafeHtml {
  const form = editRowForm(props.id)
  const error =
    props.error === undefined ? '' : html`<p class="hx-row-error" role="alert">${props.error}</p>`
  const label = html`Save<span class="visually-hidden"> ${props.label}</span>`
  const put = hx({ put: props.put, target: 'closest tr', swap: 'outerHTML' })
  const save =
    props.nested === true
      ? html`<button type="submit" class="hx-button" formaction="${props.put}" formmethod="post"${put}>${label}</button>`
      : html`<form id="${form}" class="hx-inline" method="post" action="${props.put}"${put}><button type="submit" class="hx-button">${label}</button></form>`
  const cells = props.cells.map((cell, i) => html`<td>${i === 0 ? error : ''}${cell}</td>`)
  return html`<tr id="${props.id}" class="hx-editing">${cells}<td class="hx-row-actions">${save}<a class="hx-button" href="${props.cancel}"${hx({ get: props.cancel, target: 'closest tr', swap: 'outerHTML' })}>Cancel</a></td></tr>`
}
