import { randomUUID } from 'node:crypto'
import type { EnqueueRequest, TaskBackend } from './backend.ts'
import { requireTask } from './definition.ts'
import { toTaskError } from './errors.ts'
import type { TaskRecord } from './record.ts'
import { TaskResult } from './result.ts'
import { runAttempt } from './run.ts'

/** A fresh READY record for the in-memory backends and `call()`. */
export function inlineResult(request: EnqueueRequest): TaskRecord {
  return {
    id: randomUUID(),
    taskName: request.taskName,
    queueName: request.queueName,
    priority: request.priority,
    status: 'READY',
    args: request.args,
    enqueuedAt: new Date(),
    runAfter: request.runAfter,
    startedAt: null,
    lastAttemptedAt: null,
    finishedAt: null,
    workerIds: [],
    errors: [],
    returnValue: undefined,
    progress: null,
    maxAttempts: request.maxAttempts,
    idempotencyKey: request.idempotencyKey,
  }
}

/**
 * Runs one attempt of an in-memory record, with `workerId`, and returns the record after it
 * (READY again when the attempt failed and attempts are left, so a caller can loop).
 */
export async function runInline(
  record: TaskRecord,
  backend: TaskBackend,
  workerId: string,
  update: (record: TaskRecord) => void
): Promise<TaskRecord> {
  const definition = requireTask(`${backend.name} backend`, record.taskName)
  const now = new Date()
  let current: TaskRecord = {
    ...record,
    status: 'RUNNING',
    startedAt: record.startedAt ?? now,
    lastAttemptedAt: now,
    workerIds: [...record.workerIds, workerId],
  }
  update(current)
  const attempt = current.workerIds.length
  const outcome = await runAttempt(definition, current.args, {
    attempt,
    result: new TaskResult(current, backend),
    idempotencyKey: current.idempotencyKey,
    progress: (progress) => {
      current = { ...current, progress }
      update(current)
      return Promise.resolve()
    },
  })
  if (outcome.ok) {
    current = {
      ...current,
      status: 'SUCCESSFUL',
      finishedAt: new Date(),
      returnValue: outcome.value,
    }
  } else {
    const retry = attempt < current.maxAttempts
    current = {
      ...current,
      status: retry ? 'READY' : 'FAILED',
      finishedAt: retry ? null : new Date(),
      errors: [...current.errors, toTaskError(outcome.error, attempt)],
    }
  }
  update(current)
  return current
}
