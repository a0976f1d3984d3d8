import { HTTPException } from 'hono/http-exception'
import { checkKeys } from '../internal/options.ts'
import { checkSecret, signer } from '../internal/sign.ts'

/** A keyset position: the sort values of one row, its primary key last. */
export type CursorKey = readonly (string | number | null)[]

/** Encodes and decodes opaque, signed keyset cursors; made by `cursorCodec()`. */
export interface CursorCodec {
  /** An opaque token for `key`, valid only for the same `scope` (the list's filters and sort). */
  encode(key: CursorKey, scope?: string): string
  /** The key of a token; altered, foreign or malformed tokens answer 400. */
  decode(token: string, scope?: string): CursorKey
}

function isKey(value: unknown): value is CursorKey {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= 8 &&
    value.every(
      (v) => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))
    )
  )
}

/**
 * Makes the codec for keyset cursors: the row's sort values as base64url JSON plus an HMAC-SHA256
 * tag over them and the list's scope, so a cursor cannot be edited, nor reused under another
 * filter or sort (either answers 400, never a 500 or a wrong page).
 *
 * @param options - `secret`: at least 16 characters, the same on every server of the app
 * @returns the codec
 * @see docs/pagination.md
 * @example
 * const cursors = cursorCodec({ secret: process.env.CURSOR_SECRET })
 * const token = cursors.encode(['2026-11-30T10:00:00Z', 5123], 'status=shipped')
 * cursors.decode(token, 'status=shipped') // ['2026-11-30T10:00:00Z', 5123]
 */
export function cursorCodec(options: { secret: string }): CursorCodec {
  checkKeys('cursorCodec()', options, ['secret'])
  const sign = signer(checkSecret('cursorCodec()', options.secret), 'hxkit-cursor')
  return {
    encode(key, scope = '') {
      if (!isKey(key)) {
        throw new TypeError('cursorCodec(): a key is 1 to 8 strings, finite numbers or nulls')
      }
      return sign.sign(Buffer.from(JSON.stringify(key)).toString('base64url'), scope)
    },
    decode(token, scope = '') {
      const payload = sign.verify(token, scope)
      let key: unknown = undefined
      if (payload !== null) {
        try {
          key = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
        } catch {
          key = undefined
        }
      }
      if (!isKey(key)) {
        throw new HTTPException(400, {
          message: 'Bad cursor: it was changed, or belongs to another list',
        })
      }
      return key
    },
  }
}
