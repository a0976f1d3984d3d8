// Serves the demo with hxkit/server: timeouts, compression, static files, /healthz, graceful shutdown.
import { serve } from '../src/server/index.ts'
import { createApp } from './app.ts'
import { openDb } from './db.ts'
import { workerSettings } from './tasks/worker-options.ts'

const db = openDb()
const app = createApp({ db })
const server = serve(app, {
  static: app.assets,
  shutdown: {
    drainDelay: Number(process.env['SHUTDOWN_DRAIN_MS'] ?? 0),
    timeout: Number(process.env['SHUTDOWN_GRACE_MS'] ?? 7_000),
  },
})
// background tasks run here unless TASKS_WORKER=0 (then `npm run worker` runs them); the
// worker stops in the server's 'stop' phase, before the database closes in 'cleanup'
if (process.env['TASKS_WORKER'] !== '0') {
  app.tasks().startWorker({ ...workerSettings([]), shutdown: server })
}
server.onShutdown(
  () => {
    db.close()
  },
  { phase: 'cleanup' }
)
