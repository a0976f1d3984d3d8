/** @module hxkit: pages with named partials, the `html` renderer, the htmx protocol layer and strict CSP for hono. */
export * from './csp/index.ts'
export * from './forms/index.ts'
export * from './html/index.ts'
export * from './htmx/index.ts'
export * from './partials/index.ts'
export * from './views/index.ts'
