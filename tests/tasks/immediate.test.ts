import { describe, expect, it } from 'vitest'
import { immediateBackend } from '../../src/tasks/immediate.ts'
import { task } from '../../src/tasks/task.ts'

describe('immediateBackend()', () => {
  describe('on enqueue', () => {
    it('runs the task and resolves with the finished result', async () => {
      const backend = immediateBackend()
      const add = task(async (a: number, b: number) => Promise.resolve(a + b), {
        name: 'immediate.add',
        backend,
      })

      const result = await add.enqueue(2, 3)

      expect(result.status).toBe('SUCCESSFUL')
      expect(result.returnValue).toBe(5)
      expect(result.attempts).toBe(1)
      expect(result.backend).toBe('immediate')
      expect(result.startedAt).toBeInstanceOf(Date)
      expect(result.finishedAt).toBeInstanceOf(Date)
    })

    it('keeps the error in the result instead of throwing it', async () => {
      const boom = task(
        () => {
          throw new RangeError('boom')
        },
        { name: 'immediate.boom', backend: immediateBackend(), maxAttempts: 3 }
      )

      const result = await boom.enqueue()

      expect(result.status).toBe('FAILED')
      expect(result.errors).toHaveLength(1)
      expect(result.errors[0]).toMatchObject({
        exceptionClassPath: 'RangeError',
        message: 'boom',
        attempt: 1,
      })
      expect(result.errors[0]?.traceback).toContain('RangeError: boom')
      expect(() => result.returnValue).toThrow('returnValue: the task failed.')
    })
  })

  describe('lookups and actions', () => {
    it('stores nothing, so getResult() is not supported', async () => {
      const noop = task(() => null, { name: 'immediate.noop', backend: immediateBackend() })

      await expect(noop.getResult('x')).rejects.toThrow(
        'immediate.noop.getResult(): the immediate backend cannot look results up.'
      )
    })

    it('has nothing to cancel, retry or find', async () => {
      const backend = immediateBackend({ queues: ['default'] })

      expect(await backend.cancel('x')).toBe(false)
      expect(await backend.retry('x')).toBe(false)
      expect(await backend.getResult('x')).toBeNull()
      expect(backend.queues).toEqual(['default'])
    })
  })
})
