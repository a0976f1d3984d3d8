// The kit's one HMAC-SHA256 signer: keyset cursors, bulk scopes, flash cookies and the session id
// of a server-side session store. node:crypto (synchronous) rather than Web Crypto (asynchronous
// only, and hono's signed-cookie helpers import the key again on every call): a cursor is decoded
// while a page renders and a session is read on every request, where an await or a key import
// would cost more than the hash.
import { createHmac, timingSafeEqual } from 'node:crypto'

/** Signs payloads for one purpose; see `signer()`. */
export interface Signer {
  /** `payload` + `.` + a 128-bit tag over `purpose`, `payload` and `context`. */
  sign(payload: string, context: string): string
  /** The payload of a token signed for `context`, or null when it was altered or made elsewhere. */
  verify(token: string, context: string): string | null
}

/** The secret of a signer, checked: a string of at least 16 characters. */
export function checkSecret(caller: string, secret: unknown): string {
  if (typeof secret !== 'string' || secret.length < 16) {
    throw new TypeError(`${caller}: "secret" must be a string of at least 16 characters`)
  }
  return secret
}

/**
 * A signer for `purpose` (cursors, bulk scopes, flashes, sessions: a token made for one is
 * refused by the others). With several secrets, the first signs and every one verifies, so a
 * secret can be rotated without refusing what the previous one signed.
 */
export function signer(secret: string | readonly string[], purpose: string): Signer {
  if (typeof secret !== 'string') {
    const all = secret.map((one) => signer(one, purpose))
    const first = all[0] as Signer
    return {
      sign: (payload, context) => first.sign(payload, context),
      verify(token, context) {
        for (const one of all) {
          const payload = one.verify(token, context)
          if (payload !== null) {
            return payload
          }
        }
        return null
      },
    }
  }
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
