import { describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import type { WorkerBackend } from '../../src/tasks/backend.ts'
import { dummyBackend } from '../../src/tasks/dummy.ts'
import { runDueSchedules, schedule } from '../../src/tasks/schedule.ts'
import type { TaskSchedule } from '../../src/tasks/schedule.ts'
import type { SqliteBackend } from '../../src/tasks/sqlite.ts'
import { task } from '../../src/tasks/task.ts'
import { worker } from '../../src/tasks/worker.ts'
import { useTaskDatabase } from './fixtures/database.ts'

const files = useTaskDatabase('schedule')
const connect = (): SqliteBackend => files.connect()
let seq = 0

const unique = (base: string): string => `${base}-${String(++seq)}`
const at = (iso: string): Date => new Date(iso)
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

describe('schedule() at definition', () => {
  const backend = dummyBackend()
  const job = task((n: number) => n, { name: unique('sched-def'), backend })

  it('throws a TypeError for a bad cron expression', () => {
    expect(() => schedule(job, 'every day')).toThrow(/^schedule\(\): bad cron expression/)
    expect(() => schedule(job, '61 * * * *')).toThrow(TypeError)
    expect(() => schedule(job, '')).toThrow(/non-empty string/)
  })

  it('throws for an expression that is never due', () => {
    expect(() => schedule(job, '0 0 30 2 *')).toThrow(/never due/)
  })

  it('throws for an unknown time zone', () => {
    expect(() => schedule(job, '0 3 * * *', { timezone: 'Mars/Olympus' })).toThrow(
      'schedule(): "timezone": unknown time zone "Mars/Olympus".'
    )
  })

  it('applies the JSON rule to args, given once, and copies them', () => {
    expect(() => schedule(job, '0 3 * * *', { args: [new Date() as never] })).toThrow(
      /schedule\(\).*args\[0\]/
    )
    const given = [1]
    const made = schedule(job, '0 3 * * *', { args: given })
    given[0] = 2
    expect(made.args).toEqual([1])
  })

  it('refuses unknown options and a non-task', () => {
    expect(() => schedule(job, '0 3 * * *', { tz: 'UTC' } as never)).toThrow(/unknown option "tz"/)
    expect(() => schedule((() => {}) as never, '0 3 * * *')).toThrow(/a task from task\(\)/)
  })

  it('reads the expression in its time zone', () => {
    const made = schedule(job, '0 3 * * *', { timezone: 'Europe/Stockholm' })
    expect(made.next(at('2026-06-01T00:00:00Z'))?.toISOString()).toBe('2026-06-01T01:00:00.000Z')
    expect(schedule(job, '0 3 * * *').next(at('2026-06-01T00:00:00Z'))?.toISOString()).toBe(
      '2026-06-01T03:00:00.000Z'
    )
  })
})

describe('the SQLite backend', () => {
  it('enqueues each due time exactly once with two backends racing on one file', async () => {
    const a = connect()
    const b = connect()
    const job = task((n: number) => n, { name: unique('sched-race'), backend: a })
    const everySecond = schedule(job, '* * * * * *', { args: [7] })
    const start = at('2026-01-01T00:00:00.000Z').getTime()
    // the first call records the next due time and enqueues nothing for the past
    expect(await a.runSchedules([everySecond], new Date(start))).toBe(0)
    let enqueued = 0
    for (let second = 1; second <= 50; second++) {
      // both see the same due time, at slightly different moments, in varying order
      const now = start + second * 1000 + (second % 3) * 100
      const first = second % 2 === 0 ? a : b
      const other = first === a ? b : a
      const counts = await Promise.all([
        first.runSchedules([everySecond], new Date(now)),
        other.runSchedules([everySecond], new Date(now + 7)),
        other.runSchedules([everySecond], new Date(now + 11)),
      ])
      enqueued += counts.reduce((sum, n) => sum + n, 0)
    }
    const records = a.list({ limit: 1000 }).filter((record) => record.taskName === job.name)
    expect(enqueued).toBe(50)
    expect(records).toHaveLength(50)
    const keys = new Set(records.map((record) => record.idempotencyKey))
    expect(keys.size).toBe(50)
    expect(keys.has(`${everySecond.name}@2026-01-01T00:00:01.000Z`)).toBe(true)
    expect(keys.has(`${everySecond.name}@2026-01-01T00:00:50.000Z`)).toBe(true)
    expect(records.every((record) => JSON.stringify(record.args) === '[7]')).toBe(true)
  })

  it('enqueues each due time exactly once with two processes racing on one file', async () => {
    const t0 = Date.parse('2026-01-01T00:00:00.000Z')
    // the schedule's row exists before either starts, so both race from the first due time
    const setup = connect()
    const job = task(() => {}, { name: 'race.tick', backend: setup })
    await setup.runSchedules([schedule(job, '* * * * * *', { args: ['race'] })], new Date(t0))
    const env = {
      ...process.env,
      DB: files.path,
      T0: String(t0),
      SPAN: '60000',
    }
    // each starts, says ready, and waits for "go", so the two walk the due times at once
    const start = (): { ready: Promise<void>; go: () => void; result: Promise<number> } => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'fixtures/scheduler.ts')],
        { env, stdio: ['pipe', 'pipe', 'inherit'] }
      )
      let out = ''
      const ready = new Promise<void>((done) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          if (out.includes('ready')) {
            done()
          }
        })
      })
      const result = new Promise<number>((done, failed) => {
        child.on('exit', (code) => {
          const found = /enqueued (\d+)/.exec(out)
          if (code === 0 && found?.[1] !== undefined) {
            done(Number(found[1]))
          } else {
            failed(new Error(`scheduler exited with ${String(code)}: ${out}`))
          }
        })
      })
      return { ready, go: () => child.stdin.end('go\n'), result }
    }
    const both = [start(), start()]
    await Promise.all(both.map((child) => child.ready))
    for (const child of both) {
      child.go()
    }
    const counts = await Promise.all(both.map((child) => child.result))
    const records = setup.list({ limit: 1000 }).filter((record) => record.taskName === 'race.tick')
    expect((counts[0] ?? 0) + (counts[1] ?? 0)).toBe(60)
    expect(records).toHaveLength(60)
    expect(new Set(records.map((record) => record.idempotencyKey)).size).toBe(60)
  }, 20_000)

  it('collapses runs missed during downtime into one', async () => {
    const backend = connect()
    const job = task(() => {}, { name: unique('sched-missed'), backend })
    const hourly = schedule(job, '0 * * * *')
    await backend.runSchedules([hourly], at('2026-01-01T00:30:00Z'))
    // no worker for a day and a half: 36 due times passed
    expect(await backend.runSchedules([hourly], at('2026-01-02T12:30:00Z'))).toBe(1)
    expect(await backend.runSchedules([hourly], at('2026-01-02T12:59:59Z'))).toBe(0)
    expect(await backend.runSchedules([hourly], at('2026-01-02T13:00:00Z'))).toBe(1)
    const records = backend.list().filter((record) => record.taskName === job.name)
    expect(records.map((record) => record.idempotencyKey).sort()).toEqual([
      `${hourly.name}@2026-01-01T01:00:00.000Z`,
      `${hourly.name}@2026-01-02T13:00:00.000Z`,
    ])
  })

  it('starts over from now when the expression changes', async () => {
    const backend = connect()
    const job = task(() => {}, { name: unique('sched-change'), backend })
    await backend.runSchedules([schedule(job, '0 * * * *')], at('2026-01-01T00:30:00Z'))
    const daily = schedule(job, '0 3 * * *')
    expect(await backend.runSchedules([daily], at('2026-01-01T02:00:00Z'))).toBe(0)
    expect(await backend.runSchedules([daily], at('2026-01-01T03:00:00Z'))).toBe(1)
  })

  it('rolls the advance back when the enqueue fails', async () => {
    const backend = connect()
    const job = task(() => {}, { name: unique('sched-rollback'), backend })
    const hourly = schedule(job, '0 * * * *')
    await backend.runSchedules([hourly], at('2026-01-01T00:30:00Z'))
    const broken: TaskSchedule = {
      ...hourly,
      request: () => {
        throw new Error('disk full')
      },
    }
    await expect(backend.runSchedules([broken], at('2026-01-01T01:00:00Z'))).rejects.toThrow(
      'disk full'
    )
    expect(await backend.runSchedules([hourly], at('2026-01-01T01:00:05Z'))).toBe(1)
  })

  it('runs schedules from two workers, once per due time, until they stop', async () => {
    const a = connect()
    const b = connect()
    const runs: string[] = []
    const job = task(
      (context, label: string) => {
        runs.push(`${label} ${String(context.idempotencyKey)}`)
      },
      { name: unique('sched-worker'), backend: a, takesContext: true }
    )
    const everySecond = schedule(job, '* * * * * *', { args: ['tick'] })
    const one = worker({ backend: a, schedules: [everySecond], id: 'one' })
    const two = worker({ backend: b, schedules: [everySecond], id: 'two' })
    await sleep(2600)
    await Promise.all([one.stop(), two.stop()])
    const records = a.list().filter((record) => record.taskName === job.name)
    const keys = records.map((record) => record.idempotencyKey)
    expect(records.length).toBeGreaterThanOrEqual(2)
    expect(new Set(keys).size).toBe(keys.length)
    expect(runs.every((run) => run.startsWith(`tick ${everySecond.name}@`))).toBe(true)
    await sleep(1100)
    expect(a.list().filter((record) => record.taskName === job.name)).toHaveLength(records.length)
  })

  it('refuses duplicate names and backends without runSchedules', () => {
    const backend = connect()
    const job = task(() => {}, { name: unique('sched-refuse'), backend })
    expect(() =>
      worker({ backend, schedules: [schedule(job, '0 * * * *'), schedule(job, '0 3 * * *')] })
    ).toThrow(/two schedules are named/)
    const without: WorkerBackend = { ...backend }
    delete without.runSchedules
    expect(() => worker({ backend: without, schedules: [schedule(job, '0 * * * *')] })).toThrow(
      'worker(): "schedules": the sqlite backend cannot run schedules.'
    )
  })
})

