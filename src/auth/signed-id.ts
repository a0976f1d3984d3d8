// The cookie of a server-side session: its id signed with HMAC-SHA256, in hono's signed-cookie
// format (`id.base64(signature)`, so cookies signed by `setSignedCookie` stay valid), computed with
// node:crypto. hono's helpers import a WebCrypto key and await it on every call, which made the
// signature check the largest single cost of a signed-in request (docs/decisions.md).
import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto'
import type { KeyObject } from 'node:crypto'

// base64 of 32 bytes: 43 characters and one `=`
const SIGNATURE_LENGTH = 44

/** Signs ids with the first secret; opens ids signed with any (secret rotation). */
export interface IdSigner {
  /** `id.signature`, the cookie's value before URL encoding. */
  sign(id: string): string
  /** The id of a value `sign()` made with one of the secrets, else null. */
  open(value: string): string | null
}

/**
 * Builds a signer from secrets (newest first), each already checked.
 *
 * @param secrets - the session secrets
 * @example
 * const signer = createIdSigner(['a secret of at least thirty-two characters'])
 * signer.open(signer.sign('abc')) // 'abc'
 */
export function createIdSigner(secrets: readonly string[]): IdSigner {
  const keys: KeyObject[] = secrets.map((secret) => createSecretKey(Buffer.from(secret, 'utf8')))
  const mac = (key: KeyObject, id: string): Buffer => createHmac('sha256', key).update(id).digest()
  return {
    sign: (id) => `${id}.${mac(keys[0] as KeyObject, id).toString('base64')}`,
    open(value) {
      const dot = value.lastIndexOf('.')
      const signature = value.slice(dot + 1)
      if (dot < 1 || signature.length !== SIGNATURE_LENGTH || !signature.endsWith('=')) {
        return null
      }
      const given = Buffer.from(signature, 'base64')
      const id = value.slice(0, dot)
      for (const key of keys) {
        const expected = mac(key, id)
        if (given.length === expected.length && timingSafeEqual(given, expected)) {
          return id
        }
      }
      return null
    },
  }
}
