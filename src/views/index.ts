/** @module Pages made of named partials: negotiation, layouts, Vary/Cache-Control, parity checks. */
export { negotiate } from './negotiate.ts'
export type { Negotiation } from './negotiate.ts'
export { page } from './page.ts'
export type { Layout, Page, PageOptions, RenderedParts } from './page.ts'
export { checkPartialParity } from './parity.ts'
export type { PartialParity, RequestableApp } from './parity.ts'
