/** @module hxkit: pages with named partials, the `html` renderer, the htmx protocol layer, forms, strict CSP and the security middleware for hono (`hxkit/server` is its own entry: it needs @hono/node-server). */
export * from './csp/index.ts'
export * from './forms/index.ts'
export * from './html/index.ts'
export * from './htmx/index.ts'
export * from './partials/index.ts'
export * from './security/index.ts'
export * from './views/index.ts'
