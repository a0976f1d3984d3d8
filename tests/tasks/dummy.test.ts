import { describe, expect, it } from 'vitest'
import { dummyBackend } from '../../src/tasks/dummy.ts'
import { task } from '../../src/tasks/task.ts'

let counter = 0
const unique = (): string => `dummy-test-${String(++counter)}`

describe('dummyBackend()', () => {
  describe('on enqueue', () => {
    it('stores the task READY and never runs it', async () => {
      const backend = dummyBackend()
      let ran = false
      const job = task(
        () => {
          ran = true
        },
        { name: unique(), backend }
      )

      await job.enqueue()

      expect(ran).toBe(false)
      expect(backend.results.map((result) => result.status)).toEqual(['READY'])
    })
  })

  describe('drain()', () => {
    it('runs READY tasks, higher priority first', async () => {
      const backend = dummyBackend()
      const order: string[] = []
      const job = task(
        (label: string) => {
          order.push(label)
        },
        { name: unique(), backend }
      )
      await job.enqueue('low')
      await job.using({ priority: 10 }).enqueue('high')

      expect(await backend.drain()).toBe(2)

      expect(order).toEqual(['high', 'low'])
      expect(backend.results.every((result) => result.status === 'SUCCESSFUL')).toBe(true)
    })

    it('retries a failure until its attempts run out, keeping each error', async () => {
      const backend = dummyBackend()
      const flaky = task(
        () => {
          throw new Error('again')
        },
        { name: unique(), backend, maxAttempts: 3 }
      )
      await flaky.enqueue()

      expect(await backend.drain()).toBe(3)

      const [result] = backend.results
      expect(result?.status).toBe('FAILED')
      expect(result?.attempts).toBe(3)
      expect(result?.errors.map((error) => error.attempt)).toEqual([1, 2, 3])
    })
  })

  describe('cancel(), retry() and clear()', () => {
    it('cancels a READY task as FAILED with TaskCancelled', async () => {
      const backend = dummyBackend()
      const job = task(() => 1, { name: unique(), backend })
      const { id } = await job.enqueue()

      expect(await backend.cancel(id)).toBe('cancelled')
      expect(await backend.cancel(id)).toBe(false)

      const result = await job.getResult(id)
      expect(result.status).toBe('FAILED')
      expect(result.errors[0]?.exceptionClassPath).toBe('TaskCancelled')
    })

    it('retries a FAILED task with one more attempt', async () => {
      const backend = dummyBackend()
      const job = task(() => 'ok', { name: unique(), backend })
      const { id } = await job.enqueue()
      await backend.cancel(id)

      expect(await backend.retry(id)).toBe(true)
      expect(await backend.retry('unknown')).toBe(false)
      await backend.drain()

      const result = await job.getResult(id)
      expect(result.status).toBe('SUCCESSFUL')
      expect(result.returnValue).toBe('ok')
    })

    it('forgets everything on clear()', async () => {
      const backend = dummyBackend()
      await task(() => 1, { name: unique(), backend }).enqueue()

      backend.clear()

      expect(backend.results).toEqual([])
    })
  })
})
