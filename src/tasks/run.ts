import { isThenable } from '../internal/thenable.ts'
import { checkProgress } from './definition.ts'
import type { TaskDefinition } from './definition.ts'
import { TaskTimeout } from './errors.ts'
import { checkJson } from './json.ts'
import type { JsonValue } from './json.ts'
import type { TaskProgress } from './record.ts'
import type { TaskResult } from './result.ts'

export type AttemptOutcome =
  { readonly ok: true; readonly value: JsonValue } | { readonly ok: false; readonly error: unknown }

export interface AttemptInput {
  readonly attempt: number
  readonly result: TaskResult<unknown>
  readonly idempotencyKey: string | null
  /** Aborted by the runner's owner: cancel, lost lease, shutdown. */
  readonly signal?: AbortSignal | undefined
  readonly progress: (progress: TaskProgress) => Promise<unknown>
  /** The fenced transaction of the backend; without it, `context.transaction(fn)` runs `fn` as is. */
  readonly transaction?: (<T>(fn: () => T) => Promise<T>) | undefined
}

/** Checks `fn` and runs it (no database, no fence), for the in-memory backends and `call()`. */
function runSynchronously<T>(fn: () => T): T {
  const value = fn()
  if (isThenable(value)) {
    throw new TypeError(
      'context.transaction(): the function must be synchronous; it returned a promise.'
    )
  }
  return value
}

/**
 * Runs one attempt. It settles as soon as the signal aborts (timeout, cancel, shutdown), with the
 * abort reason as the error: a handler that ignores its signal keeps running in the background,
 * but its outcome no longer counts (JavaScript cannot stop a function from outside).
 */
export async function runAttempt(
  definition: TaskDefinition,
  args: readonly JsonValue[],
  input: AttemptInput
): Promise<AttemptOutcome> {
  const controller = new AbortController()
  const timer = setTimeout(() => {
    controller.abort(
      new TaskTimeout(`${definition.name}: ran longer than ${String(definition.timeout)} ms.`)
    )
  }, definition.timeout)
  const forward = (): void => {
    controller.abort(input.signal?.reason)
  }
  input.signal?.addEventListener('abort', forward)
  if (input.signal?.aborted === true) {
    forward()
  }
  const { signal } = controller
  let stop = (): void => {}
  const aborted = new Promise<AttemptOutcome>((settle) => {
    const onAbort = (): void => {
      settle({ ok: false, error: signal.reason })
    }
    signal.addEventListener('abort', onAbort)
    stop = () => {
      signal.removeEventListener('abort', onAbort)
    }
    if (signal.aborted) {
      onAbort()
    }
  })
  const run = async (): Promise<AttemptOutcome> => {
    const fn = definition.fn as (...params: unknown[]) => unknown
    const params: unknown[] = [...args]
    if (definition.takesContext) {
      params.unshift({
        attempt: input.attempt,
        result: input.result,
        signal,
        idempotencyKey: input.idempotencyKey,
        progress: async (fraction: unknown, message?: unknown) => {
          await input.progress(checkProgress(fraction, message))
        },
        transaction: (body: unknown) => {
          if (typeof body !== 'function') {
            return Promise.reject(
              new TypeError('context.transaction(): the argument must be a function.')
            )
          }
          const writes = body as () => unknown
          if (input.transaction !== undefined) {
            return input.transaction(writes)
          }
          try {
            return Promise.resolve(runSynchronously(writes))
          } catch (error) {
            return Promise.reject(error instanceof Error ? error : new Error(String(error)))
          }
        },
      })
    }
    try {
      const value = await fn(...params)
      const stored = value === undefined ? null : value
      checkJson(definition.name, 'the return value', stored)
      return { ok: true, value: stored as JsonValue }
    } catch (error) {
      return { ok: false, error }
    }
  }
  try {
    return await Promise.race([run(), aborted])
  } finally {
    clearTimeout(timer)
    stop()
    input.signal?.removeEventListener('abort', forward)
  }
}
