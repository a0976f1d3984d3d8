/** @module The htmx protocol layer: request parsing, response headers, the redirect contract. */
export * from './headers.ts'
export { HTMX_REQUEST_HEADERS, parseHtmxElement, parseHtmxRequest } from './request.ts'
export type { HtmxElement, HtmxRequest } from './request.ts'
