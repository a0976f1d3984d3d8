import type { TaskBackend } from './backend.ts'
import { TaskResultDoesNotExist } from './errors.ts'
import type { JsonValue } from './json.ts'
import type { TaskError, TaskProgress, TaskRecord, TaskResultStatus } from './record.ts'

/**
 * A task's state as its backend last reported it (Django's `TaskResult`, camelCase).
 * `refresh()` reads it again.
 * @see docs/tasks.md
 * @example
 * const result = await sendEmail.enqueue('ada@example.com')
 * await result.refresh()
 * if (result.status === 'SUCCESSFUL') console.log(result.returnValue)
 */
export class TaskResult<R = JsonValue> {
  #record: TaskRecord
  readonly #backend: TaskBackend

  constructor(record: TaskRecord, backend: TaskBackend) {
    this.#record = record
    this.#backend = backend
  }

  /** A backend-made string under 64 characters. */
  get id(): string {
    return this.#record.id
  }
  get taskName(): string {
    return this.#record.taskName
  }
  get queueName(): string {
    return this.#record.queueName
  }
  get priority(): number {
    return this.#record.priority
  }
  get backend(): string {
    return this.#backend.name
  }
  get status(): TaskResultStatus {
    return this.#record.status
  }
  get args(): readonly JsonValue[] {
    return this.#record.args
  }
  get enqueuedAt(): Date {
    return this.#record.enqueuedAt
  }
  get runAfter(): Date | null {
    return this.#record.runAfter
  }
  /** When the first attempt started. */
  get startedAt(): Date | null {
    return this.#record.startedAt
  }
  /** When the latest attempt started. */
  get lastAttemptedAt(): Date | null {
    return this.#record.lastAttemptedAt
  }
  get finishedAt(): Date | null {
    return this.#record.finishedAt
  }
  /** One entry per attempt started, the running one included. */
  get workerIds(): readonly string[] {
    return this.#record.workerIds
  }
  /** `workerIds.length`, as in Django. */
  get attempts(): number {
    return this.#record.workerIds.length
  }
  /** One entry per failed attempt, oldest first. */
  get errors(): readonly TaskError[] {
    return this.#record.errors
  }
  get progress(): TaskProgress | null {
    return this.#record.progress
  }
  get maxAttempts(): number {
    return this.#record.maxAttempts
  }
  get idempotencyKey(): string | null {
    return this.#record.idempotencyKey
  }
  get isFinished(): boolean {
    return this.#record.status === 'SUCCESSFUL' || this.#record.status === 'FAILED'
  }
  /** The return value; throws, as Django does, when the task failed or has not finished. */
  get returnValue(): R {
    if (this.#record.status === 'FAILED') {
      throw new TypeError('returnValue: the task failed.')
    }
    if (this.#record.status !== 'SUCCESSFUL') {
      throw new TypeError('returnValue: the task has not finished yet.')
    }
    return this.#record.returnValue as R
  }

  /** Reads the task again from its backend. */
  async refresh(): Promise<void> {
    const record = await this.#backend.getResult(this.#record.id)
    if (record === null) {
      throw new TaskResultDoesNotExist(`refresh(): no task "${this.#record.id}" (pruned?).`)
    }
    this.#record = record
  }

  /** The plain data, for JSON or a template. */
  toJSON(): TaskRecord {
    return this.#record
  }
}
