import type { SafeHtml } from '../html/index.ts'

// Per-state render bookkeeping, kept off the state so FormState stays plain data.
const focusPending = new WeakSet<object>()
const captures = new WeakMap<object, Map<string, SafeHtml>>()

/** After a failed submit, the first invalid field rendered for `state` gets `autofocus`. */
export function focusFirstError(state: object): void {
  focusPending.add(state)
}

/** Tells whether this invalid field takes the focus (once per state). */
export function takeFocus(state: object): boolean {
  return focusPending.delete(state)
}

/** Starts recording the fields rendered for `state` (live validation picks one of them). */
export function startCapture(state: object): Map<string, SafeHtml> {
  const fields = new Map<string, SafeHtml>()
  captures.set(state, fields)
  return fields
}

/** Records a rendered field when its state is being captured. */
export function capture(state: object, path: string, markup: SafeHtml): void {
  captures.get(state)?.set(path, markup)
}
