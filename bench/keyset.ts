// Keyset paging at depth: page 1 and page 10,000 of 1,000,000 orders (25 per page) in SQLite,
// through the demo console's store and paginate(); prints the query plans and the time ratio.
// Run: npm run bench:keyset  (DEMO_ORDERS sets the row count; the database is a temp file)
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { consoleStore } from '../demo/orders/store.ts'
import { migrateAndSeed } from '../demo/seed.ts'
import { cursorCodec, paginate } from '../src/components/index.ts'

const ROWS = Number(process.env['DEMO_ORDERS'] ?? 1_000_000)
process.env['DEMO_ORDERS'] = String(ROWS)
const PER = 25
const DEPTH = 10_000
const dir = mkdtempSync(join(tmpdir(), 'hxkit-keyset-'))
const db = new Database(join(dir, 'bench.db'))
db.pragma('journal_mode = WAL')
const seeded = performance.now()
migrateAndSeed(db)
const store = consoleStore(db)
console.log(
  `seeded ${String(ROWS)} orders in ${((performance.now() - seeded) / 1000).toFixed(1)} s`
)

const sort = [{ key: 'created', dir: 'desc' as const }]
const codec = cursorCodec({ secret: 'keyset-bench-secret-000' })
// the cursor of page DEPTH: the last row of page DEPTH - 1, found once by offset
const edge = db
  .prepare(
    'SELECT id, created_at AS createdAt FROM orders ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?'
  )
  .get((DEPTH - 1) * PER - 1) as { id: number; createdAt: string }
const deep = codec.encode([edge.createdAt, edge.id], 'sort=-created')

async function read(after: string | undefined): Promise<number> {
  const page = await paginate(
    {
      seek: (position, limit) => store.seek({}, sort, position, limit),
      key: (row) => store.key(sort, row),
    },
    { mode: 'keyset', perPage: PER, codec, cursor: { after }, scope: 'sort=-created' }
  )
  return page.rows.length
}

async function median(after: string | undefined, runs = 400): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await read(after)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] as number
}

const plan = (position: Parameters<typeof store.pageSql>[2]) => {
  const { sql, params } = store.pageSql({}, sort, position, PER + 1)
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
    (r) => r.detail
  )
}
const offsetPlan = (
  db
    .prepare(
      'EXPLAIN QUERY PLAN SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.created_at DESC, o.id DESC LIMIT 26 OFFSET 249975'
    )
    .all() as { detail: string }[]
).map((r) => r.detail)

await median(undefined, 50)
await median(deep, 50)
const first = await median(undefined)
const depth = await median(deep)
const offsetStart = performance.now()
for (let i = 0; i < 20; i++) {
  db.prepare(
    'SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.created_at DESC, o.id DESC LIMIT 26 OFFSET ?'
  ).all((DEPTH - 1) * PER)
}
const offset = (performance.now() - offsetStart) / 20
console.log('plan, page 1:     ', plan(null).join(' | '))
console.log(
  'plan, page 10,000:',
  plan({ key: [edge.createdAt, edge.id], direction: 'after' }).join(' | ')
)
console.log('plan, offset:     ', offsetPlan.join(' | '))
console.log(
  `keyset page 1: ${first.toFixed(3)} ms, page ${String(DEPTH)}: ${depth.toFixed(3)} ms, ratio ${(depth / first).toFixed(2)}x (target <= 2x)`
)
console.log(
  `offset page ${String(DEPTH)}: ${offset.toFixed(2)} ms (${(offset / first).toFixed(0)}x keyset page 1)`
)
db.close()
rmSync(dir, { recursive: true, force: true })
if (depth / first > 2) {
  process.exitCode = 1
}
