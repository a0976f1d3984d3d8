import { describe, expect, it } from 'vitest'
import { dummyBackend } from '../../src/tasks/dummy.ts'
import { TaskResultDoesNotExist } from '../../src/tasks/errors.ts'
import { task } from '../../src/tasks/task.ts'

describe('TaskResult', () => {
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
