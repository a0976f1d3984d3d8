import { checkKeys } from '../internal/options.ts'
import type { TaskBackend } from './backend.ts'
import { toBackoff } from './backoff.ts'
import type { BackoffFunction, BackoffOptions } from './backoff.ts'
import { registerTask } from './definition.ts'
import type { TaskContext, TaskDefinition } from './definition.ts'
import { TaskResultDoesNotExist, TaskResultMismatch } from './errors.ts'
import { immediateBackend } from './immediate.ts'
import { checkJson } from './json.ts'
import type { JsonValue } from './json.ts'
import { inlineResult } from './local.ts'
import type { TaskRecord } from './record.ts'
import { TaskResult } from './result.ts'
import { runAttempt } from './run.ts'

/** Options of `task()`. */
export interface TaskOptions<A extends unknown[]> {
  /** The stored name, unique in the app @default the function's name */
  name?: string | undefined
  /** −100..100, larger runs first @default 0 */
  priority?: number | undefined
  /** @default 'default' */
  queueName?: string | undefined
  /** @default the process-wide immediate backend (Django's default) */
  backend?: TaskBackend | undefined
  /** Pass a `TaskContext` as the first argument @default false */
  takesContext?: boolean | undefined
  /** Attempts in all, the first included @default 1 */
  maxAttempts?: number | undefined
  /** Exponential with jitter and a cap, or your own function @default { delay: 1000, factor: 2, max: 600_000, jitter: 0.2 } */
  backoff?: BackoffOptions | BackoffFunction | undefined
  /** ms an attempt may run before its signal aborts with `TaskTimeout` @default 3_600_000 */
  timeout?: number | undefined
  /** The idempotency key of a call: while a task with the key is READY or RUNNING, enqueue returns it */
  idempotencyKey?: ((...args: A) => string) | undefined
}

/** Per-enqueue overrides (Django's `using()`, plus the idempotency key). */
export interface TaskUsingOptions {
  priority?: number | undefined
  queueName?: string | undefined
  runAfter?: Date | undefined
  backend?: TaskBackend | undefined
  idempotencyKey?: string | undefined
}

/**
 * A defined task: enqueue it, look its results up, or call it inline.
 * @see docs/tasks.md
 * @example
 * const result = await sendEmail.using({ priority: 10 }).enqueue('ada@example.com')
 */
export interface Task<A extends unknown[], R> {
  readonly name: string
  readonly priority: number
  readonly queueName: string
  readonly backend: TaskBackend
  readonly takesContext: boolean
  readonly runAfter: Date | null
  readonly maxAttempts: number
  /**
   * Stores the task for a worker (or runs it, on the immediate backend). Arguments that would not
   * survive JSON throw a TypeError synchronously, so a transaction around the call rolls back.
   */
  enqueue(...args: A): Promise<TaskResult<R>>
  /** A copy with other settings; the original is unchanged. */
  using(options: TaskUsingOptions): Task<A, R>
  /** The result with this id; throws `TaskResultDoesNotExist` or `TaskResultMismatch`. */
  getResult(id: string): Promise<TaskResult<R>>
  /** Runs the function here and now, skipping the backend. */
  call(...args: A): Promise<R>
}

interface Settings {
  readonly priority: number
  readonly queueName: string
  readonly backend: TaskBackend
  readonly runAfter: Date | null
  readonly idempotencyKey: string | null
}

const KNOWN = [
  'name',
  'priority',
  'queueName',
  'backend',
  'takesContext',
  'maxAttempts',
  'backoff',
  'timeout',
  'idempotencyKey',
]
const USING = ['priority', 'queueName', 'runAfter', 'backend', 'idempotencyKey']
const fallback: TaskBackend = immediateBackend()

function integer(caller: string, name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(
      `${caller}: "${name}" must be an integer from ${String(min)} to ${String(max)}.`
    )
  }
  return value
}

function settle(caller: string, base: Settings, given: TaskUsingOptions): Settings {
  const backend = given.backend ?? base.backend
  if (typeof backend !== 'object' || typeof backend.enqueue !== 'function') {
    throw new TypeError(
      `${caller}: "backend" must be a task backend (immediateBackend(), sqliteBackend(db), …).`
    )
  }
  const priority =
    given.priority === undefined
      ? base.priority
      : integer(caller, 'priority', given.priority, -100, 100)
  if (priority !== 0 && !backend.supports.priority) {
    throw new TypeError(
      `${caller}: "priority": the ${backend.name} backend does not support priorities.`
    )
  }
  const queueName = given.queueName ?? base.queueName
  if (typeof queueName !== 'string' || queueName === '') {
    throw new TypeError(`${caller}: "queueName" must be a non-empty string.`)
  }
  if (backend.queues !== null && !backend.queues.includes(queueName)) {
    throw new TypeError(
      `${caller}: "queueName" must be one of the backend's queues: ${backend.queues.join(', ')}.`
    )
  }
  const runAfter = given.runAfter ?? base.runAfter
  if (runAfter !== null) {
    if (!(runAfter instanceof Date) || Number.isNaN(runAfter.getTime())) {
      throw new TypeError(`${caller}: "runAfter" must be a valid Date.`)
    }
    if (!backend.supports.defer) {
      throw new TypeError(`${caller}: "runAfter": the ${backend.name} backend cannot defer tasks.`)
    }
  }
  const idempotencyKey = given.idempotencyKey ?? base.idempotencyKey
  if (idempotencyKey !== null && (typeof idempotencyKey !== 'string' || idempotencyKey === '')) {
    throw new TypeError(`${caller}: "idempotencyKey" must be a non-empty string.`)
  }
  return { priority, queueName, backend, runAfter, idempotencyKey }
}

