/** @module Named partials: a loader and a wrapper element per region, and `<hx-partial>` blocks. */
export { hxPartial } from './hx-partial.ts'
export { partial } from './partial.ts'
export type { NamedPartial, PartialLoader, PartialOptions } from './partial.ts'
export type { WrapperAttributeValue } from './validate.ts'
