// What a refused request must not change: the rows of the demo's own tables.
import { createHash } from 'node:crypto'
import type { DemoDb } from '../../demo/db.ts'

const TABLES = ['customers', 'orders', 'order_details', 'activity', 'csp_reports', 'users']

/** Per table of the demo, its row count and a hash of every row (sessions and limits left out). */
export function dbFingerprint(db: DemoDb): Record<string, string> {
  const sqlite = db.sqlite()
  const out: Record<string, string> = {}
  for (const table of TABLES) {
    const columns = (sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[])
      .map((column) => `quote(${column.name})`)
      .join(` || ',' || `)
    if (columns === '') {
      continue
    }
    const rows = sqlite.prepare(`SELECT ${columns} FROM ${table} ORDER BY rowid`).pluck().all()
    out[table] =
      `${String(rows.length)}:${createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16)}`
  }
  return out
}
