import { secureHeaders } from 'hono/secure-headers'
import { describe, expect, it } from 'vitest'
import { captureHeaders, writeHeaders } from '../../src/security/headers.ts'

describe('captureHeaders()', () => {
  describe('with hono defaults', () => {
    it('records the headers and the removal of X-Powered-By', async () => {
      const captured = await captureHeaders(secureHeaders())
      const headers = new Headers({ 'X-Powered-By': 'app' })

      writeHeaders(headers, captured)

      expect(headers.has('X-Powered-By')).toBe(false)
      expect(captured.removePoweredBy).toBe(true)
      expect(captured.list).toContainEqual(['x-frame-options', 'SAMEORIGIN'])
      expect(captured.list.some(([name]) => name === 'x-powered-by')).toBe(false)
    })
  })

  describe('with removePoweredBy: false', () => {
    it('leaves X-Powered-By alone', async () => {
      const captured = await captureHeaders(secureHeaders({ removePoweredBy: false }))
      const headers = new Headers({ 'X-Powered-By': 'app', 'X-Frame-Options': 'DENY' })

      writeHeaders(headers, captured)

      expect(captured.removePoweredBy).toBe(false)
      expect(headers.get('X-Powered-By')).toBe('app')
      expect(headers.get('X-Frame-Options')).toBe('DENY')
      expect(headers.get('X-Content-Type-Options')).toBe('nosniff')
    })
  })
})
