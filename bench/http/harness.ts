// Shared plumbing of the HTTP and memory benchmarks: a temp demo database, server and load children.
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDb } from '../../demo/db.ts'
import { call, startChild, waitReady } from '../lib/children.ts'
import type { LoadRequest, LoadResult } from './load.ts'
import type { ReadyMessage } from './server.ts'
import type { Kind } from './servers.ts'

const SERVER = fileURLToPath(new URL('./server.ts', import.meta.url))
const LOAD = fileURLToPath(new URL('./load.ts', import.meta.url))

/**
 * Creates and seeds a demo database in a fresh temp folder (the demo's own seeding code);
 * the folder is removed when the process exits.
 *
 * @example
 * const path = tempDatabase()
 */
export function tempDatabase(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hxkit-bench-'))
  process.on('exit', () => {
    rmSync(dir, { recursive: true, force: true })
  })
  const path = join(dir, 'demo.db')
  openDb({ path, reset: true }).close()
  return path
}

/** A running candidate server. */
export interface ServerChild {
  kind: Kind
  child: ChildProcess
  pid: number
  url: string
  /** Headers every request to it carries (the demo's session cookie), `{}` for the others. */
  headers: Record<string, string>
}

/** How to start a server child. */
export interface ServerOptions {
  db: string
  liveDb?: boolean | undefined
  keepAliveMs?: number | undefined
  exposeGc?: boolean | undefined
}

/**
 * Starts one candidate server in its own process and waits until it listens.
 *
 * @param kind - which server
 * @param options - database, keep-alive, `--expose-gc`
 * @example
 * const server = await startServer('hxkit', { db: tempDatabase() })
 */
export async function startServer(kind: Kind, options: ServerOptions): Promise<ServerChild> {
  const child = startChild(SERVER, {
    args: [kind],
    nodeFlags: options.exposeGc === true ? ['--expose-gc'] : [],
    env: {
      BENCH_DB: options.db,
      BENCH_LIVE_DB: options.liveDb === true ? '1' : '0',
      BENCH_KEEPALIVE_MS: String(options.keepAliveMs ?? 5_000),
    },
  })
  const ready = await waitReady<ReadyMessage>(child, 60_000)
  return {
    kind,
    child,
    pid: ready.pid,
    url: `http://127.0.0.1:${String(ready.port)}/`,
    headers: ready.cookie === null ? {} : { cookie: ready.cookie },
  }
}

/** The load generator child. */
export interface Load {
  child: ChildProcess
  run(request: LoadRequest): Promise<LoadResult>
}

/**
 * Starts the autocannon child.
 *
 * @example
 * const load = await startLoad()
 * const result = await load.run({ url, headers: {}, connections: 10, seconds: 2 })
 */
export async function startLoad(): Promise<Load> {
  const child = startChild(LOAD)
  await waitReady(child, 60_000)
  return {
    child,
    run: (request) => call<LoadResult>(child, 'run', request, request.seconds * 1_000 + 30_000),
  }
}
