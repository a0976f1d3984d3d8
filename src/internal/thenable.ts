// The one test for "is this a promise (or another thenable)?", for code that awaits only when it
// has to: an await of a plain value still costs a promise and a microtask turn.

/**
 * True for a promise or any other thenable.
 *
 * @param value - anything
 * @example
 * const user = isThenable(loaded) ? await loaded : loaded
 */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}
