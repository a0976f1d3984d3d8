import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { html } from '../../src/html/index.ts'
import { stopPolling } from '../../src/htmx/index.ts'
import { htmx2Headers, htmx4Headers } from '../../src/testing/index.ts'

// docs/protocol.md §2.3: htmx 4 gives 286 no meaning (swaps it like 200), htmx 2 stops polling on
// it; the final markup without hx-trigger/hx-get, swapped outerHTML, stops htmx 4's poll.
describe('stopPolling', () => {
  const app = new Hono()
  app.get('/job', (c) => stopPolling(c, html`<div id="job">Done: ${'<b>'}</div>`))
  app.get('/text', (c) => stopPolling(c, 'a < b'))

  describe.each([
    ['htmx 4', htmx4Headers({ source: 'div#job', target: 'div#job' })],
    ['htmx 2', htmx2Headers({ trigger: 'job', target: 'job' })],
  ])('with %s', (_name, headers) => {
    it('answers 286 with the final markup and HX-Reswap: outerHTML', async () => {
      const res = await app.request('/job', { headers })

      expect(res.status).toBe(286)
      expect(res.headers.get('HX-Reswap')).toBe('outerHTML')
      expect(res.headers.get('Content-Type')).toBe('text/html; charset=UTF-8')
      expect(await res.text()).toBe('<div id="job">Done: &lt;b&gt;</div>')
    })
  })

  describe('with a plain string', () => {
    it('escapes it', async () => {
      const res = await app.request('/text')

      expect(await res.text()).toBe('a &lt; b')
    })
  })
})
