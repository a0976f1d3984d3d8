// HMAC-SHA256 signing for cursors and bulk scopes. node:crypto (synchronous) rather than Web Crypto
// (asynchronous only): a cursor is decoded while a page renders, and an await per link would cost more
// than the hash.
import { createHmac, timingSafeEqual } from 'node:crypto'

export interface Signer {
  /** `payload` + `.` + a 128-bit tag over `purpose`, `payload` and `context`. */
  sign(payload: string, context: string): string
  /** The payload of a token signed for `context`, or null when it was altered or made elsewhere. */
  verify(token: string, context: string): string | null
}

export function checkSecret(caller: string, secret: unknown): string {
  if (typeof secret !== 'string' || secret.length < 16) {
    throw new TypeError(`${caller}: "secret" must be a string of at least 16 characters`)
  }
  return secret
}

export function signer(secret: string, purpose: string): Signer {
  const tag = (payload: string, context: string): Buffer =>
    createHmac('sha256', secret)
      .update(`${purpose}\n${context}\n${payload}`)
      .digest()
      .subarray(0, 16)
  return {
    sign: (payload, context) => `${payload}.${tag(payload, context).toString('base64url')}`,
    verify(token, context) {
      const dot = token.lastIndexOf('.')
      if (dot < 1) {
        return null
      }
      const payload = token.slice(0, dot)
      const given = Buffer.from(token.slice(dot + 1), 'base64url')
      const expected = tag(payload, context)
      return given.length === expected.length && timingSafeEqual(given, expected) ? payload : null
    },
  }
}
