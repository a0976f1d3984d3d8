// What every server-side session store shares: the stored key (a hash, never the id) and the
// expiry check on read, so the SQLite and Redis stores forget a session at the same moment.
import { createHash } from 'node:crypto'
import type { SessionRecord } from './store.ts'

/** A session as a store keeps it, without its id. */
export interface StoredSession {
  readonly userId: string
  readonly createdAt: number
  readonly lastSeenAt: number
  /** When the store forgets it: the earlier of the absolute and the idle expiry (ms). */
  readonly expiresAt: number
}

/** The key a store files a session under: the SHA-256 of its id, base64url. */
export const sessionDigest = (id: string): string =>
  createHash('sha256').update(id).digest('base64url')

/**
 * The record of session `id` as stored, or `undefined` once it expired (a store's clean-up may
 * run later than the moment it ends).
 */
export function liveSession(
  id: string,
  stored: StoredSession | undefined,
  now: number
): SessionRecord | undefined {
  return stored === undefined || stored.expiresAt <= now
    ? undefined
    : { id, userId: stored.userId, createdAt: stored.createdAt, lastSeenAt: stored.lastSeenAt }
}
