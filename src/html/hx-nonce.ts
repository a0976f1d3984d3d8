import { currentNonce } from '../internal/render-nonce.ts'
import { escapeHtml } from './escape.ts'
import { SafeHtml } from './safe-html.ts'

/** ` hx-nonce="…"` for the response being rendered, or `''` outside a `csp()` request. */
export function nonceAttribute(): string {
  const nonce = currentNonce()
  return nonce === undefined ? '' : ` hx-nonce="${escapeHtml(nonce)}"`
}

/**
 * The `hx-nonce` attribute htmx 4's `hx-csp` extension requires on every element with htmx
 * attributes, for htmx attributes written by hand (`hx()` adds it itself). Renders nothing when
 * `csp()` is not mounted, so the markup stays the same outside a request.
 *
 * @returns ` hx-nonce="<this response's nonce>"`, or empty markup
 * @see docs/csp.md
 * @example
 * html`<button type="button" hx-on:click="this.form.reset()"${hxNonce()}>Clear</button>`
 */
export function hxNonce(): SafeHtml {
  return new SafeHtml(nonceAttribute())
}
