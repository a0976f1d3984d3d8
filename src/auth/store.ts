// Server-side session storage: the interface, and the store on the app's SQLite file.
import { checkKeys } from '../internal/options.ts'
import type { SqliteDatabase } from '../internal/sqlite.ts'
import { liveSession, sessionDigest as digest } from './stored-session.ts'
import type { StoredSession } from './stored-session.ts'

/** One session as stored: who, since when, last seen when (ms since the epoch). */
export interface SessionRecord {
  /** Random, 256 bits, base64url; only its SHA-256 reaches a server-side store. */
  readonly id: string
  readonly userId: string
  readonly createdAt: number
  readonly lastSeenAt: number
}

/**
 * Where revocable sessions live (`sessions({ store })`). The cookie then holds only the signed
 * session id; deleting the record ends the session at once, on every device. A store that cannot
 * answer (its server is down) throws `RedisUnavailable`: the guards then answer 503.
 */
export interface SessionStore {
  get(id: string): SessionRecord | undefined | Promise<SessionRecord | undefined>
  /**
   * Stores a new record (`lastSeenAt === createdAt`), or refreshes a stored one, to be forgotten
   * after `expiresAt`. A refresh of a record no longer stored does nothing, so a session revoked
   * while a request was under way stays revoked.
   */
  set(record: SessionRecord, expiresAt: number): void | Promise<void>
  delete(id: string): void | Promise<void>
  /** Deletes every session of a user (a password change, a removed account); returns how many. */
  deleteUser(userId: string): number | Promise<number>
}

const TABLE = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/

/**
 * Sessions in a table of the app's SQLite file (better-sqlite3), created on first use. Rows are
 * keyed by the SHA-256 of the session id, so a copy of the table lets nobody in; expired rows are
 * deleted as new sessions are written.
 *
 * @param db - the app's better-sqlite3 handle
 * @param [options] - `table` (default `hxkit_sessions`)
 * @throws TypeError for a table name that is not a plain identifier
 * @see docs/auth.md
 * @example
 * const auth = sessions({ secret, store: sqliteSessionStore(db), loadUser })
 * await auth.revokeUser('42') // signs user 42 out everywhere
 */
export function sqliteSessionStore(
  db: SqliteDatabase,
  options: { readonly table?: string | undefined } = {}
): SessionStore {
  checkKeys('sqliteSessionStore()', options, ['table'])
  const table = options.table ?? 'hxkit_sessions'
  if (!TABLE.test(table)) {
    throw new TypeError('sqliteSessionStore(): "table" must be letters, digits and _')
  }
  db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS ${table}_user ON ${table}(user_id);
  CREATE INDEX IF NOT EXISTS ${table}_expires ON ${table}(expires_at);`)
  const get = db.prepare(`SELECT user_id AS userId, created_at AS createdAt,
    last_seen_at AS lastSeenAt, expires_at AS expiresAt FROM ${table} WHERE id_hash = ?`)
  const set =
    db.prepare(`INSERT INTO ${table} (id_hash, user_id, created_at, last_seen_at, expires_at)
    VALUES (?, ?, ?, ?, ?) ON CONFLICT (id_hash) DO UPDATE SET last_seen_at = excluded.last_seen_at,
    expires_at = excluded.expires_at`)
  const refresh = db.prepare(
    `UPDATE ${table} SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?`
  )
  const purge = db.prepare(`DELETE FROM ${table} WHERE expires_at <= ?`)
  const remove = db.prepare(`DELETE FROM ${table} WHERE id_hash = ?`)
  const removeUser = db.prepare(`DELETE FROM ${table} WHERE user_id = ?`)
  return {
    get(id) {
      return liveSession(id, get.get(digest(id)) as StoredSession | undefined, Date.now())
    },
    set(record, expiresAt) {
      purge.run(Date.now())
      if (record.lastSeenAt > record.createdAt) {
        refresh.run(record.lastSeenAt, expiresAt, digest(record.id))
      } else {
        set.run(digest(record.id), record.userId, record.createdAt, record.lastSeenAt, expiresAt)
      }
    },
    delete(id) {
      remove.run(digest(id))
    },
    deleteUser(userId) {
      return removeUser.run(userId).changes
    },
  }
}
