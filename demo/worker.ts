// `npm run worker`: runs the demo's tasks in a process of its own, on the same database file as
// the server (start the server with TASKS_WORKER=0 to leave every task to such workers).
// Flags: --concurrency N, --queues exports,default (or TASKS_CONCURRENCY, TASKS_QUEUES).
// Task changes reach the servers' live pages through Redis when LIVE_REDIS_URL is set (the same
// as the servers'); without it, pages on htmx 4 see this worker's tasks move on reload only.
import { openDb } from './db.ts'
import { busFromEnv } from './live.ts'
import { setupTasks } from './tasks/setup.ts'
import { workerSettings } from './tasks/worker-options.ts'

// never DATABASE_RESET here: the server owns the file's life, a worker only joins it
const db = openDb({ reset: false })
const live = (process.env['LIVE_REDIS_URL'] ?? '') !== ''
// a bus and no hub: this process publishes and holds no streams
const tasks = setupTasks(db.sqlite(), { publisher: live ? busFromEnv() : undefined })
const settings = workerSettings(process.argv.slice(2))
const running = tasks.runWorker(settings)
console.log(
  `hxkit demo worker ${running.id}: concurrency ${String(settings.concurrency)}, queues ${settings.queues?.join(', ') ?? 'all'}, live updates ${live ? 'through Redis' : 'off (set LIVE_REDIS_URL)'}`
)
