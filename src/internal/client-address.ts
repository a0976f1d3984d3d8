import type { Context } from 'hono'

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: unknown } }
}

/**
 * The client's address as the socket reports it (`@hono/node-server`'s `c.env.incoming`), or
 * `'unknown'` elsewhere (`app.request()` in tests without an env). Behind a proxy every request
 * comes from the proxy: pass your own `clientAddress` (reading the header your proxy sets) to
 * the rate limits instead.
 *
 * @param c - the hono context
 * @returns the address, such as `'203.0.113.7'` or `'::1'`
 * @see docs/auth.md
 * @example
 * const key = `ip:${clientAddress(c)}`
 */
export function clientAddress(c: Context): string {
  const env = c.env as NodeBindings | undefined
  const address = env?.incoming?.socket?.remoteAddress
  return typeof address === 'string' && address !== '' ? address : 'unknown'
}
