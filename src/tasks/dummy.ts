import { randomUUID } from 'node:crypto'
import { checkKeys } from '../internal/options.ts'
import type { TaskBackend } from './backend.ts'
import { TaskCancelled, toTaskError } from './errors.ts'
import { inlineResult, runInline } from './local.ts'
import type { TaskRecord } from './record.ts'
import { TaskResult } from './result.ts'
import { runDueSchedules } from './schedule.ts'
import type { TaskSchedule } from './schedule.ts'

/** Options of `dummyBackend()`. */
export interface DummyBackendOptions {
  /** Allowed queue names @default null (any) */
  queues?: readonly string[] | null | undefined
}

/** The test backend: stores tasks in memory and runs them only when told to. */
export interface DummyBackend extends TaskBackend {
  /** Every task enqueued since the last `clear()`, oldest first. */
  readonly results: readonly TaskResult[]
  /** Forgets every task. */
  clear(): void
  /**
   * Runs every READY task (deferred ones too), highest priority first, retrying failures at once
   * until their attempts run out; resolves with the number of attempts run.
   */
  drain(): Promise<number>
  /**
   * Enqueues the schedules due at `now` by the same rule as the SQLite backend (the first call
   * only records the next due times; missed runs collapse into one), without a clock or a
   * worker; resolves with how many were enqueued. `clear()` forgets the due times too.
   */
  runSchedules(schedules: readonly TaskSchedule[], now: Date): Promise<number>
}

/**
 * Django's `DummyBackend`, with a `drain()` for tests: `enqueue()` stores a READY task and never
 * runs it.
 * @param [options={}]
 * @see docs/tasks.md
 * @example
 * const backend = dummyBackend()
 * const ping = task(async () => 'pong', { name: 'ping', backend })
 * await ping.enqueue()
 * await backend.drain()
 * backend.results[0]?.status // 'SUCCESSFUL'
 */
export function dummyBackend(options: DummyBackendOptions = {}): DummyBackend {
  checkKeys('dummyBackend()', options, ['queues'])
  const workerId = randomUUID()
  let records: TaskRecord[] = []
  let due = new Map<string, { spec: string; nextRunAt: number }>()
  const update = (record: TaskRecord): void => {
    records = records.map((old) => (old.id === record.id ? record : old))
  }
  const find = (id: string): TaskRecord | undefined => records.find((record) => record.id === id)
  const backend: DummyBackend = {
    name: 'dummy',
    supports: {
      defer: true,
      priority: true,
      getResult: true,
      transactions: false,
      cancelRunning: false,
      fencedProgress: true,
    },
    queues: options.queues ?? null,
    get results(): readonly TaskResult[] {
      return records.map((record) => new TaskResult(record, backend))
    },
    enqueue: (request) => {
      const live =
        request.idempotencyKey === null
          ? undefined
          : records.find(
              (record) =>
                record.idempotencyKey === request.idempotencyKey &&
                record.queueName === request.queueName &&
                (record.status === 'READY' || record.status === 'RUNNING')
            )
      if (live !== undefined) {
        return Promise.resolve(live)
      }
      const record = inlineResult(request)
      records.push(record)
      return Promise.resolve(record)
    },
    getResult: (id) => Promise.resolve(find(id) ?? null),
    cancel: (id) => {
      const record = find(id)
      if (record?.status !== 'READY') {
        return Promise.resolve(false)
      }
      const error = toTaskError(
        new TaskCancelled('Cancelled before it ran.'),
        record.workerIds.length
      )
      update({
        ...record,
        status: 'FAILED',
        finishedAt: new Date(),
        errors: [...record.errors, error],
      })
      return Promise.resolve('cancelled')
    },
    retry: (id) => {
      const record = find(id)
      if (record?.status !== 'FAILED') {
        return Promise.resolve(false)
      }
      update({
        ...record,
        status: 'READY',
        finishedAt: null,
        maxAttempts: record.workerIds.length + 1,
      })
      return Promise.resolve(true)
    },
    clear: () => {
      records = []
      due = new Map()
    },
    runSchedules: async (schedules, now) => {
      const requests: Parameters<DummyBackend['enqueue']>[0][] = []
      const enqueued = runDueSchedules(schedules, now, {
        get: (name) => due.get(name),
        reset: (name, spec, nextRunAt) => {
          due.set(name, { spec, nextRunAt })
        },
        advance: (name, from, to) => {
          if (due.get(name)?.nextRunAt !== from) {
            return false
          }
          due.set(name, { spec: due.get(name)?.spec ?? '', nextRunAt: to })
          return true
        },
        enqueue: (request) => {
          requests.push(request)
        },
      })
      for (const request of requests) {
        await backend.enqueue(request)
      }
      return enqueued
    },
    drain: async () => {
      let runs = 0
      for (;;) {
        const next = records
          .filter((record) => record.status === 'READY')
          .sort((a, b) => b.priority - a.priority)[0]
        if (next === undefined) {
          return runs
        }
        runs++
        await runInline(next, backend, workerId, update)
      }
    },
  }
  return backend
}
