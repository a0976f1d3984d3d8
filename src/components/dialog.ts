import type { Context } from 'hono'
import { html, hx } from '../html/index.ts'
import type { SafeHtml } from '../html/index.ts'
import { addTrigger } from '../htmx/index.ts'
import type { SyncHtml } from './markup.ts'

/** The event `hxkit.js` closes a dialog on (sent with `HX-Trigger` by `closeDialog()`). */
export const DIALOG_CLOSE_EVENT = 'hxkit:dialog-close'

/** What `dialog()` takes. */
export interface DialogProps {
  readonly id: string
  readonly title: string
  /** The body; usually empty, loaded by `dialogButton()`. */
  readonly body?: SyncHtml
  /** Open as soon as it is on the page (a server-opened dialog; `hxkit.js` calls `showModal()`). */
  readonly open?: boolean | undefined
}

/**
 * A native modal `<dialog>`, named by its visible title, with a Close button
 * (`commandfor`/`command="close"`: no script) and a body (`#<id>-body`) that `dialogButton()`
 * loads with htmx. The browser gives it the modal behaviour: the rest of the page inert, Escape
 * to close, focus back on the opener.
 *
 * @param props - id, title, body, open
 * @see docs/components.md
 * @example
 * html`${dialog({ id: 'edit-order', title: 'Edit order' })}`
 */
export function dialog(props: DialogProps): SafeHtml {
  const open = props.open === true ? html` data-hxkit-open` : ''
  return html`<dialog id="${props.id}" class="hx-dialog" aria-labelledby="${props.id}-title"${open}><div class="hx-dialog-head"><h2 id="${props.id}-title">${props.title}</h2><button type="button" class="hx-dialog-close" commandfor="${props.id}" command="close" aria-label="Close">×</button></div><div id="${props.id}-body" class="hx-dialog-body">${props.body}</div></dialog>`
}

/** What `dialogButton()` takes. */
export interface DialogButtonProps {
  /** The dialog's id. */
  readonly dialog: string
  /** The URL of the dialog's body (a fragment, e.g. the edit form). */
  readonly get: string
  readonly label: SyncHtml
  readonly class?: string | undefined
}

/**
 * The button that opens a dialog (`commandfor` + `command="show-modal"`: the browser opens it, no
 * script) and loads its body with htmx (`hx-get` into `#<dialog>-body`). `hxkit.js` opens it in
 * browsers without invoker commands.
 *
 * @param props - the dialog's id, the body's URL, the label
 * @see docs/components.md
 * @example
 * dialogButton({ dialog: 'edit-order', get: `/orders/${id}/edit?dialog=1`, label: 'Edit' })
 */
export function dialogButton(props: DialogButtonProps): SafeHtml {
  const cls = props.class === undefined ? '' : html` class="${props.class}"`
  return html`<button type="button"${cls} commandfor="${props.dialog}" command="show-modal"${hx({ get: props.get, target: `#${props.dialog}-body`, swap: 'innerHTML' })}>${props.label}</button>`
}

/**
 * Closes a dialog after this response: `HX-Trigger: {"hxkit:dialog-close":{"target":"#id"}}`,
 * which `hxkit.js` handles (htmx 4 dispatches it after the swap). Send the updated rows and a
 * toast as `<hx-partial>` blocks in the same response.
 *
 * @param c - the context
 * @param id - the dialog's id
 * @see docs/components.md
 * @example
 * closeDialog(c, 'edit-order')
 * return c.html(html`${toasts({ message: 'Saved', kind: 'success' })}`.value)
 */
export function closeDialog(c: Context, id: string): void {
  addTrigger(c, DIALOG_CLOSE_EVENT, { target: `#${id}` })
}
