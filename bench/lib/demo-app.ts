// The demo app as the benchmarks drive it: every page needs a signed-in user, so a run builds the
// app with known passwords and sends the session cookie of its viewer on every request, as a
// browser would. The session check (a signed id looked up in the demo's SQLite) is part of what is
// measured.
import { createApp } from '../../demo/app.ts'
import { openDb } from '../../demo/db.ts'
import type { DemoDb } from '../../demo/db.ts'

/** The seeded users' passwords of a bench run (cheap hashes: signing in is not what is timed). */
const BENCH_USERS = {
  passwords: { viewer: 'bench-viewer', operator: 'bench-operator', admin: 'bench-admin' },
  hashCost: 1024,
}

/** A demo app and the `Cookie` header that signs its requests in. */
export interface SignedInDemo {
  app: ReturnType<typeof createApp>
  cookie: string
}

/**
 * Builds the demo app on `db` (htmx 4) and signs its viewer in.
 *
 * @param db - the demo database
 * @example
 * const { app, cookie } = await signedInDemo(db)
 * await app.request('/', { headers: { cookie } })
 */
export async function signedInDemo(db: DemoDb): Promise<SignedInDemo> {
  const app = createApp({ db, htmxVersion: 4, users: BENCH_USERS })
  return { app, cookie: await app.sessionCookie('viewer') }
}

/**
 * Signs the demo's viewer into the database at `path` and returns the `Cookie` header: every
 * server of a run on that file accepts it (the session row and the secret live in the file), so
 * the baseline and each candidate get the same signed-in request.
 *
 * @param path - a seeded demo database file
 * @example
 * const cookie = await sessionCookieFor(tempDatabase())
 */
export async function sessionCookieFor(path: string): Promise<string> {
  const db = openDb({ path, reset: false })
  try {
    return (await signedInDemo(db)).cookie
  } finally {
    db.close()
  }
}
