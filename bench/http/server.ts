// Child process: one candidate server, controlled over IPC (never over the network).
// argv: <kind>; env: BENCH_DB (seeded demo database), BENCH_LIVE_DB=1, BENCH_KEEPALIVE_MS.
import { Session } from 'node:inspector/promises'
import { serveRpc } from '../lib/children.ts'
import { openSource } from './data.ts'
import { KINDS, portOf, startServer } from './servers.ts'
import type { Kind } from './servers.ts'

/** What the child sends once it listens. */
export interface ReadyMessage {
  ready: true
  kind: Kind
  port: number
  pid: number
  /** The `Cookie` header every request to this server sends (the demo's signed-in viewer). */
  cookie: string | null
}

const kind = process.argv[2] as Kind
if (!KINDS.includes(kind)) {
  throw new Error(`unknown server kind "${kind}" (one of ${KINDS.join(', ')})`)
}
const dbPath = process.env['BENCH_DB']
if (dbPath === undefined) {
  throw new Error('BENCH_DB is not set')
}
const db = openSource(dbPath, process.env['BENCH_LIVE_DB'] === '1')
const { server, cookie } = await startServer(
  kind,
  db,
  Number(process.env['BENCH_KEEPALIVE_MS'] ?? 5_000)
)
const gc = (globalThis as { gc?: () => void }).gc
const profiler = new Session()

serveRpc({
  // the admin channel is the IPC pipe: nothing of this is reachable over HTTP
  memory: () => {
    gc?.()
    gc?.()
    return { ...process.memoryUsage(), gc: gc !== undefined }
  },
  rss: () => process.memoryUsage.rss(),
  // a CPU profile of what happens between the two calls (bench/profile.ts)
  profileStart: async () => {
    profiler.connect()
    await profiler.post('Profiler.enable')
    await profiler.post('Profiler.setSamplingInterval', { interval: 100 })
    await profiler.post('Profiler.start')
    return true
  },
  profileStop: async () => {
    const { profile } = await profiler.post('Profiler.stop')
    profiler.disconnect()
    return profile
  },
  connections: () =>
    new Promise<number>((resolve, reject) => {
      server.getConnections((error, count) => {
        if (error) {
          reject(error)
        } else {
          resolve(count)
        }
      })
    }),
})
const ready: ReadyMessage = {
  ready: true,
  kind,
  port: portOf(server),
  pid: process.pid,
  cookie,
}
process.send?.(ready)
