// A worker process of the tasks benchmark: `runWorker()` on the backend named by BENCH_BACKEND
// (the same factories as the crash soak), serving one no-op task that returns when it started.
import { soakBackends } from '../../scripts/soak-tasks/backends.ts'
import { runWorker, task } from '../../src/tasks/index.ts'

const factory = soakBackends[process.env['BENCH_BACKEND'] ?? '']
if (factory === undefined) {
  throw new Error(`bench worker: unknown BENCH_BACKEND ${String(process.env['BENCH_BACKEND'])}`)
}
const store = await factory.open(process.env, { leaseMs: 30_000, maxStalledCount: 1 })
task(() => Date.now(), { name: 'bench.noop', backend: store.backend })
runWorker({ backend: store.backend, concurrency: Number(process.env['BENCH_CONCURRENCY'] ?? 1) })
process.stdout.write('ready\n')
