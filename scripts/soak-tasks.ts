// The tasks crash soak (J1 of the crash table in docs/tasks.md): 1,000 idempotent tasks on 4 real worker
// processes through 100 `kill -9` cycles at random moments, then a check of what the backend and
// the task's effects say. `npm run soak:tasks` (1.5–3 min on 2 cores), `-- --quick` (20 kills, ~25 s,
// part of `npm test`). Flags: --backend=sqlite --tasks=N --workers=N --concurrency=N --kills=N
// --seconds=N --work-ms=N --lease-ms=N --sweep-ms=N --seed=N --keep (keep the run's folder).
//
// - The parent enqueues the tasks at a steady pace over `--seconds`, so the kills land on a queue
//   that is flowing, and kills a random live worker at K random moments of that window; each
//   kill is followed by a restart. A quarter of the kills are a plain SIGKILL from the parent at
//   that moment; the others arm the worker to SIGKILL itself the next time it passes a point of
//   the claim, the handler or the settle (before or after the write), chosen uniformly, so every
//   phase is hit and not only the long handler.
// - The task bumps a per-task start counter, then writes its effect with one INSERT OR IGNORE
//   keyed by the task id (soak-tasks/effects.ts), between two sleeps.
// - When every task has finished (or a deadline passes) the workers stop with SIGTERM, the parent
//   sweeps expired leases, and reads every task back with getResult():
//   lost = not SUCCESSFUL and not READY or RUNNING; stuck = RUNNING after that sweep, with no
//   worker alive; duplicate runs = handler starts beyond the first, Σ over tasks; bound = kills ×
//   concurrency (a kill can cut short at most the tasks its process held); effects = distinct.
// - The last line is `tasks-crash: lost L, stuck S, duplicate runs D (bound B), effects E/N`;
//   the exit code is 1 when L or S is not 0, D > B, E ≠ N, or the run itself went wrong.
//
// Backends are factories in soak-tasks/backends.ts (`--backend=<name>`); this file and the worker
// process use only the WorkerBackend interface and the SQLite effects file.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { task } from '../src/tasks/index.ts'
import type { TaskRecord } from '../src/tasks/index.ts'
import { soakBackends } from './soak-tasks/backends.ts'
import { openEffects } from './soak-tasks/effects.ts'
import { KILL_POINTS } from './soak-tasks/kill-points.ts'
import type { KillPoint } from './soak-tasks/kill-points.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const WORKER = fileURLToPath(new URL('soak-tasks/worker.ts', import.meta.url))
const KINDS = ['claim', 'handler', 'settle', 'anywhere'] as const
type KillKind = (typeof KINDS)[number]
const MIN_UP_MS = 300

interface Options {
  backend: string
  quick: boolean
  tasks: number
  workers: number
  concurrency: number
  kills: number
  seconds: number
  workMs: number
  leaseMs: number
  sweepMs: number
  maxStalledCount: number
  seed: number
  keep: boolean
}

function parseOptions(argv: readonly string[]): Options {
  const quick = argv.includes('--quick')
  const given = new Map<string, string>()
  for (const arg of argv) {
    const match = /^--([a-z-]+)=(.*)$/.exec(arg)
    if (match !== null) {
      given.set(match[1] as string, match[2] as string)
    } else if (arg !== '--quick' && arg !== '--keep') {
      throw new TypeError(`soak-tasks: unknown argument ${arg}`)
    }
  }
  const number = (name: string, fallback: number): number => {
    const text = given.get(name)
    given.delete(name)
    const value = text === undefined ? fallback : Number(text)
    if (!Number.isInteger(value) || value < 0) {
      throw new TypeError(`soak-tasks: --${name} must be an integer ≥ 0`)
    }
    return value
  }
  const backend = given.get('backend') ?? 'sqlite'
  given.delete('backend')
  const kills = number('kills', quick ? 20 : 100)
  const options: Options = {
    backend,
    quick,
    tasks: number('tasks', 1000),
    workers: number('workers', 4),
    concurrency: number('concurrency', 4),
    kills,
    seconds: number('seconds', quick ? 12 : 50),
    workMs: number('work-ms', quick ? 60 : 150),
    leaseMs: number('lease-ms', 2_000),
    sweepMs: number('sweep-ms', 250),
    // the soak is about delivery: a task cut short by several kills must run again, not be
    // dead-lettered as a poison pill (the stall limit has its own test, J8)
    maxStalledCount: number('max-stalls', kills + 1),
    seed: number('seed', Math.floor(Math.random() * 2 ** 31)),
    keep: argv.includes('--keep'),
  }
  for (const name of given.keys()) {
    throw new TypeError(`soak-tasks: unknown flag --${name}`)
  }
  if (options.workers < 1 || options.concurrency < 1 || options.tasks < 1) {
    throw new TypeError('soak-tasks: --tasks, --workers and --concurrency must be ≥ 1')
  }
  return options
}

