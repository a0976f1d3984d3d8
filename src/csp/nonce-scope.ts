// The one place that keeps the response's nonce across the awaits of a request, so `hx()` can
// stamp `hx-nonce` without being handed the context: hono has no per-request store that a plain
// function can read, and passing `c` to every builder would make each component take it.
import { AsyncLocalStorage } from 'node:async_hooks'
import { setNonceSource } from '../internal/render-nonce.ts'

const store = new AsyncLocalStorage<string>()
setNonceSource(() => store.getStore())

/**
 * Runs `fn` (and everything it awaits) with `nonce` as the current response's nonce, so `hx()`,
 * `hxNonce()` and `hxPartial()` stamp it. `csp()` does this for each request; call it yourself
 * only for markup rendered outside the request that carries the nonce (hxkit/live renders its
 * stream messages this way).
 *
 * @param nonce - the nonce to stamp
 * @param fn - the rendering to run
 * @returns what `fn` returns
 * @see docs/csp.md
 * @example
 * const markup = runWithNonce(getNonce(c), () => hx({ get: '/orders' }))
 */
export function runWithNonce<T>(nonce: string, fn: () => T): T {
  return store.run(nonce, fn)
}
