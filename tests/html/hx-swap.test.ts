import { describe, expect, it } from 'vitest'
import { hx } from '../../src/html/index.ts'
import type { HxOptions } from '../../src/html/index.ts'

/** Calls hx with options the types refuse, to test the runtime checks. */
const untyped = (options: unknown): string => hx(options as HxOptions).value

describe('hx', () => {
  describe('with a swap', () => {
    it('renders a style or a style with HCON modifiers as written', () => {
      expect(hx({ swap: 'innerHTML' }).value).toBe(' hx-swap="innerHTML"')
      expect(hx({ swap: 'beforeend scroll:bottom' }).value).toBe(
        ' hx-swap="beforeend scroll:bottom"'
      )
    })

    it('renders a spec object with its modifiers in a fixed order', () => {
      const out = hx({
        swap: {
          swapEmpty: true,
          strip: false,
          focusScroll: false,
          show: { to: 'top', target: '#top' },
          scroll: { to: 'bottom', target: '#list .rows' },
          ignoreTitle: true,
          transition: true,
          settle: '1s',
          swap: 100,
          style: 'outerMorph',
        },
      })

      expect(out.value).toBe(
        ' hx-swap="outerMorph swap:100ms settle:1s transition:true ignoreTitle:true scroll:bottom scrollTarget:&quot;#list .rows&quot; show:top showTarget:#top focusScroll:false strip:false swapEmpty:true"'
      )
    })

    it('renders modifiers alone and quotes values with the other quote', () => {
      expect(hx({ swap: { scroll: { to: 'top', target: `a[x="1"]` } } }).value).toBe(
        ' hx-swap="scroll:top scrollTarget:a[x=&quot;1&quot;]"'
      )
      expect(hx({ swap: { show: { to: 'top', target: 'a,b' } } }).value).toBe(
        ' hx-swap="show:top showTarget:&quot;a,b&quot;"'
      )
      expect(hx({ swap: { show: { to: 'top', target: 'ul [x="1"]' } } }).value).toBe(
        ' hx-swap="show:top showTarget:&#39;ul [x=&quot;1&quot;]&#39;"'
      )
    })

    it('refuses values HCON cannot quote, unknown modifiers and wrong types, and renders other numbers as they are', () => {
      expect(() => hx({ swap: { scroll: { to: 'top', target: `a [x="1"][y='2']` } } })).toThrow(
        'hx(): swap "scroll.target" cannot hold both kinds of quotes'
      )
      expect(() => untyped({ swap: { style: 'innerHTML', delay: 1 } })).toThrow(
        'hx(): unknown option "swap.delay"'
      )
      expect(() => untyped({ swap: { scroll: {} } })).toThrow(
        'hx(): swap "scroll" must be top or bottom, or { to: top | bottom, target }.'
      )
      expect(() => untyped({ swap: { scroll: 1 } })).toThrow(
        'hx(): swap "scroll" must be top or bottom'
      )
      expect(() => untyped({ swap: 1 })).toThrow(
        'hx(): swap must be a style, a style with modifiers, or a swap spec object.'
      )
      expect(() => untyped({ swap: null })).toThrow(TypeError)
      expect(() => untyped({ swap: {} })).toThrow('hx(): a swap spec needs a style or a modifier.')
    })
  })
})
