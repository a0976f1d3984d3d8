import { describe, expect, it } from 'vitest'
import { generateNonce } from '../../src/csp/index.ts'

describe('generateNonce()', () => {
  describe('over several blocks of random bytes', () => {
    it('returns 16 bytes as canonical base64, never the same twice', () => {
      const nonces = Array.from({ length: 1_000 }, () => generateNonce())

      const unique = new Set(nonces)

      expect(unique.size).toBe(1_000)
      for (const nonce of nonces) {
        expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
        expect(atob(nonce)).toHaveLength(16)
        expect(btoa(atob(nonce))).toBe(nonce)
      }
    })
  })
})
