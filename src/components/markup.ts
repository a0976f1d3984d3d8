import type { SafeHtml } from '../html/index.ts'

type Piece = string | number | boolean | null | undefined | SafeHtml

/** What a component slot accepts: text (escaped), numbers, markup, a list of them; never a promise. */
export type SyncHtml = Piece | readonly Piece[]
