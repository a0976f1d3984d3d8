import { describe, expect, it } from 'vitest'
import { findElementById } from '../../src/views/extract.ts'

const extract = (markup: string, id: string) => findElementById(markup, id)?.markup ?? null

describe('findElementById', () => {
  describe('with nested elements of the same name', () => {
    it('balances on the tag name', () => {
      const markup =
        '<main><div id="a"><div><div>x</div></div><p>y</p></div><div>after</div></main>'

      expect(findElementById(markup, 'a')).toEqual({
        tag: 'div',
        markup: '<div id="a"><div><div>x</div></div><p>y</p></div>',
      })
    })
  })

  describe('with decoys', () => {
    it.each([
      [
        'a comment holding a tag',
        '<div id="a"><!-- </div> --><b>x</b></div>',
        '<div id="a"><!-- </div> --><b>x</b></div>',
      ],
      ['a doctype first', '<!doctype html><div id="a">x</div>', '<div id="a">x</div>'],
      ['a processing instruction', '<?xml x?><div id="a">x</div>', '<div id="a">x</div>'],
      [
        'a script holding a tag',
        '<div id="a"><script>"</div>"</script></div>',
        '<div id="a"><script>"</div>"</script></div>',
      ],
      [
        'an upper-case raw-text end tag',
        '<div id="a"><TEXTAREA><div></TEXTAREA></div>',
        '<div id="a"><TEXTAREA><div></TEXTAREA></div>',
      ],
      [
        'an id inside another attribute value',
        '<p title=\'id="a"\'>no</p><p id="a">yes</p>',
        '<p id="a">yes</p>',
      ],
      [
        'a > inside an attribute value',
        '<div id="a" data-x="1>2">x</div>',
        '<div id="a" data-x="1>2">x</div>',
      ],
      ['a stray <', '<div id="a">1 < 2 <3</div>', '<div id="a">1 < 2 <3</div>'],
      [
        'a self-closing child of the same name',
        '<g id="a"><g/><g></g></g>',
        '<g id="a"><g/><g></g></g>',
      ],
      ['an upper-case tag', '<DIV ID="a"><div></div></Div>', '<DIV ID="a"><div></div></Div>'],
      ['single-quoted and unquoted ids', "<i id=b></i><b id='a'>x</b>", "<b id='a'>x</b>"],
      ['an entity in the id', '<div id="a&amp;b">x</div>', null],
    ])('finds the element past %s', (_label, markup, expected) => {
      expect(extract(markup, 'a')).toBe(expected)
    })

    it('decodes entities in the id', () => {
      expect(extract('<div id="a&amp;b&quot;&#39;&#x27;&lt;&gt;">x</div>', "a&b\"''<>")).toBe(
        '<div id="a&amp;b&quot;&#39;&#x27;&lt;&gt;">x</div>'
      )
    })
  })

  describe('with a void or self-closing element', () => {
    it.each([
      ['<p><input id="a" name="q"><span>x</span></p>', '<input id="a" name="q">'],
      ['<svg><circle id="a" r="1"/></svg>', '<circle id="a" r="1"/>'],
    ])('returns its start tag (%s)', (markup, expected) => {
      expect(extract(markup, 'a')).toBe(expected)
    })
  })

  describe('without a match', () => {
    it.each([
      ['no such id', '<div id="b">x</div>'],
      ['an element that is never closed', '<div id="a"><div>x</div>'],
      ['an unterminated start tag', '<div id="a"'],
      ['an unterminated comment', '<!-- <div id="a">x</div>'],
      ['a doctype swallowing the start tag', '<!doctype <div id="a">x</div>'],
      ['an unterminated doctype', '<!doctype html'],
      ['an unterminated script', '<script><div id="a">x</div>'],
      ['only an end tag', '</div id="a">'],
    ])('returns null for %s', (_label, markup) => {
      expect(findElementById(markup, 'a')).toBeNull()
    })
  })
})