function define(fn: unknown, options: TaskOptions<never[]> | undefined): TaskDefinition {
  const caller = 'task()'
  if (typeof fn !== 'function') {
    throw new TypeError(`${caller}: the first argument must be the task's function.`)
  }
  checkKeys(caller, options, KNOWN)
  const given = options ?? {}
  const name = given.name ?? fn.name
  if (typeof name !== 'string' || !/^[\w.:/-]{1,200}$/.test(name)) {
    throw new TypeError(
      `${caller}: "name" must be 1–200 letters, digits or _ . : / - (an anonymous function needs one).`
    )
  }
  const takesContext = given.takesContext ?? false
  if (typeof takesContext !== 'boolean') {
    throw new TypeError(`${caller}: "takesContext" must be a boolean.`)
  }
  const timeout = given.timeout ?? 3_600_000
  if (typeof timeout !== 'number' || !(timeout > 0) || timeout > 2_147_483_647) {
    throw new TypeError(`${caller}: "timeout" must be a number of ms from 1 to 2147483647.`)
  }
  const key = given.idempotencyKey ?? null
  if (key !== null && typeof key !== 'function') {
    throw new TypeError(
      `${caller}: "idempotencyKey" must be a function of the arguments (or pass it to using()).`
    )
  }
  return {
    name,
    fn: fn as TaskDefinition['fn'],
    takesContext,
    maxAttempts: integer(caller, 'maxAttempts', given.maxAttempts ?? 1, 1, 1000),
    backoff: toBackoff(caller, given.backoff),
    timeout,
    idempotencyKey: key,
  }
}

function build<A extends unknown[], R>(definition: TaskDefinition, settings: Settings): Task<A, R> {
  const { backend } = settings
  const wrap = (record: TaskRecord): TaskResult<R> => new TaskResult<R>(record, backend)
  return {
    name: definition.name,
    priority: settings.priority,
    queueName: settings.queueName,
    backend,
    takesContext: definition.takesContext,
    runAfter: settings.runAfter,
    maxAttempts: definition.maxAttempts,
    enqueue(...args: A): Promise<TaskResult<R>> {
      const caller = `${definition.name}.enqueue()`
      args.forEach((arg, index) => {
        checkJson(caller, `argument ${String(index + 1)}`, arg)
      })
      let key = settings.idempotencyKey
      if (key === null && definition.idempotencyKey !== null) {
        const made: unknown = (definition.idempotencyKey as (...params: A) => unknown)(...args)
        if (typeof made !== 'string' || made === '') {
          throw new TypeError(`${caller}: "idempotencyKey" must return a non-empty string.`)
        }
        key = made
      }
      // not async: the backend's synchronous part (the INSERT) runs inside this call
      return backend
        .enqueue({
          taskName: definition.name,
          queueName: settings.queueName,
          priority: settings.priority,
          args: args as JsonValue[],
          runAfter: settings.runAfter,
          maxAttempts: definition.maxAttempts,
          idempotencyKey: key,
        })
        .then(wrap)
    },
    using(options: TaskUsingOptions): Task<A, R> {
      checkKeys(`${definition.name}.using()`, options, USING)
      return build<A, R>(definition, settle(`${definition.name}.using()`, settings, options))
    },
    async getResult(id: string): Promise<TaskResult<R>> {
      if (!backend.supports.getResult) {
        throw new TypeError(
          `${definition.name}.getResult(): the ${backend.name} backend cannot look results up.`
        )
      }
      const record = await backend.getResult(id)
      if (record === null) {
        throw new TaskResultDoesNotExist(`${definition.name}.getResult(): no task "${id}".`)
      }
      if (record.taskName !== definition.name) {
        throw new TaskResultMismatch(
          `${definition.name}.getResult(): task "${id}" is a "${record.taskName}", not a "${definition.name}".`
        )
      }
      return wrap(record)
    },
    async call(...args: A): Promise<R> {
      const record = inlineResult({
        taskName: definition.name,
        queueName: settings.queueName,
        priority: settings.priority,
        args: args as JsonValue[],
        runAfter: null,
        maxAttempts: 1,
        idempotencyKey: settings.idempotencyKey,
      })
      const outcome = await runAttempt(definition, record.args, {
        attempt: 1,
        result: wrap(record),
        idempotencyKey: record.idempotencyKey,
        progress: async () => {},
      })
      if (!outcome.ok) {
        throw outcome.error
      }
      return outcome.value as R
    },
  }
}

/**
 * Defines a task from a function (Django's `@task`). Bad options throw a TypeError naming the
 * option, here and not at enqueue.
 * @param fn an async function; with `takesContext`, its first parameter is the `TaskContext`
 * @param [options={}] see `TaskOptions`
 * @see docs/tasks.md
 * @example
 * const sendEmail = task(async (to: string) => { await mailer.send(to) }, {
 *   name: 'sendEmail', backend, maxAttempts: 5,
 * })
 * await sendEmail.enqueue('ada@example.com')
 */
export function task<A extends unknown[], R>(
  fn: (context: TaskContext, ...args: A) => R,
  options: TaskOptions<A> & { takesContext: true }
): Task<A, Awaited<R>>
export function task<A extends unknown[], R>(
  fn: (...args: A) => R,
  options?: TaskOptions<A> & { takesContext?: false | undefined }
): Task<A, Awaited<R>>
export function task(
  fn: (...args: never[]) => unknown,
  options?: TaskOptions<never[]>
): Task<never[], unknown> {
  const definition = define(fn, options)
  const settings = settle(
    'task()',
    {
      priority: 0,
      queueName: 'default',
      backend: fallback,
      runAfter: null,
      idempotencyKey: null,
    },
    {
      priority: options?.priority,
      queueName: options?.queueName,
      backend: options?.backend,
    }
  )
  registerTask(definition)
  return build(definition, settings)
}
