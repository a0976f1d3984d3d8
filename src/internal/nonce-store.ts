// The CSP nonce of the response being rendered, for the attribute builders (`hx()` stamps
// `hx-nonce` from it). `csp()` runs the rest of the request inside `runWithNonce()`; outside a
// request there is no nonce and the builders stay pure.
import { AsyncLocalStorage } from 'node:async_hooks'

const store = new AsyncLocalStorage<string>()

/**
 * Runs `fn` (and everything it awaits) with `nonce` as the current response's nonce.
 *
 * @param nonce - the response's CSP nonce
 * @param fn - the rest of the request
 * @returns what `fn` returns
 * @example
 * await runWithNonce(nonce, () => next())
 */
export function runWithNonce<T>(nonce: string, fn: () => T): T {
  return store.run(nonce, fn)
}

/**
 * The nonce of the response being rendered, or `undefined` outside `runWithNonce()`.
 *
 * @example
 * const nonce = currentNonce() // undefined in a unit test without csp()
 */
export function currentNonce(): string | undefined {
  return store.getStore()
}
