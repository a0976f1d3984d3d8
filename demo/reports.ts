// CSP violation reports in the demo's SQLite file: their own table, bounded to the newest rows.
import type Database from 'better-sqlite3'
import type { CspReport } from '../src/csp/index.ts'

/** Reports of one directive on one page, blocking one URL. */
export interface ReportGroup {
  directive: string
  documentUrl: string
  blockedUrl: string
  count: number
  /** When the newest report of the group arrived (ms since the epoch). */
  lastAt: number
}

/** The demo's report storage. */
export interface ReportStore {
  /** Stores a batch, then drops the oldest rows beyond the bound. */
  save(reports: readonly CspReport[]): void
  /** The groups, newest first (at most 200). */
  groups(): ReportGroup[]
  /** How many rows are stored. */
  count(): number
  /** Deletes every report; returns how many there were. */
  clear(): number
}

/** The most rows the table keeps; older ones are deleted on insert. */
export const MAX_REPORTS = 1000

const SCHEMA = `CREATE TABLE IF NOT EXISTS csp_reports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  received_at INTEGER NOT NULL,
  directive TEXT NOT NULL,
  document_url TEXT NOT NULL,
  blocked_url TEXT NOT NULL,
  disposition TEXT NOT NULL,
  source_file TEXT NOT NULL,
  line INTEGER,
  col INTEGER,
  sample TEXT NOT NULL,
  user_agent TEXT NOT NULL
)`

/**
 * Opens the report store on a better-sqlite3 handle, creating its table on first use.
 *
 * @param sqlite - the demo database handle (`db.sqlite()`), or a function returning it
 * @param max - the bound on stored rows
 * @example
 * const reports = reportStore(() => db.sqlite())
 * app.post('/__csp-report', cspReportHandler({ sink: (batch) => { reports.save(batch) } }))
 */
export function reportStore(
  sqlite: Database.Database | (() => Database.Database),
  max = MAX_REPORTS
): ReportStore {
  let ready: Database.Database | undefined
  const db = (): Database.Database => {
    if (ready === undefined) {
      ready = typeof sqlite === 'function' ? sqlite() : sqlite
      ready.exec(SCHEMA)
    }
    return ready
  }
  return {
    save(reports) {
      const handle = db()
      const insert = handle.prepare(`INSERT INTO csp_reports (received_at, directive, document_url,
        blocked_url, disposition, source_file, line, col, sample, user_agent)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      const trim = handle.prepare(
        'DELETE FROM csp_reports WHERE id <= (SELECT MAX(id) FROM csp_reports) - ?'
      )
      handle.transaction(() => {
        for (const r of reports) {
          insert.run(
            r.receivedAt,
            r.directive,
            r.documentUrl,
            r.blockedUrl,
            r.disposition,
            r.sourceFile,
            r.line,
            r.column,
            r.sample,
            r.userAgent
          )
        }
        trim.run(max)
      })()
    },
    groups() {
      return db()
        .prepare(
          `SELECT directive, document_url AS documentUrl, blocked_url AS blockedUrl,
          COUNT(*) AS count, MAX(received_at) AS lastAt FROM csp_reports
          GROUP BY directive, document_url, blocked_url ORDER BY lastAt DESC, directive LIMIT 200`
        )
        .all() as ReportGroup[]
    },
    count() {
      return (db().prepare('SELECT COUNT(*) AS n FROM csp_reports').get() as { n: number }).n
    },
    clear() {
      return db().prepare('DELETE FROM csp_reports').run().changes
    },
  }
}
