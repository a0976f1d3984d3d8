// Where finished exports are kept: one file per task, named by the task's id, in a folder next to
// the database. A path is only ever built from a task id the backend made, never from a request.
import { mkdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'

// ids as the backends make them (UUIDs for SQLite; BullMQ's are digits); anything else has no file
const TASK_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/

/** The export folder. */
export interface ExportFiles {
  readonly dir: string
  /** The finished file of a task, or `null` for an id that cannot have one. */
  path(taskId: string): string | null
  /** The file a running export writes before it is renamed into place. */
  partPath(taskId: string): string | null
  /** Removes the task's files (finished and partial); a missing file is fine. */
  remove(taskId: string): void
}

/**
 * The export folder next to a database file: `<db folder>/exports/`.
 *
 * @param databasePath - the SQLite file (better-sqlite3's `db.name`)
 * @example
 * const files = exportFiles(db.sqlite().name)
 * files.path(result.id) // '/…/data/exports/<id>.csv'
 */
export function exportFiles(databasePath: string): ExportFiles {
  const dir = join(dirname(databasePath), 'exports')
  mkdirSync(dir, { recursive: true })
  const named = (taskId: string, suffix: string): string | null =>
    TASK_ID.test(taskId) ? join(dir, `${taskId}${suffix}`) : null
  return {
    dir,
    path: (taskId) => named(taskId, '.csv'),
    partPath: (taskId) => named(taskId, '.csv.part'),
    remove(taskId) {
      for (const file of [named(taskId, '.csv'), named(taskId, '.csv.part')]) {
        if (file !== null) {
          rmSync(file, { force: true })
        }
      }
    },
  }
}
