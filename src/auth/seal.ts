// Authenticated encryption of the session cookie: AES-256-GCM (node:crypto) with a key per secret
// derived by HKDF-SHA256. The cookie name is bound as associated data.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

const VERSION = 'v1.'
const IV_BYTES = 12
const TAG_BYTES = 16

/** Seals and opens values with the first secret; opens with any (key rotation). */
export interface Sealer {
  seal(plaintext: string, context: string): string
  open(sealed: string, context: string): string | null
}

function keyOf(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'hxkit-session', 'aes-256-gcm cookie', 32))
}

/** Builds a sealer from secrets (newest first), each already checked. */
export function createSealer(secrets: readonly string[]): Sealer {
  const keys = secrets.map(keyOf)
  const tryOpen = (key: Buffer, bytes: Buffer, context: string): string | null => {
    const iv = bytes.subarray(0, IV_BYTES)
    const tag = bytes.subarray(bytes.length - TAG_BYTES)
    const body = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
    decipher.setAAD(Buffer.from(context))
    decipher.setAuthTag(tag)
    try {
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')
    } catch {
      return null
    }
  }
  return {
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', keys[0] as Buffer, iv, {
        authTagLength: TAG_BYTES,
      })
      cipher.setAAD(Buffer.from(context))
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return VERSION + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')
    },
    open(sealed, context) {
      if (!sealed.startsWith(VERSION) || sealed.length > 8192) {
        return null
      }
      const bytes = Buffer.from(sealed.slice(VERSION.length), 'base64url')
      if (bytes.length < IV_BYTES + TAG_BYTES) {
        return null
      }
      for (const key of keys) {
        const opened = tryOpen(key, bytes, context)
        if (opened !== null) {
          return opened
        }
      }
      return null
    },
  }
}
