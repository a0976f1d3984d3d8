// The part of a better-sqlite3 handle the kit's SQLite stores use (the task backend, the session
// store, the rate limiter). The app passes its own instance, so hxkit never imports better-sqlite3
// (its published types need none) and shares the app's connection and transactions.

/** The part of a better-sqlite3 statement the kit uses. */
export interface SqliteStatement {
  run(...params: unknown[]): { changes: number }
  get(...params: unknown[]): unknown
  all(...params: unknown[]): unknown[]
}

/** The part of a better-sqlite3 `Database` the kit uses. */
export interface SqliteDatabase {
  readonly name: string
  prepare(source: string): SqliteStatement
  exec(source: string): unknown
  pragma(source: string, options?: { simple?: boolean }): unknown
}
