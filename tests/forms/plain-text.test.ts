import { describe, expect, it } from 'vitest'
import { isPlainText } from '../../src/forms/index.ts'

describe('isPlainText', () => {
  it.each(['Ada Lovelace', 'Kraków', 'O’Brien & Sons <Ltd>', 'عربي', '日本語', ''])(
    'accepts %j',
    (value) => {
      expect(isPlainText(value)).toBe(true)
    }
  )

  it.each([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['ESC (ANSI)', '\u001b[31m'],
    ['DEL', '\u007f'],
    ['C1 NEL', '\u0085'],
    ['C1 CSI', '\u009b'],
    ['RLO', '\u202e'],
    ['LRE', '\u202a'],
    ['LRI', '\u2066'],
    ['PDI', '\u2069'],
    ['RLM', '\u200f'],
    ['ALM', '\u061c'],
    ['LINE SEPARATOR', '\u2028'],
  ])('refuses %s', (_name, char) => {
    expect(isPlainText(`a${char}b`)).toBe(false)
    expect(isPlainText(`a${char}b`, { multiline: true })).toBe(false)
  })

  it('accepts tab, LF and CR only with multiline', () => {
    for (const text of ['a\tb', 'a\nb', 'a\r\nb']) {
      expect(isPlainText(text)).toBe(false)
      expect(isPlainText(text, { multiline: true })).toBe(true)
    }
  })
})
