import { describe, expect, it } from 'vitest'
import { runWithNonce } from '../../src/csp/nonce-scope.ts'
import { currentNonce } from '../../src/internal/render-nonce.ts'

describe('runWithNonce', () => {
  describe('inside the run', () => {
    it('keeps the nonce across awaits', async () => {
      const seen = await runWithNonce('abc', async () => {
        await new Promise((done) => setTimeout(done, 1))
        return currentNonce()
      })

      expect(seen).toBe('abc')
    })

    it('keeps concurrent runs apart', async () => {
      const read = (nonce: string) =>
        runWithNonce(nonce, async () => {
          await new Promise((done) => setTimeout(done, 2))
          return currentNonce()
        })

      expect(await Promise.all([read('a'), read('b')])).toEqual(['a', 'b'])
    })
  })

  describe('outside a run', () => {
    it('has no nonce', () => {
      expect(currentNonce()).toBeUndefined()
    })
  })
})
