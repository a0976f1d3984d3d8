import { randomUUID } from 'node:crypto'
import type { TaskBackend } from './backend.ts'
import { inlineResult, runInline } from './local.ts'

/** Options of `immediateBackend()`. */
export interface ImmediateBackendOptions {
  /** Allowed queue names @default null (any) */
  queues?: readonly string[] | null | undefined
}

/**
 * Django's `ImmediateBackend`: `enqueue()` runs the task at once, in this process, one attempt,
 * and resolves with the finished result; the task's error never reaches the caller. Nothing is
 * stored, so `getResult()` is not supported. The default backend of `task()`.
 * @param [options={}]
 * @see docs/tasks.md
 * @example
 * const backend = immediateBackend()
 * const result = await task(async () => 42, { name: 'answer', backend }).enqueue()
 * result.returnValue // 42
 */
export function immediateBackend(options: ImmediateBackendOptions = {}): TaskBackend {
  const workerId = randomUUID()
  const backend: TaskBackend = {
    name: 'immediate',
    supports: {
      defer: false,
      priority: true,
      getResult: false,
      transactions: false,
      cancelRunning: false,
      fencedProgress: true,
    },
    queues: options.queues ?? null,
    enqueue: async (request) => {
      const record = inlineResult({ ...request, maxAttempts: 1 })
      return runInline(record, backend, workerId, () => {})
    },
    getResult: () => Promise.resolve(null),
    cancel: () => Promise.resolve(false),
    retry: () => Promise.resolve(false),
  }
  return backend
}
