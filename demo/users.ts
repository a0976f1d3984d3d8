// The demo's accounts: one user per role, seeded at first start, and the session secret.
import type { Database } from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { hashPassword } from '../src/auth/index.ts'
import type { AuthUser } from '../src/auth/index.ts'

/** The demo's roles, weakest first: each role has the rights of those before it. */
export const ROLES = ['viewer', 'operator', 'admin'] as const

/** One role. */
export type Role = (typeof ROLES)[number]

/** A signed-in demo user. */
export interface DemoUser extends AuthUser {
  readonly name: string
  readonly email: string
  /** The role the account was given. */
  readonly role: Role
}

/** A user row with its password hash, for the login check. */
export interface UserRecord extends DemoUser {
  readonly passwordHash: string
}

/** The accounts' queries. */
export interface UserStore {
  find(id: string): DemoUser | null
  byEmail(email: string): UserRecord | null
  list(): DemoUser[]
  /** The id of the seeded user of a role. */
  idOf(role: Role): string
  /** The session secret: `SESSION_SECRET`, or one made at first start and kept in the database. */
  secret(): string
}

/** How the seeded users are made: passwords (default `DEMO_<ROLE>_PASSWORD` or random), scrypt cost, where to print. */
export interface SeedUsersOptions {
  readonly passwords?: Partial<Record<Role, string>> | undefined
  readonly hashCost?: number | undefined
  readonly log?: ((line: string) => void) | undefined
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN (${ROLES.map((r) => `'${r}'`).join(', ')})),
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS demo_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`

interface Row {
  id: number
  email: string
  name: string
  role: Role
  passwordHash: string
}

const SELECT = 'SELECT id, email, name, role, password_hash AS passwordHash FROM users'

function toUser(row: Row): UserRecord {
  const rank = ROLES.indexOf(row.role)
  return {
    id: String(row.id),
    email: row.email,
    name: row.name,
    role: row.role,
    roles: ROLES.slice(0, rank + 1),
    passwordHash: row.passwordHash,
  }
}

function publicUser({ passwordHash: _hash, ...user }: UserRecord): DemoUser {
  return user
}

/**
 * Creates the users table and, when it is empty, one user per role (`viewer@example.com`, …)
 * with the passwords given, from `DEMO_VIEWER_PASSWORD` etc., or random ones printed once.
 *
 * @param db - the demo database handle
 * @param options - passwords, scrypt cost, where to print
 * @example
 * const users = await seedUsers(db.sqlite(), { passwords: { admin: 'admin-password' } })
 */
export async function seedUsers(db: Database, options: SeedUsersOptions = {}): Promise<UserStore> {
  db.exec(SCHEMA)
  const count = db.prepare('SELECT COUNT(*) FROM users').pluck().get() as number
  if (count === 0) {
    const created: string[] = []
    const rows: [Role, string, string][] = []
    for (const role of ROLES) {
      const given = options.passwords?.[role] ?? process.env[`DEMO_${role.toUpperCase()}_PASSWORD`]
      const password = given ?? randomBytes(12).toString('base64url')
      const hash = await hashPassword(password, { cost: options.hashCost })
      rows.push([role, password, hash])
      if (given === undefined) {
        created.push(`  ${role}@example.com  ${password}`)
      }
    }
    const insert = db.prepare(
      'INSERT OR IGNORE INTO users (email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)'
    )
    db.transaction(() => {
      for (const [role, , hash] of rows) {
        const name = role.charAt(0).toUpperCase() + role.slice(1)
        insert.run(`${role}@example.com`, `${name} User`, role, hash, new Date().toISOString())
      }
    })()
    if (created.length > 0) {
      const log = options.log ?? console.log
      log(
        `hxkit demo: created one user per role (shown once; set DEMO_<ROLE>_PASSWORD to choose):\n${created.join('\n')}`
      )
    }
  }
  const byId = db.prepare(`${SELECT} WHERE id = ?`)
  const byEmail = db.prepare(`${SELECT} WHERE email = ? COLLATE NOCASE`)
  const all = db.prepare(`${SELECT} ORDER BY id`)
  const setting = db.prepare('SELECT value FROM demo_settings WHERE key = ?').pluck()
  const keep = db.prepare('INSERT OR IGNORE INTO demo_settings (key, value) VALUES (?, ?)')
  return {
    find(id) {
      const row = /^[1-9]\d{0,9}$/.test(id) ? (byId.get(Number(id)) as Row | undefined) : undefined
      return row === undefined ? null : publicUser(toUser(row))
    },
    byEmail(email) {
      const row = byEmail.get(email) as Row | undefined
      return row === undefined ? null : toUser(row)
    },
    list: () => (all.all() as Row[]).map((row) => publicUser(toUser(row))),
    idOf(role) {
      return (byEmail.get(`${role}@example.com`) as Row | undefined)?.id.toString() ?? ''
    },
    secret() {
      const fromEnv = process.env['SESSION_SECRET']
      if (fromEnv !== undefined && fromEnv !== '') {
        return fromEnv
      }
      keep.run('session_secret', randomBytes(32).toString('base64url'))
      return setting.get('session_secret') as string
    },
  }
}
