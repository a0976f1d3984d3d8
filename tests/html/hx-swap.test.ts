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
          showTarget: '#top',
          show: 'top',
          scrollTarget: '#list .rows',
          scroll: 'bottom',
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
      expect(hx({ swap: { scrollTarget: `a[x="1"]` } }).value).toBe(
        ' hx-swap="scrollTarget:&#39;a[x=&quot;1&quot;]&#39;"'
      )
      expect(hx({ swap: { showTarget: 'a,b' } }).value).toBe(
        ' hx-swap="showTarget:&quot;a,b&quot;"'
      )
    })

    it('refuses values HCON cannot quote, unknown modifiers and wrong types, and renders other numbers as they are', () => {
      expect(() => hx({ swap: { scrollTarget: `a[x="1"][y='2']` } })).toThrow(
        /cannot contain both ' and "/
      )
      expect(() => untyped({ swap: { style: 'innerHTML', delay: 1 } })).toThrow(
        'hx: unknown swap modifier "delay"'
      )
      expect(() => untyped({ swap: { scroll: {} } })).toThrow(
        'hx: swap modifier "scroll" must be a string, number or boolean'
      )
      expect(untyped({ swap: { scroll: 1 } })).toBe(' hx-swap="scroll:1"')
      expect(() => untyped({ swap: 1 })).toThrow('hx: swap must be a string or a swap spec object')
      expect(() => untyped({ swap: null })).toThrow(TypeError)
    })
  })
})
