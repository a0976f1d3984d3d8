import { describe, expect, it } from 'vitest'
import {
  attributeList,
  decodeEntities,
  parseAttributes,
  scanTags,
} from '../../src/internal/html-tokens.ts'

describe('scanTags', () => {
  it('yields start and end tags with their positions', () => {
    const tags = [...scanTags('<a href="/">x</a><br/>')]

    expect(tags).toEqual([
      { name: 'a', closing: false, selfClosing: false, start: 0, end: 12, attrs: ' href="/"' },
      { name: 'a', closing: true, selfClosing: false, start: 13, end: 17, attrs: '' },
      { name: 'br', closing: false, selfClosing: true, start: 17, end: 22, attrs: '/' },
    ])
  })
})

describe('parseAttributes', () => {
  it('keeps the first occurrence and reads bare attributes', () => {
    const attrs = parseAttributes(' ID="x" id="y" hidden data-a=1 / ')

    expect([...attrs]).toEqual([
      ['id', 'x'],
      ['hidden', ''],
      ['data-a', '1'],
    ])
  })
})

describe('attributeList', () => {
  it('keeps every occurrence, in order', () => {
    expect(attributeList(' href="/a" HREF=\'/b\' x')).toEqual([
      ['href', '/a'],
      ['href', '/b'],
      ['x', ''],
    ])
  })
})

describe('decodeEntities', () => {
  it.each([
    ['&#106;avascript:', 'javascript:'],
    ['&#x6A;avascript&colon;', 'javascript:'],
    ['&#X6a&#97vascript:', 'javascript:'],
    ['java&Tab;script:', 'java\tscript:'],
    ['a&amp;b&lt;&gt;&quot;&apos;', 'a&b<>"\''],
    ['&#0;&#x110000;', '\u0000\ufffd'],
    ['&unknown; &amp', '&unknown; &amp'],
    ['plain', 'plain'],
  ])('decodes %j as %j', (value, expected) => {
    expect(decodeEntities(value)).toBe(expected)
  })
})
