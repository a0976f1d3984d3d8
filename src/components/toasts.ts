import { html } from '../html/index.ts'
import type { SafeHtml } from '../html/index.ts'
import { hxPartial } from '../partials/index.ts'

/** A toast's kind: `error` toasts are `role="alert"` and stay until dismissed. */
export type ToastKind = 'info' | 'success' | 'error'

/** One message for the toast region. */
export interface ToastMessage {
  readonly message: string
  readonly kind?: ToastKind | undefined
}

/** The id of the layout's toast region. */
export const TOAST_REGION_ID = 'toasts'

/**
 * One toast: the message (escaped) and a Dismiss button. Errors are `role="alert"` (announced at
 * once, never hidden by a timer); the others are announced by the region (`role="status"`) and
 * `hxkit.js` removes them after a few seconds, unless the pointer or the focus is on them.
 *
 * @param toast - the message and its kind
 * @see docs/components.md
 * @example
 * toastItem({ message: 'Order saved', kind: 'success' })
 */
export function toastItem(toast: ToastMessage): SafeHtml {
  const kind = toast.kind ?? 'info'
  const role = kind === 'error' ? html` role="alert"` : ''
  return html`<div class="hx-toast hx-toast--${kind}"${role}><p>${toast.message}</p><button type="button" class="hx-toast-close" data-hxkit-dismiss aria-label="Dismiss">×</button></div>`
}

/**
 * The toast region for the layout: one polite live region (`role="status"`,
 * `aria-atomic="false"` so a new toast does not re-read the others) that exists before the first
 * toast, so screen readers announce what is added. Pass the messages to show on arrival (flash
 * messages from a redirect: `takeFlashes(c)`).
 *
 * @param [initial=[]] - toasts rendered inside at once
 * @see docs/components.md
 * @example
 * html`<body>${toastRegion(takeFlashes(c))}<main>…</main></body>`
 */
export function toastRegion(initial: readonly ToastMessage[] = []): SafeHtml {
  return html`<div id="${TOAST_REGION_ID}" class="hx-toasts" role="status" aria-live="polite" aria-atomic="false">${initial.map(toastItem)}</div>`
}

/**
 * Toasts for any htmx response: an `<hx-partial>` block appending them to the layout's region.
 * Add it to a response body next to the main content (htmx 4 and htmx 2.0.11+ apply it).
 *
 * @param messages - the toasts
 * @see docs/components.md
 * @example
 * return c.html(html`${row}${toasts({ message: 'Order shipped', kind: 'success' })}`.value)
 */
export function toasts(...messages: readonly ToastMessage[]): SafeHtml {
  return hxPartial(
    { selector: `#${TOAST_REGION_ID}` },
    html`${messages.map(toastItem)}`,
    'beforeend'
  )
}
