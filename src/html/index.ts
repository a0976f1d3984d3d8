/** @module The renderer: the `html` tag, `SafeHtml`, `raw()`, escaping and the attribute builders `attrs()` and `hx()`. */
export { attrs } from './attrs.ts'
export type { AttrValue, Attributes } from './attrs.ts'
export type { ClassValue } from './class-names.ts'
export { escapeHtml } from './escape.ts'
export { html, render } from './html.ts'
export type { HonoEscaped, HtmlResult, HtmlValue, Renderable } from './html.ts'
export { hx } from './hx.ts'
export { hxNonce } from './hx-nonce.ts'
export type {
  HxAppendable,
  HxDelay,
  HxScroll,
  HxInheritable,
  HxOptions,
  HxScalar,
  HxStatus,
  HxStatusPattern,
  HxSwap,
  HxSwapSpec,
  HxSwapStyle,
  PartialLike,
} from './hx-types.ts'
export { SafeHtml, isSafeHtml, raw } from './safe-html.ts'
