// The demo app as the benchmarks drive it: every page needs a signed-in user, so a run builds the
// app with known passwords and sends the session cookie of its viewer on every request, as a
// browser would. The session check (a signed id looked up in the demo's SQLite) is part of what is
// measured.
import { createApp } from '../../demo/app.ts'
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
