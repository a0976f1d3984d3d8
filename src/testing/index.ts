/** @module Testing htmx apps: requests exactly as htmx sends them, htmx-aware matchers, page/fragment parity and the dead-hypermedia check (the browser half is hxkit/testing/playwright). */
export { cspMatchers } from './csp-matchers.ts'
export type { MatcherResult } from './csp-matchers.ts'
export {
  htmx2BoostedHeaders,
  htmx2Headers,
  htmx2HistoryRestoreHeaders,
  htmx4BoostedHeaders,
  htmx4Element,
  htmx4Headers,
  htmx4HistoryRestoreHeaders,
} from './headers.ts'
export type { HeaderRecord, Htmx2HeaderOptions, Htmx4HeaderOptions } from './headers.ts'
export { checkHypermedia } from './hypermedia.ts'
export type {
  HypermediaApp,
  HypermediaFinding,
  HypermediaOptions,
  HypermediaReport,
} from './hypermedia.ts'
export { htmxMatchers } from './matchers.ts'
export type { HtmxMatcherFunctions, HtmxMatchers } from './matchers.ts'
export { htmxRequest, noJsRequest, plainRequest } from './request.ts'
export type { EnqueuedTasks } from './task-matchers.ts'
export type { BaseRequestOptions, FormFields, HtmxRequestOptions } from './request.ts'
// one implementation, in hxkit/views (pages own their partials); re-exported for tests
export { checkPartialParity } from '../views/index.ts'
export type { PartialParity, RequestableApp } from '../views/index.ts'