/** A small seeded generator (mulberry32), so a run's kill plan can be replayed with --seed. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`

interface Slot {
  readonly index: number
  generation: number
  child: ChildProcess
  workerId: string
  state: 'booting' | 'ready' | 'dying' | 'stopping' | 'gone'
  /** When it printed `ready`. */
  readyAt: number
  /** The point the worker said it died at (`dying <point>` on stdout). */
  diedAt: string | null
  exit: Promise<void>
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2))
  const factory = soakBackends[options.backend]
  if (factory === undefined) {
    throw new TypeError(
      `soak-tasks: unknown --backend=${options.backend}; known: ${Object.keys(soakBackends).join(', ')}`
    )
  }
  const rand = random(options.seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T
  const dir = mkdtempSync(join(tmpdir(), 'hxkit-soak-'))
  const problems: string[] = []
  const slots: Slot[] = []
  const deadWorkers = new Map<string, number>()
  let keep = options.keep

  const killAll = (): void => {
    for (const slot of slots) {
      if (slot.child.exitCode === null && slot.child.signalCode === null) {
        slot.child.kill('SIGKILL')
      }
    }
  }
  const onSignal = (): void => {
    killAll()
    // eslint-disable-next-line n/no-process-exit -- Ctrl-C: the children are gone, so is the run
    process.exit(130)
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)

  try {
    const env = { ...(await factory.prepare(dir)), SOAK_DIR: dir, SOAK_BACKEND: factory.name }
    const settings = { leaseMs: options.leaseMs, maxStalledCount: options.maxStalledCount }
    const store = await factory.open({ ...process.env, ...env }, settings)
    const { backend } = store
    const effects = openEffects(store.effectsPath ?? join(dir, 'effects.db'))
    // the parent only enqueues: the function runs in the worker processes
    const work = task((index: number, workMs: number) => index + workMs, {
      name: 'soak.work',
      backend,
    })

    console.log(
      `soak-tasks: backend ${factory.name} (${factory.description}); ${String(options.tasks)} tasks, ` +
        `${String(options.workers)} worker processes × concurrency ${String(options.concurrency)}, ` +
        `${String(options.kills)} kills over ${String(options.seconds)} s; lease ${String(options.leaseMs)} ms, ` +
        `sweep every ${String(options.sweepMs)} ms, maxStalledCount ${String(options.maxStalledCount)}; ` +
        `seed ${String(options.seed)} (replay: --seed=${String(options.seed)})`
    )
    console.log(
      `soak-tasks: ${String(availableParallelism())} cores, load ${(loadavg()[0] ?? 0).toFixed(1)}, node ${process.version}, folder ${dir}`
    )

    const spawnWorker = (slot: Slot | undefined, index: number): Slot => {
      const generation = slot === undefined ? 0 : slot.generation + 1
      const workerId = `soak-w${String(index)}-g${String(generation)}`
      const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
        cwd: ROOT,
        env: {
          ...process.env,
          ...env,
          SOAK_WORKER_ID: workerId,
          SOAK_LEASE_MS: String(options.leaseMs),
          SOAK_MAX_STALLS: String(options.maxStalledCount),
          SOAK_CONCURRENCY: String(options.concurrency),
          SOAK_SWEEP_MS: String(options.sweepMs),
        },
        stdio: ['pipe', 'pipe', 'inherit'],
      })
      const next: Slot = slot ?? {
        index,
        generation,
        child,
        workerId,
        state: 'booting',
        readyAt: 0,
        diedAt: null,
        exit: Promise.resolve(),
      }
      Object.assign(next, { generation, child, workerId, state: 'booting', diedAt: null })
      let buffered = ''
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString()
        let newline = buffered.indexOf('\n')
        while (newline >= 0) {
          const line = buffered.slice(0, newline)
          buffered = buffered.slice(newline + 1)
          if (line === 'ready' && next.child === child && next.state === 'booting') {
            next.state = 'ready'
            next.readyAt = Date.now()
          } else if (line.startsWith('dying ')) {
            next.diedAt = line.slice('dying '.length)
          }
          newline = buffered.indexOf('\n')
        }
      })
      child.stdin.on('error', () => {}) // a write to a worker that just died
      next.exit = new Promise((done) => {
        child.on('exit', (code, signal) => {
          deadWorkers.set(workerId, Date.now())
          if (next.state !== 'dying' && next.state !== 'stopping') {
            problems.push(
              `worker ${workerId} exited by itself (code ${String(code)}, signal ${String(signal)})`
            )
          } else if (next.state === 'dying' && signal !== 'SIGKILL') {
            problems.push(`worker ${workerId} was killed but ended with ${String(code ?? signal)}`)
          } else if (next.state === 'stopping' && code !== 0) {
            problems.push(
              `worker ${workerId} did not stop cleanly on SIGTERM (${String(code ?? signal)})`
            )
          }
          next.state = 'gone'
          done()
        })
      })
      return next
    }

    for (let index = 0; index < options.workers; index++) {
      slots.push(spawnWorker(undefined, index))
    }
    const bootDeadline = Date.now() + 60_000
    while (slots.some((slot) => slot.state === 'booting')) {
      if (Date.now() > bootDeadline || problems.length > 0) {
        throw new Error(`soak-tasks: the workers did not start. ${problems.join('; ')}`)
      }
      await sleep(20)
    }

    // the plan: when each kill happens (uniform over the window) and what it aims at
    const windowMs = options.seconds * 1000
    const plan = Array.from({ length: options.kills }, () => ({
      at: windowMs * (0.05 + 0.95 * rand()),
      kind: pick(KINDS),
      point: null as KillPoint | null,
    })).sort((a, b) => a.at - b.at)
    for (const kill of plan) {
      kill.point = kill.kind === 'anywhere' ? null : pick(KILL_POINTS[kill.kind])
    }
    const workMs = Array.from({ length: options.tasks }, () =>
      Math.round(rand() * 2 * options.workMs)
    )

    const ids: string[] = []
    const started = Date.now()
    const producing = (async () => {
      const batches = Math.max(1, Math.round(windowMs / 100))
      for (let batch = 0; batch < batches; batch++) {
        await sleep(Math.max(0, started + (batch * windowMs) / batches - Date.now()))
        const end = Math.round(((batch + 1) * options.tasks) / batches)
        while (ids.length < end) {
          const index = ids.length
          ids.push((await work.enqueue(index, workMs[index] as number)).id)
        }
      }
    })()

    const killed: Record<KillKind, number> = { claim: 0, handler: 0, settle: 0, anywhere: 0 }
    const pointsHit = new Map<string, number>()
    let fallbacks = 0
    const killedWorkers = new Set<string>()
    // a victim has run for a moment since it started (on a loaded machine a restart takes a
    // second or more, and a worker killed the moment it is up would never hold any work)
    const victims = (): Slot[] =>
      slots.filter((slot) => slot.state === 'ready' && Date.now() - slot.readyAt >= MIN_UP_MS)
    const killing = (async () => {
      for (const kill of plan) {
        await sleep(Math.max(0, started + kill.at - Date.now()))
        let ready = victims()
        while (ready.length === 0) {
          await sleep(10)
          ready = victims()
        }
        const slot = pick(ready)
        slot.state = 'dying'
        killedWorkers.add(slot.workerId)
        if (kill.point === null) {
          slot.child.kill('SIGKILL')
        } else {
          slot.child.stdin?.write(`arm ${kill.point}\n`)
          const hit = await Promise.race([
            slot.exit.then(() => true),
            sleep(3_000).then(() => false),
          ])
          if (!hit) {
            fallbacks++
            slot.child.kill('SIGKILL')
          }
        }
        await slot.exit
        killed[kill.kind]++
        if (slot.diedAt !== null) {
          pointsHit.set(slot.diedAt, (pointsHit.get(slot.diedAt) ?? 0) + 1)
        }
        spawnWorker(slot, slot.index)
      }
    })()

    // watch the unfinished tasks: finished ones drop out; an orphan is RUNNING on a dead worker
    const finished = new Map<string, TaskRecord>()
    let longestOrphanMs = 0
    let lastReport = Date.now()
    const watch = async (): Promise<void> => {
      const now = Date.now()
      for (const id of ids) {
        if (finished.has(id)) {
          continue
        }
        const record = await backend.getResult(id)
        if (record === null) {
          continue
        }
        if (record.status === 'SUCCESSFUL' || record.status === 'FAILED') {
          finished.set(id, record)
        } else if (record.status === 'RUNNING') {
          const died = deadWorkers.get(record.workerIds.at(-1) ?? '')
          if (died !== undefined) {
            longestOrphanMs = Math.max(longestOrphanMs, now - died)
          }
        }
      }
      if (now - lastReport >= 2_000) {
        lastReport = now
        const alive = slots.filter((slot) => slot.state === 'ready').length
        const kills = Object.values(killed).reduce((a, b) => a + b, 0)
        console.log(
          `  ${seconds(now - started)}: enqueued ${String(ids.length)}, finished ${String(finished.size)}, ` +
            `effects ${String(effects.count())}, kills ${String(kills)}/${String(options.kills)}, ` +
            `workers ready ${String(alive)}/${String(options.workers)}`
        )
      }
    }
    const planState = { done: false }
    void Promise.allSettled([producing, killing]).then(() => {
      planState.done = true
    })
    while (!planState.done) {
      await watch()
      await sleep(250)
    }
    await Promise.all([producing, killing])
    const drainDeadline = Date.now() + 3 * (options.leaseMs + options.sweepMs) + 30_000
    while (finished.size < ids.length && Date.now() < drainDeadline) {
      await watch()
      await sleep(100)
    }
    const drainedIn = Date.now() - started

    // stop every worker gracefully, then sweep what a dead worker may still hold
    const stopDeadline = Date.now() + 60_000
    while (slots.some((slot) => slot.state === 'booting') && Date.now() < stopDeadline) {
      await sleep(20)
    }
    for (const slot of slots) {
      slot.state = 'stopping'
      slot.child.kill('SIGTERM')
    }
    await Promise.all(slots.map((slot) => slot.exit))
    const records = new Map<string, TaskRecord | null>()
    for (const id of ids) {
      records.set(id, await backend.getResult(id))
    }
    if ([...records.values()].some((record) => record?.status === 'RUNNING')) {
      await sleep(options.leaseMs + 50)
      await backend.sweep()
      for (const id of ids) {
        records.set(id, await backend.getResult(id))
      }
    }

    const byStatus = { READY: 0, RUNNING: 0, SUCCESSFUL: 0, FAILED: 0, missing: 0 }
    let leaseExpiries = 0
    let liveExpiries = 0
    let attempts = 0
    for (const record of records.values()) {
      if (record === null) {
        byStatus.missing++
        continue
      }
      byStatus[record.status]++
      attempts += record.workerIds.length
      for (const error of record.errors) {
        if (error.exceptionClassPath === 'LeaseExpired') {
          leaseExpiries++
          // the owner of that attempt should be a worker the soak killed
          if (!killedWorkers.has(record.workerIds[error.attempt - 1] ?? '')) {
            liveExpiries++
          }
        }
      }
    }
    const starts = effects.starts()
    const effected = effects.effected()
    let duplicates = 0
    let handlerStarts = 0
    let rerun = 0
    for (const id of ids) {
      const count = starts.get(id) ?? 0
      handlerStarts += count
      duplicates += Math.max(0, count - 1)
      rerun += count > 1 ? 1 : 0
    }
    const kills = Object.values(killed).reduce((a, b) => a + b, 0)
    const lost = byStatus.FAILED + byStatus.missing
    const stuck = byStatus.RUNNING
    const bound = kills * options.concurrency
    const effectCount = ids.filter((id) => effected.has(id)).length
    effects.close()
    await store.close()

    if (ids.length !== options.tasks) {
      problems.push(`only ${String(ids.length)} of ${String(options.tasks)} tasks were enqueued`)
    }
    if (kills < options.kills) {
      problems.push(`only ${String(kills)} of ${String(options.kills)} kills happened`)
    }
    if (byStatus.READY > 0) {
      problems.push(`${String(byStatus.READY)} tasks were still READY at the deadline`)
    }
    console.log(
      `kills: ${String(kills)} (${KINDS.map((kind) => `${kind} ${String(killed[kind])}`).join(', ')}); ` +
        `armed points hit: ${[...pointsHit].map(([name, n]) => `${name} ${String(n)}`).join(', ') || 'none'}` +
        (fallbacks > 0
          ? `; ${String(fallbacks)} armed kills fell back to the parent's SIGKILL`
          : '')
    )
    console.log(
      `tasks: ${String(byStatus.SUCCESSFUL)} SUCCESSFUL, ${String(byStatus.FAILED)} FAILED, ` +
        `${String(byStatus.READY)} READY, ${String(byStatus.RUNNING)} RUNNING, ${String(byStatus.missing)} missing; ` +
        `finished in ${seconds(drainedIn)}; ${String(attempts)} attempts, ${String(leaseExpiries)} LeaseExpired ` +
        `(${String(liveExpiries)} of a worker that was not killed), ` +
        `${String(handlerStarts)} handler starts, ${String(rerun)} tasks ran more than once; ` +
        `longest orphan ${seconds(longestOrphanMs)} (lease ${seconds(options.leaseMs)} + sweep ${seconds(options.sweepMs)})`
    )
    for (const problem of problems) {
      console.log(`problem: ${problem}`)
    }
    const failed =
      lost !== 0 ||
      stuck !== 0 ||
      duplicates > bound ||
      effectCount !== options.tasks ||
      problems.length > 0
    if (failed) {
      keep = true
      console.log(`soak-tasks: FAILED; the run's files are kept in ${dir}`)
    }
    console.log(
      `tasks-crash: lost ${String(lost)}, stuck ${String(stuck)}, duplicate runs ${String(duplicates)} ` +
        `(bound ${String(bound)}), effects ${String(effectCount)}/${String(options.tasks)}`
    )
    return failed ? 1 : 0
  } finally {
    killAll()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    if (!keep) {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

process.exitCode = await main()
