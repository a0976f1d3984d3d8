// Serves the demo with hxkit/server: timeouts, compression, static files, /healthz, graceful shutdown.
import { serve } from '../src/server/index.ts'
import { createApp } from './app.ts'
import { openDb } from './db.ts'

const db = openDb()
const app = createApp({ db })
const server = serve(app, {
  static: app.assets,
  shutdown: {
    drainDelay: Number(process.env['SHUTDOWN_DRAIN_MS'] ?? 0),
    timeout: Number(process.env['SHUTDOWN_GRACE_MS'] ?? 7_000),
  },
})
// live streams end first (each gets a final event), so close() is not held open by them
server.onShutdown(() => app.live.hub.close())
server.onShutdown(() => app.live.bus.close(), { phase: 'cleanup' })
server.onShutdown(
  () => {
    db.close()
  },
  { phase: 'cleanup' }
)
