// Worker settings from flags and the environment, shared by the in-process worker (server.ts)
// and `npm run worker` (worker.ts): flags win over the environment.
import { parseArgs } from 'node:util'

/** What the command line and the environment may set. */
export interface WorkerSettings {
  concurrency: number
  /** Queues in order of preference; `null` serves every queue. */
  queues: string[] | null
  /** ms running tasks get on shutdown before their signals abort and they are released. */
  graceMs: number
  /** ms between sweeps for expired leases (`TASKS_SWEEP_MS`); unset keeps the worker's default. */
  sweepIntervalMs?: number
}

/**
 * Reads `--concurrency N` / `TASKS_CONCURRENCY` (1–64, default 2), `--queues a,b` /
 * `TASKS_QUEUES` (default every queue), `--grace-ms N` / `TASKS_GRACE_MS` (default 10 000) and
 * `TASKS_SWEEP_MS` (default the worker's 15 000); a bad value throws at start-up.
 *
 * @param argv - the arguments after the script (`process.argv.slice(2)`)
 * @param env - the environment; default `process.env`
 * @example
 * workerSettings(['--concurrency', '4', '--queues', 'exports']) // { concurrency: 4, queues: ['exports'], graceMs: 10000 }
 */
export function workerSettings(
  argv: readonly string[],
  env: Record<string, string | undefined> = process.env
): WorkerSettings {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      concurrency: { type: 'string' },
      queues: { type: 'string' },
      'grace-ms': { type: 'string' },
    },
    strict: true,
  })
  const rawConcurrency = values.concurrency ?? env['TASKS_CONCURRENCY'] ?? '2'
  if (
    !/^\d{1,2}$/.test(rawConcurrency) ||
    Number(rawConcurrency) < 1 ||
    Number(rawConcurrency) > 64
  ) {
    throw new TypeError(
      `--concurrency / TASKS_CONCURRENCY must be 1 to 64 (got "${rawConcurrency}").`
    )
  }
  const rawQueues = values.queues ?? env['TASKS_QUEUES'] ?? ''
  const queues = rawQueues
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
  const rawGrace = values['grace-ms'] ?? env['TASKS_GRACE_MS'] ?? '10000'
  if (!/^\d{1,7}$/.test(rawGrace)) {
    throw new TypeError(`--grace-ms / TASKS_GRACE_MS must be a number of ms (got "${rawGrace}").`)
  }
  const rawSweep = env['TASKS_SWEEP_MS']
  if (rawSweep !== undefined && !/^[1-9]\d{0,6}$/.test(rawSweep)) {
    throw new TypeError(`TASKS_SWEEP_MS must be a number of ms (got "${rawSweep}").`)
  }
  return {
    concurrency: Number(rawConcurrency),
    queues: queues.length === 0 ? null : queues,
    graceMs: Number(rawGrace),
    ...(rawSweep === undefined ? {} : { sweepIntervalMs: Number(rawSweep) }),
  }
}
