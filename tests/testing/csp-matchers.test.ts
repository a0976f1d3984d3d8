import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { getNonce } from '../../src/csp/index.ts'
import { secure } from '../../src/security/index.ts'
import { cspMatchers } from '../../src/testing/index.ts'

describe('cspMatchers', () => {
  describe('toBeCspSafe', () => {
    it('passes a response whose scripts carry the header nonce', async () => {
      const app = new Hono()
      app.use(secure())
      app.get('/', (c) => c.html(`<script nonce="${getNonce(c)}" src="/a.js"></script>`))

      await expect(await app.request('/')).toBeCspSafe()
    })

    it('fails a string with an inline handler, naming it', async () => {
      const result = await cspMatchers.toBeCspSafe('<img onerror="x">')

      expect(result.pass).toBe(false)
      expect(result.message()).toBe(
        'expected no CSP problems, found 1:\n  inline-handler: <img onerror="x">'
      )
      await expect('<p>ok</p>').toBeCspSafe()
      await expect('<p style="x">').not.toBeCspSafe()
      expect((await cspMatchers.toBeCspSafe('<p>')).message()).toBe(
        'expected CSP problems, found none'
      )
    })
  })
})
