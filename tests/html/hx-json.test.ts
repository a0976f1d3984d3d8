import { describe, expect, it } from 'vitest'
import { hx } from '../../src/html/index.ts'
import type { HxOptions } from '../../src/html/index.ts'

const orders = { name: 'orders', selector: '#orders' }

/** Calls hx with options the types refuse, to test the runtime checks. */
const untyped = (options: unknown): string => hx(options as HxOptions).value

describe('hx', () => {
  describe('with vals', () => {
    it('renders single-quoted JSON of scalars, escaped for the attribute', () => {
      const out = hx({ vals: { q: `it's <b> & "x"`, page: 2, all: false, none: null } })

      expect(out.value).toBe(
        ` hx-vals='{"q":"it&#39;s &lt;b&gt; &amp; \\"x\\"","page":2,"all":false,"none":null}'`
      )
    })

    it('refuses arrays and objects, which htmx 4 flattens', () => {
      // @ts-expect-error -- arrays are not scalars
      expect(() => hx({ vals: { ids: [1, 2] } })).toThrow(
        'hx(): vals.ids must be a string, finite number, boolean or null (htmx 4 flattens arrays and objects)'
      )
      // @ts-expect-error -- objects are not scalars
      expect(() => hx({ vals: { filter: { a: 1 } } })).toThrow(TypeError)
      expect(() => untyped({ vals: { n: NaN } })).toThrow(TypeError)
      expect(() => untyped({ vals: { n: undefined } })).toThrow(TypeError)
      expect(() => untyped({ vals: { n: 1n } })).toThrow(TypeError)
    })

    it('refuses a value that is not an object', () => {
      expect(() => untyped({ vals: [1] })).toThrow(
        'hx(): vals must be an object of strings, numbers, booleans or null'
      )
      expect(() => untyped({ vals: 'a=1' })).toThrow(TypeError)
      expect(() => untyped({ vals: null })).toThrow(TypeError)
    })
  })

  describe('with headers and a partial', () => {
    it('renders the headers as JSON', () => {
      expect(hx({ headers: { 'X-Mode': 'compact', 'X-N': 1 } }).value).toBe(
        ` hx-headers='{"X-Mode":"compact","X-N":1}'`
      )
    })

    it('adds HX-Partial for a partial, alone or merged with the headers', () => {
      expect(hx({ partial: orders }).value).toBe(` hx-headers='{"HX-Partial":"orders"}'`)
      expect(hx({ headers: { 'X-A': 'b' }, partial: orders }).value).toBe(
        ` hx-headers='{"X-A":"b","HX-Partial":"orders"}'`
      )
    })

    it('refuses a partial given twice, a bad partial and a bad header name', () => {
      expect(() => hx({ headers: { 'hx-partial': 'x' }, partial: orders })).toThrow(
        'hx(): give the partial either as `partial` or in `headers`, not both'
      )
      expect(() => untyped({ partial: { selector: '#x' } })).toThrow(
        'hx(): partial must be a partial (an object with a name and a selector)'
      )
      expect(() => untyped({ partial: null })).toThrow(TypeError)
      expect(() => hx({ headers: { 'X Bad': '1' } })).toThrow('hx(): invalid header name "X Bad"')
      // @ts-expect-error -- header values are scalars
      expect(() => hx({ headers: { 'X-A': ['1'] } })).toThrow(TypeError)
    })
  })
})