describe('runDueSchedules()', () => {
  it('enqueues only when its fenced advance wins', () => {
    const job = task(() => {}, { name: unique('sched-fence'), backend: dummyBackend() })
    const hourly = schedule(job, '0 * * * *')
    const spec = JSON.stringify([hourly.cron, hourly.timezone])
    const due = Date.parse('2026-01-01T01:00:00Z')
    const enqueued: string[] = []
    const store = (wins: boolean): Parameters<typeof runDueSchedules>[2] => ({
      // both claimants read the same due row; another one moved it first when `wins` is false
      get: () => ({ spec, nextRunAt: due }),
      reset: () => {},
      advance: (_name, from, to) => {
        expect([from, to]).toEqual([due, Date.parse('2026-01-01T02:00:00Z')])
        return wins
      },
      enqueue: (request) => {
        enqueued.push(String(request.idempotencyKey))
      },
    })
    const now = new Date('2026-01-01T01:00:30Z')
    expect(runDueSchedules([hourly], now, store(false))).toBe(0)
    expect(runDueSchedules([hourly], now, store(true))).toBe(1)
    expect(enqueued).toEqual([`${hourly.name}@2026-01-01T01:00:00.000Z`])
  })
})

describe('the dummy backend', () => {
  it('runs schedules deterministically at the times it is given', async () => {
    const backend = dummyBackend()
    const seen: number[] = []
    const job = task(
      (n: number) => {
        seen.push(n)
      },
      { name: unique('sched-dummy'), backend }
    )
    const hourly = schedule(job, '0 * * * *', { args: [3] })
    expect(await backend.runSchedules([hourly], at('2026-01-01T00:30:00Z'))).toBe(0)
    expect(await backend.runSchedules([hourly], at('2026-01-01T00:59:00Z'))).toBe(0)
    expect(await backend.runSchedules([hourly], at('2026-01-01T01:00:00Z'))).toBe(1)
    expect(await backend.runSchedules([hourly], at('2026-01-01T01:00:00Z'))).toBe(0)
    expect(await backend.runSchedules([hourly], at('2026-01-01T09:10:00Z'))).toBe(1)
    expect(backend.results.map((result) => result.status)).toEqual(['READY', 'READY'])
    await backend.drain()
    expect(seen).toEqual([3, 3])
    backend.clear()
    expect(await backend.runSchedules([hourly], at('2026-01-01T10:00:00Z'))).toBe(0)
  })
})
