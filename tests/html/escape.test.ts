import { describe, expect, it } from 'vitest'
import { escapeHtml } from '../../src/html/index.ts'

describe('escapeHtml', () => {
  describe('with each special character', () => {
    it.each([
      ['&', '&amp;'],
      ['<', '&lt;'],
      ['>', '&gt;'],
      ['"', '&quot;'],
      ["'", '&#39;'],
    ])('escapes %s as %s', (char, entity) => {
      expect(escapeHtml(char)).toBe(entity)
      expect(escapeHtml(`a${char}b`)).toBe(`a${entity}b`)
    })
  })

  describe('with every other ASCII character', () => {
    it('leaves them as they are', () => {
      const others = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code))
        .filter((char) => !'&<>"\''.includes(char))
        .join('')

      expect(escapeHtml(others)).toBe(others)
    })
  })

  describe('with nothing to escape', () => {
    it('returns the same string', () => {
      const text = 'plain text, 100% safe: ok?'

      expect(escapeHtml(text)).toBe(text)
      expect(escapeHtml('')).toBe('')
    })
  })

  describe('with special characters at the edges and in runs', () => {
    it('escapes all of them', () => {
      expect(escapeHtml('<<a>>')).toBe('&lt;&lt;a&gt;&gt;')
      expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;')
      expect(escapeHtml('<script>alert("x")</script>')).toBe(
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
      )
    })
  })

  describe('with already escaped text', () => {
    it('escapes it again, so the entity shows as text', () => {
      expect(escapeHtml('&amp; &lt;b&gt; &#39;')).toBe('&amp;amp; &amp;lt;b&amp;gt; &amp;#39;')
    })
  })

  describe('with non-ASCII text', () => {
    it('keeps surrogate pairs and other characters whole', () => {
      expect(escapeHtml('😀<Zoë & 日本>😀')).toBe('😀&lt;Zoë &amp; 日本&gt;😀')
      expect(escapeHtml('\uD83D<\uDE00')).toBe('\uD83D&lt;\uDE00')
      expect(escapeHtml('\u2028\u0000<')).toBe('\u2028\u0000&lt;')
    })
  })
})
