import { describe, expect, it, vi } from 'vitest'
import { toBackoff } from '../../src/tasks/backoff.ts'

describe('toBackoff()', () => {
  describe('by default', () => {
    it('doubles from 1 s, takes off up to 20 % and stops at 10 minutes', () => {
      const backoff = toBackoff('task()', undefined)
      vi.spyOn(Math, 'random').mockReturnValue(0)

      expect([1, 2, 3].map((attempt) => backoff(attempt, null))).toEqual([1000, 2000, 4000])
      expect(backoff(30, null)).toBe(600_000)
    })

    it('keeps the jitter within its bound', () => {
      const backoff = toBackoff('task()', undefined)
      vi.spyOn(Math, 'random').mockReturnValue(0.999)

      expect(backoff(1, null)).toBeGreaterThanOrEqual(800)
      expect(backoff(1, null)).toBeLessThanOrEqual(1000)
    })
  })

  describe('with options', () => {
    it('uses them', () => {
      const backoff = toBackoff('task()', { delay: 10, factor: 3, max: 50, jitter: 0 })

      expect([1, 2, 3].map((attempt) => backoff(attempt, null))).toEqual([10, 30, 50])
    })

    it.each([
      [{ delay: -1 }, '"backoff.delay" must be a finite number ≥ 0'],
      [{ factor: 'x' }, '"backoff.factor" must be a finite number ≥ 0'],
      [{ jitter: 2 }, '"backoff.jitter" must be between 0 and 1'],
      [{ dealy: 1 }, 'unknown option "backoff.dealy"'],
    ])('refuses %o', (given, message) => {
      expect(() => toBackoff('task()', given)).toThrow(`task(): ${message}`)
    })
  })

  describe('with a function', () => {
    it('returns it', () => {
      const mine = (): null => null

      expect(toBackoff('task()', mine)).toBe(mine)
    })
  })
})
