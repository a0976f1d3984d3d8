/** @module The renderer: the `html` tag, `SafeHtml`, `raw()` and escaping. */
export { escapeHtml } from './escape.ts'
export { html, render } from './html.ts'
export type { HonoEscaped, HtmlResult, HtmlValue, Renderable } from './html.ts'
export { SafeHtml, isSafeHtml, raw } from './safe-html.ts'
