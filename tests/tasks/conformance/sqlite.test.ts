import Database from 'better-sqlite3'
import { join } from 'node:path'
import { sqliteBackend } from '../../../src/tasks/sqlite.ts'
import type { SqliteBackend } from '../../../src/tasks/sqlite.ts'
import { describeBackendConformance } from './suite.ts'

describeBackendConformance('sqlite', {
  supports: sqliteBackend(new Database(':memory:')).supports,
  open: (dir) => {
    const path = join(dir, 'tasks.db')
    const open: Database.Database[] = []
    return Promise.resolve({
      env: { BACKEND: 'sqlite', DB: path },
      connect: (options = {}) => {
        const db = new Database(path)
        open.push(db)
        return sqliteBackend(db, options)
      },
      prune: (backend, ms) =>
        Promise.resolve((backend as SqliteBackend).prune(ms).map((record) => record.id)),
      rollback: (backend, fn) => {
        ;((backend as SqliteBackend).db as Database.Database).transaction(() => {
          fn()
          throw new Error('roll back')
        })()
      },
      close: () => {
        for (const db of open) {
          db.close()
        }
        return Promise.resolve()
      },
    })
  },
})
