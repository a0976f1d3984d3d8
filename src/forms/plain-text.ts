// Text that renders as what it says: no control characters, no bidirectional overrides.

// C0 controls (tab, LF and CR kept apart), DEL, C1 controls, and the bidirectional formatting
// characters: ALM, LRM, RLM, LRE/RLE/PDF/LRO/RLO (U+202A–U+202E), LRI/RLI/FSI/PDI (U+2066–U+2069),
// and the line and paragraph separators.
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- control characters are what it finds
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/u
// tab, LF and CR, refused on one line
const LINE_BREAKS = /[\t\n\r]/

/** The message the demo and the docs use with `isPlainText`. */
export const PLAIN_TEXT_MESSAGE = 'Remove control or text-direction characters'

/**
 * Whether `value` is plain text: no control characters (C0, DEL, C1) and no bidirectional
 * overrides or isolates (U+202E and friends), which can make a name read backwards in a table
 * or hide part of it. Tab, LF and CR pass only with `multiline`. Use it as a refinement with any
 * schema library.
 *
 * @param value - the submitted text
 * @param [options] - `multiline`: allow tab, LF and CR (a textarea)
 * @returns `true` when the text is safe to show as it is
 * @see docs/forms.md
 * @example
 * const name = z.string().trim().min(2).refine((v) => isPlainText(v), PLAIN_TEXT_MESSAGE)
 * const notes = z.string().refine((v) => isPlainText(v, { multiline: true }), PLAIN_TEXT_MESSAGE)
 */
export function isPlainText(value: string, options: { multiline?: boolean } = {}): boolean {
  return !UNSAFE.test(value) && (options.multiline === true || !LINE_BREAKS.test(value))
}
