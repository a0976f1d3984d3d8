// The soak task's side effects, in a SQLite file of their own connection: every handler start
// bumps a per-task counter, and the effect itself is one INSERT OR IGNORE keyed by the task id,
// so a task that runs twice (at-least-once delivery) still leaves exactly one effect.
import Database from 'better-sqlite3'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS soak_run (task_id TEXT PRIMARY KEY, starts INTEGER NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS soak_effect (
  task_id TEXT PRIMARY KEY, task_index INTEGER NOT NULL, pid INTEGER NOT NULL, at INTEGER NOT NULL
) STRICT;`

/** The effects file, opened on its own connection. */
export interface Effects {
  /** A handler started (again) for this task. */
  started(taskId: string): void
  /** The task's effect; a second one for the same task changes nothing. */
  effect(taskId: string, index: number): void
  /** How many distinct effects exist. */
  count(): number
  /** Handler starts per task id. */
  starts(): Map<string, number>
  /** Task ids with an effect. */
  effected(): Set<string>
  close(): void
}

/** Opens (and creates, when missing) the effects tables in the SQLite file at `path`. */
export function openEffects(path: string): Effects {
  const db = new Database(path, { timeout: 10_000 })
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec(SCHEMA)
  const bump = db.prepare(
    'INSERT INTO soak_run VALUES (?, 1) ON CONFLICT (task_id) DO UPDATE SET starts = starts + 1'
  )
  const insert = db.prepare('INSERT OR IGNORE INTO soak_effect VALUES (?, ?, ?, ?)')
  const count = db.prepare('SELECT count(*) AS n FROM soak_effect').pluck()
  const starts = db.prepare('SELECT task_id, starts FROM soak_run')
  const effected = db.prepare('SELECT task_id FROM soak_effect').pluck()
  return {
    started: (taskId) => {
      bump.run(taskId)
    },
    effect: (taskId, index) => {
      insert.run(taskId, index, process.pid, Date.now())
    },
    count: () => count.get() as number,
    starts: () =>
      new Map(
        (starts.all() as { task_id: string; starts: number }[]).map((row) => [
          row.task_id,
          row.starts,
        ])
      ),
    effected: () => new Set(effected.all() as string[]),
    close: () => {
      db.close()
    },
  }
}
