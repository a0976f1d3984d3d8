// The backends the tasks soak can run against. Each is a factory the parent process and every
// worker process call: `prepare()` once in the parent (fresh storage in the run's temp folder),
// `open()` in every process. Add a backend by adding an entry here (e.g. `bullmq`: prepare starts
// or flushes a Redis and returns its URL; open builds the adapter on it); the soak, its worker
// processes and its checks use only the `WorkerBackend` interface and a SQLite effects file.
import Database from 'better-sqlite3'
import { Redis } from 'ioredis'
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { sqliteBackend } from '../../src/tasks/index.ts'
import type { WorkerBackend } from '../../src/tasks/index.ts'
import { bullmqBackend } from '../../src/tasks-bullmq/index.ts'
import { freePort, redisServerCommand } from '../../tests/fixtures/redis.ts'

/** What every process of one soak run gets in its environment. */
export type SoakEnv = Readonly<Record<string, string | undefined>>

/** The crash settings a backend maps onto its own options. */
export interface SoakSettings {
  /** How long a claim lasts without a heartbeat (BullMQ: `lockDuration`), ms. */
  readonly leaseMs: number
  /** Lease expiries a task survives before it fails for good (BullMQ: `maxStalledCount`). */
  readonly maxStalledCount: number
}

/** A backend opened in one process. */
export interface SoakStore {
  readonly backend: WorkerBackend
  /**
   * The SQLite file the task handler writes its effects to, as an app would write to its own
   * database. @default `<run folder>/effects.db`
   */
  readonly effectsPath?: string | undefined
  close(): Promise<void>
}

/** One backend the soak can run against (`--backend=<name>`). */
export interface SoakBackendFactory {
  readonly name: string
  /** Shown in the soak's header. */
  readonly description: string
  /**
   * Creates fresh, empty storage for one run under `dir` (the run's temp folder) and returns the
   * environment every process needs to open it.
   */
  prepare(dir: string): Promise<Record<string, string>>
  open(env: SoakEnv, settings: SoakSettings): Promise<SoakStore>
}

const required = (env: SoakEnv, name: string): string => {
  const value = env[name]
  if (value === undefined || value === '') {
    throw new Error(`soak: ${name} is not set`)
  }
  return value
}

const sqlite: SoakBackendFactory = {
  name: 'sqlite',
  description: 'sqliteBackend() on a WAL file; the effects go to the same file (the app database)',
  prepare: (dir) => Promise.resolve({ SOAK_SQLITE_FILE: join(dir, 'tasks.db') }),
  open: (env, settings) => {
    const file = required(env, 'SOAK_SQLITE_FILE')
    const db = new Database(file)
    const backend = sqliteBackend(db, {
      leaseMs: settings.leaseMs,
      maxStalledCount: settings.maxStalledCount,
    })
    return Promise.resolve({
      backend,
      effectsPath: file,
      close: () => {
        db.close()
        return Promise.resolve()
      },
    })
  },
}

// The redis-server this process started for the run (the parent's), stopped by its store's close()
// or, at the latest, when the process exits; unref'd so that it never keeps the soak alive.
let server: ChildProcess | undefined

async function startServer(dir: string): Promise<string> {
  const port = await freePort()
  const child = spawn(
    redisServerCommand,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    { stdio: 'ignore' }
  )
  child.unref()
  server = child
  process.once('exit', () => child.kill('SIGKILL'))
  const url = `redis://127.0.0.1:${String(port)}`
  const deadline = Date.now() + 10_000
  for (;;) {
    const client = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    })
    client.on('error', () => {})
    const answered = await client.connect().then(
      () => client.ping().then(() => true),
      () => false
    )
    client.disconnect()
    if (answered) {
      return url
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      throw new Error(
        `soak: could not start ${redisServerCommand} on port ${String(port)}; install redis-server or set SOAK_REDIS_URL`
      )
    }
    await new Promise((done) => setTimeout(done, 50))
  }
}

const bullmq: SoakBackendFactory = {
  name: 'bullmq',
  description:
    'bullmqBackend() on Redis (SOAK_REDIS_URL, or a redis-server started for the run); the effects go to a SQLite file',
  prepare: async (dir) => ({
    SOAK_REDIS_URL: process.env['SOAK_REDIS_URL'] ?? (await startServer(dir)),
    // a prefix of its own, so a shared Redis starts empty for this run
    SOAK_REDIS_PREFIX: `soak-${randomUUID().slice(0, 8)}`,
  }),
  open: (env, settings) => {
    const backend = bullmqBackend({
      url: required(env, 'SOAK_REDIS_URL'),
      prefix: required(env, 'SOAK_REDIS_PREFIX'),
      leaseMs: settings.leaseMs,
      maxStalledCount: settings.maxStalledCount,
    })
    return Promise.resolve({
      backend,
      close: async () => {
        await backend.close()
        server?.kill('SIGKILL')
        server = undefined
      },
    })
  },
}

/** Every backend the soak knows, by `--backend` name. */
export const soakBackends: Readonly<Record<string, SoakBackendFactory>> = { sqlite, bullmq }
