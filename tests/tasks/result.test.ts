import { describe, expect, it } from 'vitest'
import { dummyBackend } from '../../src/tasks/dummy.ts'
import { TaskResultDoesNotExist } from '../../src/tasks/errors.ts'
import { task } from '../../src/tasks/task.ts'

describe('TaskResult', () => {
  describe('its fields', () => {
    it('reads them from the record, with the backend by name', async () => {
      const backend = dummyBackend()
      const job = task((n: number) => n, { name: 'result-test.fields', backend })
      const runAfter = new Date('2030-01-01T00:00:00.000Z')

      const result = await job.using({ priority: 5, queueName: 'mail', runAfter }).enqueue(3)

      expect(result).toMatchObject({
        taskName: 'result-test.fields',
        queueName: 'mail',
        priority: 5,
        backend: 'dummy',
        args: [3],
        runAfter,
        progress: null,
        idempotencyKey: null,
        maxAttempts: 1,
      })
    })

    it('throws on returnValue when the task failed', async () => {
      const backend = dummyBackend()
      const job = task(
        () => {
          throw new Error('no')
        },
        { name: 'result-test.failed', backend }
      )
      const result = await job.enqueue()
      await backend.drain()
      await result.refresh()

      expect(result.status).toBe('FAILED')
      expect(() => result.returnValue).toThrow('returnValue: the task failed.')
    })
  })

  describe('refresh()', () => {
    it('reads the task again', async () => {
      const backend = dummyBackend()
      const job = task(() => 'v', { name: 'result-test.refresh', backend })
      const result = await job.enqueue()
      await backend.drain()

      expect(result.status).toBe('READY')
      expect(result.isFinished).toBe(false)
      expect(() => result.returnValue).toThrow('returnValue: the task has not finished yet.')
      await result.refresh()

      expect(result.status).toBe('SUCCESSFUL')
      expect(result.isFinished).toBe(true)
      expect(result.returnValue).toBe('v')
      expect(result.workerIds).toHaveLength(1)
      expect(result.lastAttemptedAt).toBeInstanceOf(Date)
      expect(result.toJSON()).toMatchObject({ status: 'SUCCESSFUL', maxAttempts: 1 })
    })

    it('throws TaskResultDoesNotExist once the task is gone', async () => {
      const backend = dummyBackend()
      const result = await task(() => 1, { name: 'result-test.gone', backend }).enqueue()
      backend.clear()

      await expect(result.refresh()).rejects.toBeInstanceOf(TaskResultDoesNotExist)
    })
  })
})
