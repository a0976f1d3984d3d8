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
      {
        name: 'a',
        closing: false,
        selfClosing: false,
        start: 0,
        end: 12,
        attrs: ' href="/"',
        attributes: [['href', '/']],
      },
      {
        name: 'a',
        closing: true,
        selfClosing: false,
        start: 13,
        end: 17,
        attrs: '',
        attributes: [],
      },
      {
        name: 'br',
        closing: false,
        selfClosing: true,
        start: 17,
        end: 22,
        attrs: '/',
        attributes: [],
      },
    ])
  })

  it.each([
    [
      'an attribute name holding quotes',
      '<img a"b" onerror=x>',
      [
        ['a"b"', ''],
        ['onerror', 'x'],
      ],
    ],
    [
      'a name starting with =',
      '<img =x onerror=y>',
      [
        ['=x', ''],
        ['onerror', 'y'],
      ],
    ],
    [
      'a quote inside an unquoted value',
      '<a title=x"y onclick=z>',
      [
        ['title', 'x"y'],
        ['onclick', 'z'],
      ],
    ],
    [
      'a > inside a quoted value',
      '<a title="1>2" id=b>',
      [
        ['title', '1>2'],
        ['id', 'b'],
      ],
    ],
  ])('reads %s as a browser does', (_label, markup, attributes) => {
    expect([...scanTags(markup)][0]?.attributes).toEqual(attributes)
  })

  it.each([
    ['<!-->', '<!--><b id=x>'],
    ['<!--->', '<!---><b id=x>'],
    ['--!>', '<!-- a --!><b id=x> -->'],
    ['-->', '<!-- <i> --><b id=x>'],
  ])('ends a comment at %s', (_label, markup) => {
    expect([...scanTags(markup)].map((tag) => tag.name)).toContain('b')
  })

  it.each(['noscript', 'noembed', 'noframes', 'xmp', 'iframe'])(
    'reads the content of <%s> as text',
    (name) => {
      const tags = [...scanTags(`<${name}><p title="</${name}><b id=x>"></${name}>`)]

      expect(tags.map((tag) => tag.name)).toEqual([name, name, 'b', name])
    }
  )
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
    ['data:text&sol;html', 'data:text/html'],
    ['java&Tab;script&colon;a&lpar;1&rpar;', 'java\tscript:a(1)'],
    ['plain', 'plain'],
  ])('decodes %j as %j', (value, expected) => {
    expect(decodeEntities(value)).toBe(expected)
  })
})
