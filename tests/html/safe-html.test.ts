import { describe, expect, it } from 'vitest'
import { SafeHtml, html, isSafeHtml, raw } from '../../src/html/index.ts'

describe('SafeHtml', () => {
  describe('when converted', () => {
    it('gives its markup to String(), template literals and JSON', () => {
      const markup = new SafeHtml('<b>x</b>')

      expect(String(markup)).toBe('<b>x</b>')
      expect(`${markup.toString()}!`).toBe('<b>x</b>!')
      expect(JSON.stringify({ markup })).toBe('{"markup":"<b>x</b>"}')
    })

    it('carries hono’s isEscaped marker', () => {
      expect(new SafeHtml('').isEscaped).toBe(true)
      expect(Object.keys(new SafeHtml('x'))).toEqual(['value'])
    })
  })
})

describe('raw', () => {
  describe('with markup', () => {
    it('is inserted without escaping', () => {
      expect(String(html`<div>${raw('<svg></svg>')}</div>`)).toBe('<div><svg></svg></div>')
    })
  })
})

describe('isSafeHtml', () => {
  describe('with SafeHtml', () => {
    it('returns true', () => {
      expect(isSafeHtml(html`<p></p>`)).toBe(true)
      expect(isSafeHtml(raw(''))).toBe(true)
    })
  })

  describe('with anything else', () => {
    it('returns false', () => {
      expect(isSafeHtml('<p></p>')).toBe(false)
      expect(isSafeHtml(null)).toBe(false)
      expect(isSafeHtml({ value: '<p>', isEscaped: true })).toBe(false)
    })
  })
})
