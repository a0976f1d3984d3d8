import { describe, expect, it } from 'vitest'
import { hx } from '../../src/html/index.ts'
import type { HxOptions } from '../../src/html/index.ts'
import { serializeSwap as publicSerializeSwap } from '../../src/htmx/index.ts'
import { serializeSwap } from '../../src/internal/swap.ts'

describe('serializeSwap (the one swap model)', () => {
  describe('with a written-out swap', () => {
    it.each([
      ['innerHTML', 4, 'innerHTML'],
      ['append scroll:bottom', 4, 'beforeend scroll:bottom'],
      ['innerHTML   transition:true  swap:1s', 4, 'innerHTML transition:true swap:1s'],
      ['transition:true', 4, 'transition:true'],
      ['outerMorph focus-scroll:true', 2, 'outerHTML focus-scroll:true'],
      ['innerHTML transition', 4, 'innerHTML transition'],
      [
        'outerMorph focusScroll:true strip:false target:#x swapEmpty:true scroll:top',
        2,
        'outerHTML focus-scroll:true scroll:top',
      ],
    ] as const)('writes %j for htmx %s as %j', (value, version, expected) => {
      expect(serializeSwap(value, version, 'f()')).toBe(expected)
    })

    it.each([
      ['sideways', 'f(): swap style must be one of innerHTML'],
      ['innerHTML sideways:1', 'f(): unknown swap modifier "sideways:1"'],
      ['innerHTML swapX', 'f(): unknown swap modifier "swapX"'],
      ['innerHTML targets', 'f(): unknown swap modifier "targets"'],
      ['innerHTML\r\nSet-Cookie: a=b', 'f(): a swap string must be printable ASCII'],
      ['innerHTML scrollTarget:#café', 'f(): a swap string must be printable ASCII'],
      ['', 'f(): a swap string must be printable ASCII'],
    ])('refuses %j', (value, message) => {
      expect(() => serializeSwap(value, 4, 'f()')).toThrow(message)
    })
  })

  describe('through hx() and serializeSwap()', () => {
    it.each<unknown>([
      'sideways',
      'innerHTML bogus:1',
      { style: 'sideways' },
      { style: 'innerHTML', delay: 1 },
      { scroll: 'middle' },
      { target: '' },
      [],
    ])('both refuse %j', (swap) => {
      expect(() => hx({ swap } as HxOptions)).toThrow(TypeError)
      expect(() => publicSerializeSwap(swap as never)).toThrow(TypeError)
    })

    it.each<unknown>([
      'append',
      'innerHTML transition:true',
      { style: 'outerHTML', target: '#x', swapEmpty: true },
      { scroll: { to: 'top', target: '#log' } },
    ])('both write %j the same way', (swap) => {
      const attribute = hx({ swap } as HxOptions).value

      expect(attribute).toBe(
        ` hx-swap="${publicSerializeSwap(swap as never).replaceAll('"', '&quot;')}"`
      )
    })
  })
})
