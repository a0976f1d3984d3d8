/** @module The htmx protocol layer: request parsing, response headers, the redirect contract. */
import type { HtmxRequest } from './request.ts'

export * from './headers.ts'
export { getHtmx } from './get-htmx.ts'
export { clientLocation, clientRedirect, clientRefresh, serializeLocation } from './location.ts'
export type { LocationOptions, LocationSpec } from './location.ts'
export { htmx } from './middleware.ts'
export type { HtmxOptions, HtmxVariables } from './middleware.ts'
export { stopPolling } from './polling.ts'
export { redirectTo } from './redirect.ts'
export type { RedirectMode, RedirectStatus } from './redirect.ts'
export { HTMX_REQUEST_HEADERS, parseHtmxElement, parseHtmxRequest } from './request.ts'
export type { HtmxElement, HtmxRequest } from './request.ts'
export { setPushUrl, setReplaceUrl, setReselect, setReswap, setRetarget } from './response.ts'
export { serializeSwap } from './swap.ts'
export { addTrigger, serializeTriggers } from './triggers.ts'
export type { JsonValue, TriggerMap } from './triggers.ts'
export type { UrlOptions } from './url.ts'

declare module 'hono' {
  interface ContextVariableMap {
    /**
     * The parsed htmx request, or `null` when it is not one; `undefined` when `htmx()` is not
     * mounted (`getHtmx(c)` then throws, saying so).
     */
    htmx: HtmxRequest | null | undefined
  }
}
