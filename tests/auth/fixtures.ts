// Shared set-up of the auth tests: a fresh SQLite file per test, and an app with sessions.
import Database from 'better-sqlite3'
import { Hono } from 'hono'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getUser, requireRole, requireUser, sessions } from '../../src/auth/index.ts'
import type { AuthUser, SessionOptions, Sessions } from '../../src/auth/index.ts'
import { htmx } from '../../src/htmx/index.ts'

/** A secret long enough for sessions(). */
export const SECRET = 'a test secret that is long enough to use, 0123456789'

/** A better-sqlite3 file in a fresh folder, and its removal. */
export function tempDb(): { db: Database.Database; path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'hxkit-auth-'))
  const path = join(dir, 'auth.db')
  const db = new Database(path)
  return {
    db,
    path,
    cleanup: () => {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The users of the test apps. */
export const USERS: Record<string, AuthUser & { name: string }> = {
  ada: { id: 'ada', name: 'Ada', roles: ['admin'] },
  bob: { id: 'bob', name: 'Bob', roles: ['viewer'] },
}

/** An app with sessions: login/logout routes, a guarded page and an admin action. */
export function authApp(
  options: Partial<SessionOptions> = {},
  { mountHtmx = true }: { mountHtmx?: boolean } = {}
): { app: Hono; auth: Sessions } {
  const auth = sessions({
    secret: SECRET,
    loadUser: (id) => USERS[id] ?? null,
    ...options,
  })
  const app = new Hono()
  if (mountHtmx) {
    app.use(htmx())
  }
  app.use(auth.middleware)
  app.post('/login/:id', async (c) => {
    await auth.login(c, c.req.param('id'))
    return c.text('in')
  })
  app.post('/logout', async (c) => {
    await auth.logout(c)
    return c.text('out')
  })
  app.get('/me', (c) => c.text(getUser(c)?.id ?? 'nobody'))
  app.get('/page', requireUser(), (c) => c.text('page'))
  app.post('/admin', requireRole('admin'), (c) => c.text('done'))
  return { app, auth }
}

/** The `name=value` part of each Set-Cookie of a response. */
export function setCookies(res: Response): string[] {
  return res.headers.getSetCookie()
}

/** The Cookie header a browser would send after `res` (the last value per name; Max-Age=0 deletes). */
export function cookieAfter(res: Response, before = ''): string {
  const jar = new Map<string, string>()
  for (const pair of before.split(/;\s*/).filter(Boolean)) {
    const [name = '', value = ''] = pair.split('=')
    jar.set(name, value)
  }
  for (const line of setCookies(res)) {
    const [pair = ''] = line.split(';')
    const at = pair.indexOf('=')
    const name = pair.slice(0, at)
    if (/Max-Age=0/i.test(line)) {
      jar.delete(name)
    } else {
      jar.set(name, pair.slice(at + 1))
    }
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
}
