// Serves the demo with hxkit/server: timeouts, compression, static files, /healthz, graceful shutdown.
import { serve } from '../src/server/index.ts'
import { createApp } from './app.ts'
import { openDb } from './db.ts'
import { workerSettings } from './tasks/worker-options.ts'

const db = openDb()
const app = createApp({ db })
const shutdownTimeout = Number(process.env['SHUTDOWN_GRACE_MS'] ?? 7_000)
const server = serve(app, {
  static: app.assets,
  shutdown: {
    drainDelay: Number(process.env['SHUTDOWN_DRAIN_MS'] ?? 0),
    timeout: shutdownTimeout,
  },
})
// Background tasks run here unless TASKS_WORKER=0 (then `npm run worker` runs them). The worker
// stops in the server's 'stop' phase, before the database closes in 'cleanup'; its grace ends a
// second before the server's timeout, so running tasks are released before the process exits.
if (process.env['TASKS_WORKER'] !== '0') {
  const settings = workerSettings([])
  const graceMs = Math.min(settings.graceMs, Math.max(0, shutdownTimeout - 1_000))
  app.tasks().startWorker({ ...settings, graceMs, shutdown: server })
}
// live streams end first (each gets a final event), so close() is not held open by them
server.onShutdown(() => app.live.hub.close())
server.onShutdown(() => app.live.bus.close(), { phase: 'cleanup' })
server.onShutdown(
  () => {
    app.closeRedis()
  },
  { phase: 'cleanup' }
)
server.onShutdown(
  () => {
    db.close()
  },
  { phase: 'cleanup' }
)
