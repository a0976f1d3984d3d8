import { Context } from 'hono'
import { describe, expect, it } from 'vitest'
import { SafeHtml, html } from '../../src/html/index.ts'
import { renderNow } from '../../src/internal/render-now.ts'
import { partial } from '../../src/partials/index.ts'

const c = new Context(new Request('http://app.test/'))

describe('renderNow()', () => {
  describe('with a partial whose loader is synchronous', () => {
    it('returns the markup itself', () => {
      const part = partial('stats', () => html`<p>3</p>`)

      const out = renderNow(part, c)

      expect(out).toBeInstanceOf(SafeHtml)
      expect((out as SafeHtml).value).toBe('<div id="stats"><p>3</p></div>')
    })
  })

  describe('with a partial whose loader is async', () => {
    it('returns a promise of the markup', async () => {
      const part = partial('stats', () => Promise.resolve(html`<p>3</p>`))

      const out = renderNow(part, c)

      expect(out).toBeInstanceOf(Promise)
      expect(String(await out)).toBe('<div id="stats"><p>3</p></div>')
    })
  })

  describe('with a loader that throws', () => {
    it('returns a promise rejected with its error', async () => {
      const part = partial('broken', () => {
        throw new Error('no data')
      })

      const out = renderNow(part, c)

      await expect(out).rejects.toThrow('no data')
    })
  })

  describe('with a part not made by partial()', () => {
    it('falls back to its own render(c)', async () => {
      const part = { render: () => Promise.resolve(new SafeHtml('<p>own</p>')) }

      const out = renderNow(part, c)

      expect(String(await out)).toBe('<p>own</p>')
    })
  })
})
