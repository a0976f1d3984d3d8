/** @module hxkit: pages with named partials, the `html` renderer and the htmx protocol layer for hono. */
export * from './html/index.ts'
