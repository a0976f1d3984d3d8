// The signed-in user as a hand-written app finds it, for the hand-built candidates: the demo's
// session cookie (the session id and a 128-bit HMAC-SHA256 tag over purpose, cookie name and id)
// checked with node:crypto, the id's SHA-256 looked up in the demo's session table, then the
// user's row — the same reads the demo's session middleware makes, without a framework.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { DemoDb } from '../../demo/db.ts'

/** Who is signed in, as the layout shows it. */
export interface HandUser {
  name: string
  role: string
}

const COOKIE = /(?:^|;\s*)hxkit_session=([^;]*)/

/**
 * Builds the session check for one demo database.
 *
 * @param db - the demo database the demo app signed its viewer into
 * @returns the user for a request's `Cookie` header, or null
 * @example
 * const userOf = handSessions(db)
 * userOf(req.headers.cookie) // { name: 'Viewer User', role: 'viewer' }
 */
export function handSessions(db: DemoDb): (cookie: string | undefined) => HandUser | null {
  const sqlite = db.sqlite()
  const secret = sqlite
    .prepare("SELECT value FROM demo_settings WHERE key = 'session_secret'")
    .pluck()
    .get() as string
  const session = sqlite.prepare(
    'SELECT user_id AS userId, expires_at AS expiresAt FROM hxkit_sessions WHERE id_hash = ?'
  )
  const user = sqlite.prepare('SELECT name, role FROM users WHERE id = ?')
  return (cookie) => {
    const raw = cookie === undefined ? undefined : COOKIE.exec(cookie)?.[1]
    if (raw === undefined) {
      return null
    }
    const value = decodeURIComponent(raw)
    const dot = value.lastIndexOf('.')
    const id = value.slice(0, dot)
    const signature = Buffer.from(value.slice(dot + 1), 'base64url')
    const expected = createHmac('sha256', secret)
      .update(`hxkit-session\nhxkit_session\n${id}`)
      .digest()
      .subarray(0, 16)
    if (dot < 1 || signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
      return null
    }
    const row = session.get(createHash('sha256').update(id).digest('base64url')) as
      { userId: string; expiresAt: number } | undefined
    if (row === undefined || row.expiresAt <= Date.now()) {
      return null
    }
    return (user.get(Number(row.userId)) as HandUser | undefined) ?? null
  }
}
