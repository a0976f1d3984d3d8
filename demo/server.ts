// Serves the demo: static files from public/, the app, explicit timeouts, graceful shutdown.
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import type { Server } from 'node:http'
import { fileURLToPath } from 'node:url'
import { createApp } from './app.ts'
import { openDb } from './db.ts'

const PUBLIC_ROOT = fileURLToPath(new URL('../public', import.meta.url))
const host = process.env['HOST'] ?? '127.0.0.1'
const port = Number(process.env['PORT'] ?? 3000)
// Graceful shutdown (docs/server.md): drain (readiness 503), close, wait, force, exit; a watchdog
const drainMs = Number(process.env['SHUTDOWN_DRAIN_MS'] ?? 0)
const graceMs = Number(process.env['SHUTDOWN_GRACE_MS'] ?? 10_000)

const db = openDb()
let shuttingDown = false
const app = createApp({ db, ready: () => !shuttingDown })
const root = new Hono()
const assets = serveStatic({ root: PUBLIC_ROOT })
root.use('/vendor/*', assets)
root.use('/hxkit.css', assets)
root.use('/hxkit.js', assets)
root.route('/', app)

const server = serve(
  {
    fetch: root.fetch,
    hostname: host,
    port,
    serverOptions: { requestTimeout: 30_000, headersTimeout: 15_000, keepAliveTimeout: 5_000 },
  },
  (info) => {
    console.log(`hxkit demo listening on http://${info.address}:${String(info.port)}`)
  }
) as Server

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms))
}

function closeServer(): Promise<boolean> {
  return new Promise((done) => {
    const timer = setTimeout(() => {
      done(false)
    }, graceMs)
    server.close(() => {
      clearTimeout(timer)
      done(true)
    })
    // Node ≥ 19 closes idle keep-alive sockets in close(); do it again for sockets idle since
    server.closeIdleConnections()
  })
}

function watchdog(): void {
  console.error('shutdown watchdog: still running, exiting with 1')
  // eslint-disable-next-line n/no-process-exit -- the watchdog must end a stuck process
  process.exit(1)
}

async function shutdown(signal: string): Promise<void> {
  if (shuttingDown) {
    return
  }
  shuttingDown = true
  console.log(`${signal}: shutting down`)
  setTimeout(watchdog, drainMs + graceMs + 5_000).unref()
  await delay(drainMs)
  const clean = await closeServer()
  if (!clean) {
    console.error(`in-flight requests still open after ${String(graceMs)} ms: closing them`)
  }
  server.closeAllConnections()
  db.close()
  // eslint-disable-next-line n/no-process-exit -- leftover timers must not keep a stopped server alive
  process.exit(0)
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    void shutdown(signal)
  })
}
