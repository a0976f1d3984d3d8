import { describe, expect, it } from 'vitest'
import type { HxSwap, HxSwapSpec } from '../../src/html/index.ts'
import { serializeSwap } from '../../src/htmx/index.ts'

describe('serializeSwap', () => {
  describe('with a style only (docs/protocol.md §3.4)', () => {
    it.each([
      ['innerHTML', 'innerHTML'],
      ['outerSync', 'outerSync'],
      ['before', 'beforebegin'],
      ['after', 'afterend'],
      ['prepend', 'afterbegin'],
      ['append', 'beforeend'],
      ['delete', 'delete'],
    ] as const)('writes %s as %s', (style, expected) => {
      expect(serializeSwap(style)).toBe(expected)
    })
  })

  describe('with htmx 4 modifiers (docs/protocol.md §2.2 HX-Reswap, §3.5)', () => {
    it.each<[HxSwapSpec, string]>([
      [{ style: 'innerHTML', swap: 100, settle: '1s' }, 'innerHTML swap:100ms settle:1s'],
      [
        { style: 'beforeend', transition: true, ignoreTitle: false },
        'beforeend transition:true ignoreTitle:false',
      ],
      [{ style: 'beforeend', scroll: 'bottom', show: 'top' }, 'beforeend scroll:bottom show:top'],
      [
        {
          style: 'innerHTML',
          scroll: { to: 'top', target: '#log' },
          show: { to: 'bottom', target: 'closest section' },
        },
        'innerHTML scroll:top scrollTarget:#log show:bottom showTarget:"closest section"',
      ],
      [
        { style: 'outerHTML', focusScroll: true, strip: false, swapEmpty: true },
        'outerHTML focusScroll:true strip:false swapEmpty:true',
      ],
      [{ style: 'outerHTML', target: '#x' }, 'outerHTML target:#x'],
      [{ style: 'outerHTML', target: '[data-x="a b"]' }, `outerHTML target:'[data-x="a b"]'`],
      [{ style: 'outerHTML', target: '#a,#b' }, 'outerHTML target:"#a,#b"'],
      [{ style: 'outerHTML', target: '#café' }, 'outerHTML target:#caf\\0000e9'],
    ])('writes %j as %s', (spec, expected) => {
      expect(serializeSwap(spec)).toBe(expected)
    })
  })

  describe('for htmx 2', () => {
    it.each<[HxSwap, string]>([
      ['outerMorph', 'outerHTML'],
      ['innerMorph', 'innerHTML'],
      ['outerSync', 'outerHTML'],
      ['append', 'beforeend'],
      [{ style: 'innerHTML', scroll: { to: 'top', target: '#log' } }, 'innerHTML scroll:#log:top'],
      [{ style: 'innerHTML', show: { to: 'top', target: 'closest div' } }, 'innerHTML show:top'],
      [
        { style: 'innerHTML', focusScroll: false, strip: true, swapEmpty: true, target: '#x' },
        'innerHTML focus-scroll:false',
      ],
    ])('writes %j as %s', (spec, expected) => {
      expect(serializeSwap(spec, 2)).toBe(expected)
    })
  })

  describe('with invalid input', () => {
    it.each<[unknown, RegExp]>([
      [{ style: 'sideways' }, /swap style must be one of innerHTML, outerHTML/],
      [{ style: 'toString' }, /swap style must be one of/],
      [{ style: 'innerHTML', swap: '1 minute' }, /swap "swap" must be milliseconds/],
      [{ style: 'innerHTML', settle: -1 }, /swap "settle" must be milliseconds/],
      [{ style: 'innerHTML', scroll: 'middle' }, /swap "scroll" must be top or bottom/],
      [
        { style: 'innerHTML', show: { to: 'top\r\n', target: '#x' } },
        /swap "show" must be top or bottom/,
      ],
      [
        { style: 'innerHTML', target: `[a="1"][b='2'] x` },
        /swap "target" cannot hold both kinds of quotes/,
      ],
      [{ style: 'innerHTML', target: '#x\r\nSet-Cookie: a=b' }, /control characters/],
      [{ style: 'innerHTML', target: '' }, /non-empty string/],
    ])('throws a TypeError for %j', (spec, message) => {
      expect(() => serializeSwap(spec as HxSwapSpec)).toThrow(TypeError)
      expect(() => serializeSwap(spec as HxSwapSpec)).toThrow(message)
    })
  })
})
