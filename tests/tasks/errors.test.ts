// The task errors (one base in src/tasks/errors.ts; RedisUnavailable of hxkit/tasks-bullmq has the
// same shape): every public class keeps its name (the exceptionClassPath a record stores), its
// own instanceof and Error's, and toTaskError() records it by that name.
import { describe, expect, it } from 'vitest'
import { toTaskError } from '../../src/tasks/errors.ts'
import {
  LeaseExpired,
  TaskCancelled,
  TaskResultDoesNotExist,
  TaskResultMismatch,
  TaskStalled,
  TaskTimeout,
  WorkerShutdown,
} from '../../src/tasks/index.ts'
import { RedisUnavailable } from '../../src/tasks-bullmq/index.ts'

const CLASSES: readonly [string, new (message?: string, options?: ErrorOptions) => Error][] = [
  ['TaskCancelled', TaskCancelled],
  ['TaskTimeout', TaskTimeout],
  ['LeaseExpired', LeaseExpired],
  ['TaskStalled', TaskStalled],
  ['WorkerShutdown', WorkerShutdown],
  ['TaskResultDoesNotExist', TaskResultDoesNotExist],
  ['TaskResultMismatch', TaskResultMismatch],
  ['RedisUnavailable', RedisUnavailable],
]

describe('the task errors', () => {
  it.each(CLASSES)('%s keeps its name, message, cause and instanceof', (name, ErrorClass) => {
    const cause = new Error('underneath')
    const error = new ErrorClass('it went wrong', { cause })

    expect(error).toBeInstanceOf(ErrorClass)
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe(name)
    expect(error.message).toBe('it went wrong')
    expect(error.cause).toBe(cause)
    expect(String(error)).toBe(`${name}: it went wrong`)
    expect(error.stack).toMatch(new RegExp(`^${name}: it went wrong\\n`))
    expect(toTaskError(error, 2)).toMatchObject({
      exceptionClassPath: name,
      message: 'it went wrong',
      attempt: 2,
    })
    for (const [other, OtherClass] of CLASSES) {
      if (other !== name) {
        expect(error).not.toBeInstanceOf(OtherClass)
      }
    }
  })
})
