import { describe, expect, it } from 'vitest'
import { dummyBackend } from '../../src/tasks/dummy.ts'
import { TaskResultDoesNotExist, TaskResultMismatch } from '../../src/tasks/errors.ts'
import { immediateBackend } from '../../src/tasks/immediate.ts'
import type { TaskContext } from '../../src/tasks/index.ts'
import { task } from '../../src/tasks/task.ts'

let counter = 0
const unique = (): string => `task-test-${String(++counter)}`

describe('task()', () => {
  describe('with a good definition', () => {
    it('exposes Django’s attributes with their defaults', () => {
      const backend = dummyBackend()
      const name = unique()

      const defined = task(async () => {}, { name, backend })

      expect(defined).toMatchObject({
        name,
        priority: 0,
        queueName: 'default',
        backend,
        takesContext: false,
        runAfter: null,
        maxAttempts: 1,
      })
    })

    it('takes the function’s name when none is given', () => {
      function namedForTheTest(): null {
        return null
      }

      expect(task(namedForTheTest).name).toBe('namedForTheTest')
    })

    it('runs on the immediate backend by default', async () => {
      const result = await task(() => 'done', { name: unique() }).enqueue()

      expect(result.backend).toBe('immediate')
      expect(result.returnValue).toBe('done')
    })
  })

  describe('with a bad definition', () => {
    it.each([
      [{ priority: 101 }, '"priority" must be an integer from -100 to 100'],
      [{ priority: 1.5 }, '"priority" must be an integer from -100 to 100'],
      [{ queueName: '' }, '"queueName" must be a non-empty string'],
      [{ queueName: 'other' }, '"queueName" must be one of the backend\'s queues: default'],
      [{ takesContext: 'yes' }, '"takesContext" must be a boolean'],
      [{ maxAttempts: 0 }, '"maxAttempts" must be an integer from 1 to 1000'],
      [{ timeout: 0 }, '"timeout" must be a number of ms from 1 to 2147483647'],
      [{ idempotencyKey: 'k' }, '"idempotencyKey" must be a function of the arguments'],
      [{ backoff: { delay: -1 } }, '"backoff.delay" must be a finite number ≥ 0'],
      [{ backend: {} }, '"backend" must be a task backend'],
      [{ name: 'has space' }, '"name" must be 1–200 letters'],
      [{ colour: 'red' }, 'unknown option "colour"'],
    ])('throws a TypeError for %o', (options, message) => {
      const backend = dummyBackend({ queues: ['default'] })

      expect(() => task(async () => {}, { name: unique(), backend, ...options } as never)).toThrow(
        `task(): ${message}`
      )
    })

    it('refuses a second task with the same name', () => {
      const name = unique()
      task(async () => {}, { name })

      expect(() => task(async () => {}, { name })).toThrow(
        `a task named "${name}" is already defined`
      )
    })

    it('refuses a function that is not one', () => {
      expect(() => task('nope' as never)).toThrow(
        "task(): the first argument must be the task's function."
      )
    })

    it('refuses a priority the backend cannot honour', () => {
      const backend = {
        ...dummyBackend(),
        supports: { ...dummyBackend().supports, priority: false },
      }

      expect(() => task(async () => {}, { name: unique(), backend, priority: 1 })).toThrow(
        'task(): "priority": the dummy backend does not support priorities.'
      )
    })
  })

  describe('enqueue()', () => {
    it('stores JSON arguments as given', async () => {
      const backend = dummyBackend()
      const send = task(async (_to: string, _data: { n: number[] }) => {}, {
        name: unique(),
        backend,
      })

      const result = await send.enqueue('ada', { n: [1, 2] })

      expect(result.status).toBe('READY')
      expect(result.args).toEqual(['ada', { n: [1, 2] }])
      expect(result.id).toMatch(/^[\w-]{1,63}$/)
    })

    it('refuses arguments that do not survive JSON, synchronously', () => {
      const backend = dummyBackend()
      const at = task(async (_when: unknown) => {}, { name: unique(), backend })

      expect(() => at.enqueue(new Date())).toThrow(
        new RegExp(`^${at.name}\\.enqueue\\(\\): argument 1 is a Date;`)
      )
      expect(backend.results).toHaveLength(0)
    })

    it('makes the idempotency key from the arguments', async () => {
      const backend = dummyBackend()
      const send = task(async (_id: number) => {}, {
        name: unique(),
        backend,
        idempotencyKey: (id) => `order-${String(id)}`,
      })

      const first = await send.enqueue(7)
      const second = await send.enqueue(7)

      expect(second.id).toBe(first.id)
      expect(first.idempotencyKey).toBe('order-7')
      expect(backend.results).toHaveLength(1)
    })

    it('refuses a key function that returns no string', () => {
      const send = task(async () => {}, {
        name: unique(),
        backend: dummyBackend(),
        idempotencyKey: () => '',
      })

      expect(() => send.enqueue()).toThrow('"idempotencyKey" must return a non-empty string.')
    })
  })

  describe('using()', () => {
    it('returns a copy with the new settings and leaves the original', async () => {
      const backend = dummyBackend()
      const other = dummyBackend()
      const base = task(async () => {}, { name: unique(), backend })
      const runAfter = new Date(Date.now() + 60_000)

      const copy = base.using({
        priority: 5,
        queueName: 'mail',
        runAfter,
        backend: other,
        idempotencyKey: 'k',
      })
      const result = await copy.enqueue()

      expect(base.priority).toBe(0)
      expect(copy).toMatchObject({ priority: 5, queueName: 'mail', runAfter, backend: other })
      expect(result.idempotencyKey).toBe('k')
      expect(result.runAfter).toEqual(runAfter)
      expect(other.results).toHaveLength(1)
      expect(backend.results).toHaveLength(0)
    })

    it.each([
      [{ runAfter: new Date(Number.NaN) }, '"runAfter" must be a valid Date.'],
      [{ idempotencyKey: '' }, '"idempotencyKey" must be a non-empty string.'],
      [{ delay: 1 }, 'unknown option "delay"'],
    ])('refuses %o', (options, message) => {
      const base = task(async () => {}, { name: unique(), backend: dummyBackend() })

      expect(() => base.using(options as never)).toThrow(`${base.name}.using(): ${message}`)
    })

    it('refuses runAfter on a backend that cannot defer', () => {
      const base = task(async () => {}, { name: unique(), backend: immediateBackend() })

      expect(() => base.using({ runAfter: new Date() })).toThrow(
        '"runAfter": the immediate backend cannot defer tasks.'
      )
    })
  })

  describe('getResult()', () => {
    it('finds a stored result', async () => {
      const backend = dummyBackend()
      const ping = task(() => 'pong', { name: unique(), backend })
      const { id } = await ping.enqueue()

      const found = await ping.getResult(id)

      expect(found.id).toBe(id)
      expect(found.taskName).toBe(ping.name)
    })

    it('throws TaskResultDoesNotExist for an unknown id', async () => {
      const ping = task(() => 'pong', { name: unique(), backend: dummyBackend() })

      await expect(ping.getResult('nope')).rejects.toBeInstanceOf(TaskResultDoesNotExist)
    })

    it('throws TaskResultMismatch for another task’s id', async () => {
      const backend = dummyBackend()
      const one = task(() => 1, { name: unique(), backend })
      const two = task(() => 2, { name: unique(), backend })
      const { id } = await one.enqueue()

      await expect(two.getResult(id)).rejects.toBeInstanceOf(TaskResultMismatch)
    })
  })

  describe('call()', () => {
    it('runs the function inline and returns its value', async () => {
      const double = task(async (n: number) => Promise.resolve(n * 2), {
        name: unique(),
        backend: dummyBackend(),
      })

      expect(await double.call(21)).toBe(42)
    })

    it('throws the function’s error', async () => {
      const fail = task(
        () => {
          throw new Error('inline')
        },
        { name: unique(), backend: dummyBackend() }
      )

      await expect(fail.call()).rejects.toThrow('inline')
    })

    it('passes a context to a task that takes one', async () => {
      const seen = task(
        (context: TaskContext, n: number) => ({
          attempt: context.attempt,
          n,
          aborted: context.signal.aborted,
        }),
        { name: unique(), backend: dummyBackend(), takesContext: true }
      )

      expect(await seen.call(3)).toEqual({ attempt: 1, n: 3, aborted: false })
    })
  })

  describe('the context', () => {
    it('records progress and checks its arguments', async () => {
      const backend = dummyBackend()
      const steps = task(
        async (context: TaskContext) => {
          await context.progress(0.5, 'half')
          await expect(context.progress(2)).rejects.toThrow(
            'progress(): "fraction" must be a number from 0 to 1.'
          )
          await expect(context.progress(0.1, 1 as never)).rejects.toThrow(
            'progress(): "message" must be a string.'
          )
          return context.result.id
        },
        { name: unique(), backend, takesContext: true }
      )
      const { id } = await steps.enqueue()

      await backend.drain()
      const result = await steps.getResult(id)

      expect(result.progress).toEqual({ fraction: 0.5, message: 'half' })
      expect(result.returnValue).toBe(id)
    })

    it('aborts the signal and fails the attempt with TaskTimeout at the timeout', async () => {
      const backend = dummyBackend()
      let reason: unknown
      const slow = task(
        (context: TaskContext) =>
          new Promise<void>((resolve) => {
            context.signal.addEventListener('abort', () => {
              reason = context.signal.reason
              resolve()
            })
          }),
        { name: unique(), backend, takesContext: true, timeout: 20 }
      )
      await slow.enqueue()

      await backend.drain()

      expect(reason).toMatchObject({ name: 'TaskTimeout' })
      expect(backend.results[0]?.status).toBe('FAILED')
      expect(backend.results[0]?.errors[0]?.exceptionClassPath).toBe('TaskTimeout')
    })

    it('runs transaction() as is where there is no database to fence', async () => {
      const backend = dummyBackend()
      const writes: string[] = []
      const body = async (context: TaskContext): Promise<[number, ...string[]]> => {
        const value = await context.transaction(() => {
          writes.push('written')
          return 1
        })
        const refused = await Promise.allSettled([
          context.transaction(() => Promise.resolve(2)),
          context.transaction('not a function' as never),
          context.transaction(() => {
            // eslint-disable-next-line @typescript-eslint/only-throw-error -- a non-Error throw
            throw 'plain'
          }),
        ])
        return [
          value,
          ...refused.map((outcome) => String((outcome as PromiseRejectedResult).reason)),
        ]
      }
      const inline = task(body, { name: unique(), backend, takesContext: true })

      const [value, ...reasons] = await inline.call()
      await inline.enqueue()
      await backend.drain()

      expect(value).toBe(1)
      expect(reasons).toEqual([
        'TypeError: context.transaction(): the function must be synchronous; it returned a promise.',
        'TypeError: context.transaction(): the argument must be a function.',
        'Error: plain',
      ])
      expect(writes).toEqual(['written', 'written'])
      expect(backend.results[0]?.status).toBe('SUCCESSFUL')
    })

    it('fails an attempt whose return value would not survive JSON', async () => {
      const backend = dummyBackend()
      const dated = task(() => new Date(), { name: unique(), backend })
      await dated.enqueue()

      await backend.drain()

      expect(backend.results[0]?.errors[0]?.message).toContain('the return value is a Date')
    })
  })
})
