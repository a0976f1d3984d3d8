import { html, hx } from '../html/index.ts'
import type { SafeHtml } from '../html/index.ts'
import { TOAST_REGION_ID } from './toasts.ts'

/** What `rowActions()` takes. */
export interface RowActionsProps {
  /** What the row is, for the buttons' accessible names ("Edit order 7"). */
  readonly label: string
  /** Inline edit: `get` answers the edit row; `href` is the edit page without JavaScript. */
  readonly edit?: { readonly get: string; readonly href: string } | undefined
  /** Delete: the URL (DELETE with htmx, POST from the form without it) and the confirm question. */
  readonly delete?:
    | { readonly url: string; readonly confirm: string; readonly post?: string | undefined }
    | undefined
  /**
   * The row sits inside a form (a table with bulk actions): forms cannot nest, so Delete is a
   * submit button with `formaction` instead of a form of its own. @default false
   */
  readonly nested?: boolean | undefined
}

// On 4xx/5xx the answer (an error toast) goes to the toast region and the row stays:
// hx-swap="delete" removes the target whatever the body, so the status must redirect it.
const KEEP = `target:#${TOAST_REGION_ID} swap:beforeend`

/**
 * A row's Edit and Delete controls. Edit is a link to the edit page that htmx turns into an
 * inline edit (GET the edit row, swap the row). Delete is a form (POST without JavaScript) whose
 * button sends DELETE with `hx-confirm` (shown as the kit's accessible dialog by `hxkit.js`) and
 * `hx-swap="delete"` on the row, guarded with `hx-status:4xx` and `hx-status:5xx`, so an error
 * answer lands in the toast region and the row stays. Answer a successful DELETE with
 * `toasts(…)` (the row is removed, the toast appended).
 *
 * @param props - label, edit URLs, delete URL and question
 * @see docs/components.md
 * @example
 * rowActions({ label: `order ${o.id}`, edit: { get: `/orders/${o.id}/row/edit`, href: `/orders/${o.id}/edit` },
 *   delete: { url: `/orders/${o.id}`, confirm: `Delete order ${o.id}?` } })
 */
export function rowActions(props: RowActionsProps): SafeHtml {
  const edit =
    props.edit === undefined
      ? ''
      : html`<a class="hx-button" href="${props.edit.href}"${hx({ get: props.edit.get, target: 'closest tr', swap: 'outerHTML' })}>Edit<span class="visually-hidden"> ${props.label}</span></a>`
  const del = props.delete
  if (del === undefined) {
    return html`${edit}`
  }
  const action = del.post ?? `${del.url}/delete`
  const nested = props.nested === true
  const button = html`<button type="submit" class="hx-button hx-danger"${nested ? html` formaction="${action}" formmethod="post"` : ''}${hx(
    {
      delete: del.url,
      confirm: del.confirm,
      target: 'closest tr',
      swap: 'delete',
      status: { '4xx': KEEP, '5xx': KEEP },
    }
  )}>Delete<span class="visually-hidden"> ${props.label}</span></button>`
  const remove = nested
    ? button
    : html`<form class="hx-inline" method="post" action="${action}">${button}</form>`
  return html`${edit}${remove}`
}
