/**
 * In-process A/B of the demo's overview: a committed state of the repository (`git archive` into a
 * temporary folder, `node_modules` linked) against the working tree, both serving `GET /` (or the
 * orders partial) through `app.fetch` in one process, in alternating rounds; the median of the
 * per-round speed ratios is printed (> 1: the working tree is faster). Bodies are compared as the
 * HTTP bench compares them (nonces and other per-response values aside) before timing. For changes too small for `bench:http` to resolve on a shared machine.
 *
 * Run: `npx tsx bench/ab.ts <git ref> [--partial] [--rounds=30]` (NODE_ENV=production is set here).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDb } from '../demo/db.ts'
import { openSource } from './http/data.ts'
import { firstDifference, normalizeHtml } from './http/equivalent.ts'

interface App {
  fetch: (request: Request) => Response | Promise<Response>
  /** Since the demo has sign-in: the `Cookie` header of a seeded user. */
  sessionCookie?: (role: 'viewer') => Promise<string>
}
interface AppModule {
  createApp: (options: { db: unknown; htmxVersion: 4; users?: unknown }) => App
}

// known passwords and cheap hashes for a demo that signs in (older commits ignore the option)
const USERS = {
  passwords: { viewer: 'ab-viewer', operator: 'ab-operator', admin: 'ab-admin' },
  hashCost: 1024,
}

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const PER_ROUND = 300
const ref = process.argv[2]
if (ref === undefined || ref.startsWith('--')) {
  throw new Error('usage: tsx bench/ab.ts <git ref> [--partial] [--rounds=30]')
}
const partial = process.argv.includes('--partial')
const rounds = Number(/--rounds=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 30)
process.env['NODE_ENV'] = 'production'

const dir = mkdtempSync(join(tmpdir(), 'hxkit-ab-'))
try {
  const tar = execFileSync('git', ['archive', ref], { cwd: ROOT, maxBuffer: 1 << 28 })
  execFileSync('tar', ['-x', '-C', dir], { input: tar })
  symlinkSync(resolve(ROOT, 'node_modules'), join(dir, 'node_modules'))
  const before = (await import(join(dir, 'demo/app.ts'))) as AppModule
  const after = (await import(join(ROOT, 'demo/app.ts'))) as AppModule
  const path = join(dir, 'ab.db')
  openDb({ path, reset: true }).close()
  const db = openSource(path, false)
  const headers: Record<string, string> = partial
    ? { 'HX-Request': 'true', 'HX-Request-Type': 'partial', 'HX-Target': 'section#orders' }
    : {}
  // each app with its own viewer's session, if it has sign-in
  const get = async (app: App): Promise<() => Promise<string>> => {
    const cookie = (await app.sessionCookie?.('viewer')) ?? ''
    const signed = cookie === '' ? headers : { ...headers, cookie }
    return async () =>
      (await app.fetch(new Request('http://127.0.0.1/', { headers: signed }))).text()
  }
  const runs = {
    before: await get(before.createApp({ db, htmxVersion: 4, users: USERS })),
    after: await get(after.createApp({ db, htmxVersion: 4, users: USERS })),
  }
  const difference = firstDifference(
    normalizeHtml(await runs.before()),
    normalizeHtml(await runs.after())
  )
  if (difference !== null) {
    console.log(`note: the bodies differ (nonces aside) ${difference}`)
  }
  for (let i = 0; i < 1_500; i++) {
    await runs.before()
    await runs.after()
  }
  const time = async (run: () => Promise<string>): Promise<number> => {
    const start = performance.now()
    for (let i = 0; i < PER_ROUND; i++) {
      await run()
    }
    return ((performance.now() - start) / PER_ROUND) * 1_000
  }
  const ratios: number[] = []
  for (let round = 0; round < rounds; round++) {
    const first = round % 2 === 0 ? 'before' : 'after'
    const a = await time(runs[first])
    const b = await time(runs[first === 'before' ? 'after' : 'before'])
    ratios.push(first === 'before' ? a / b : b / a)
  }
  ratios.sort((x, y) => x - y)
  const at = (q: number): string => (ratios[Math.floor(q * (ratios.length - 1))] ?? 0).toFixed(3)
  console.log(
    `${partial ? 'orders partial' : 'full page'}: working tree × ${ref}: ${at(0.5)} (IQR ${at(0.25)}–${at(0.75)}, ${String(rounds)} rounds of ${String(PER_ROUND)})`
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
