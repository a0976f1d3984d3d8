// A worker process of the tasks soak: `runWorker()` on the backend named by SOAK_BACKEND, serving
// the soak task. The parent kills it with SIGKILL at a moment of its choosing, or arms it (a line
// `arm <point>` on stdin) to SIGKILL itself the next time it passes a point of the claim, the
// handler or the settle, so the kills land on every phase and not only on the long handler.
import { createInterface } from 'node:readline'
import { runWorker, task } from '../../src/tasks/index.ts'
import type { TaskClaim, TaskContext, WorkerBackend } from '../../src/tasks/index.ts'
import { soakBackends } from './backends.ts'
import { openEffects } from './effects.ts'
import type { KillPoint } from './kill-points.ts'

const env = (name: string): number => {
  const value = Number(process.env[name])
  if (!Number.isFinite(value)) {
    throw new Error(`soak worker: ${name} is not a number`)
  }
  return value
}

let armed: string | null = null
const block = new Int32Array(new SharedArrayBuffer(4))
const point = (name: KillPoint): void => {
  if (armed === name) {
    process.stdout.write(`dying ${name}\n`)
    process.kill(process.pid, 'SIGKILL')
    Atomics.wait(block, 0, 0, 10_000) // SIGKILL is delivered before this returns
  }
}

/** The backend, with the settle and claim kill points around the real calls. */
function withKillPoints(inner: WorkerBackend): WorkerBackend {
  return {
    name: inner.name,
    supports: inner.supports,
    queues: inner.queues,
    leaseMs: inner.leaseMs,
    enqueue: (request) => inner.enqueue(request),
    getResult: (id) => inner.getResult(id),
    cancel: (id) => inner.cancel(id),
    retry: (id) => inner.retry(id),
    claim: async (workerId, queues) => {
      point('before-claim')
      const claim = await inner.claim(workerId, queues)
      if (claim !== null) {
        point('after-claim')
      }
      return claim
    },
    heartbeat: (claim) => inner.heartbeat(claim),
    progress: (claim, progress) => inner.progress(claim, progress),
    complete: async (claim: TaskClaim, value) => {
      point('before-complete')
      const done = await inner.complete(claim, value)
      point('after-complete')
      return done
    },
    fail: (claim, error, retryAt) => inner.fail(claim, error, retryAt),
    release: (claim) => inner.release(claim),
    sweep: () => inner.sweep(),
    waitForWork: (signal, timeoutMs) => inner.waitForWork(signal, timeoutMs),
    onCancel: (listener) => inner.onCancel(listener),
  }
}

const factory = soakBackends[process.env['SOAK_BACKEND'] ?? '']
if (factory === undefined) {
  throw new Error(`soak worker: unknown SOAK_BACKEND ${String(process.env['SOAK_BACKEND'])}`)
}
const store = await factory.open(process.env, {
  leaseMs: env('SOAK_LEASE_MS'),
  maxStalledCount: env('SOAK_MAX_STALLS'),
})
const effects = openEffects(store.effectsPath ?? `${String(process.env['SOAK_DIR'])}/effects.db`)
const backend = withKillPoints(store.backend)
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

task(
  async (context: TaskContext, index: number, workMs: number) => {
    const id = context.result.id
    effects.started(id)
    point('handler-start')
    await sleep(workMs / 2)
    effects.effect(id, index)
    point('handler-effect')
    await sleep(workMs / 2)
    return index
  },
  { name: 'soak.work', backend, takesContext: true }
)

createInterface({ input: process.stdin })
  .on('line', (line) => {
    const [command, name] = line.split(' ')
    if (command === 'arm' && name !== undefined) {
      armed = name
    }
  })
  .on('close', () => {
    // the parent is gone: stop as on SIGTERM rather than linger as an orphan
    process.kill(process.pid, 'SIGTERM')
  })

runWorker({
  backend,
  id: String(process.env['SOAK_WORKER_ID']),
  concurrency: env('SOAK_CONCURRENCY'),
  sweepIntervalMs: env('SOAK_SWEEP_MS'),
  graceMs: 5_000,
})
process.stdout.write('ready\n')
