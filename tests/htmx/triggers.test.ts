import { Hono } from 'hono'
import type { Context } from 'hono'
import { describe, expect, it } from 'vitest'
import { addTrigger, serializeTriggers } from '../../src/htmx/index.ts'
import type { JsonValue } from '../../src/htmx/index.ts'

const isAscii = (value: string) => /^[\u0020-\u007e]*$/.test(value)

describe('serializeTriggers', () => {
  describe('with details (docs/protocol.md §2.2 HX-Trigger)', () => {
    it.each<[Record<string, JsonValue | undefined>]>([
      [{ 'order:created': { id: 7 } }],
      [{ refresh: undefined, count: 3, flag: false, none: null, list: [1, 'a'] }],
      [{ toast: { message: 'Gespeichert ✓ — 中文 😀', target: '#toasts' } }],
      [{ 'line\u2028sep\u2029': 'a\u2028b', ctrl: '\u0000\u001f\u007f', quote: '"\\</script>' }],
      [{ __proto__: { polluted: true } }],
    ])('writes ASCII-only JSON that parses back to %j', (triggers) => {
      const value = serializeTriggers(triggers)

      expect(value.startsWith('{')).toBe(true)
      expect(isAscii(value)).toBe(true)
      const expected = Object.fromEntries(
        Object.entries(triggers).map(([k, v]) => [k, v === undefined ? {} : v])
      )
      expect(JSON.parse(value)).toEqual(expected)
    })

    it('escapes U+2028 and non-ASCII as \\uXXXX', () => {
      expect(serializeTriggers({ é: '\u2028😀' })).toBe('{"\\u00e9":"\\u2028\\ud83d\\ude00"}')
    })

    it('accepts a Map', () => {
      expect(
        serializeTriggers(
          new Map([
            ['a', 1],
            ['b', undefined],
          ])
        )
      ).toBe('{"a":1,"b":{}}')
    })
  })

  describe('with an empty event name', () => {
    it.each([[''], ['  ']])('throws a TypeError for %j', (name) => {
      expect(() => serializeTriggers({ [name]: 1 })).toThrow(TypeError)
    })
  })
})

describe('addTrigger', () => {
  const respond = async (setup: (c: Context) => void) => {
    const app = new Hono()
    app.get('/', (c) => {
      setup(c)
      return c.text('ok')
    })
    const res = await app.request('/')
    return res.headers.get('HX-Trigger') as string
  }

  describe('with repeated calls', () => {
    it('merges them into one JSON object', async () => {
      const value = await respond((c) => {
        addTrigger(c, 'a')
        addTrigger(c, 'b', { id: 1 })
        addTrigger(c, 'toast', 'Grüße')
      })

      expect(JSON.parse(value)).toEqual({ a: {}, b: { id: 1 }, toast: 'Grüße' })
      expect(isAscii(value)).toBe(true)
    })

    it('keeps the last detail of a repeated name', async () => {
      const value = await respond((c) => {
        addTrigger(c, 'a', 1)
        addTrigger(c, 'b')
        addTrigger(c, 'a', 2)
      })

      expect(value).toBe('{"b":{},"a":2}')
    })
  })

  describe('with an HX-Trigger set by hand', () => {
    it.each([
      ['{"x":{"n":1}}', { x: { n: 1 }, y: {} }],
      ['x, z ,', { x: {}, z: {}, y: {} }],
      ['{"x": broken', { y: {} }],
      ['{}', { y: {} }],
      ['{"x":1} ', { x: 1, y: {} }],
    ])('merges with %j', async (existing, expected) => {
      const value = await respond((c) => {
        c.header('HX-Trigger', existing)
        addTrigger(c, 'y')
      })

      expect(JSON.parse(value)).toEqual(expected)
    })

    it('reads a value not starting with { as event names, as htmx does', async () => {
      const value = await respond((c) => {
        c.header('HX-Trigger', '[1,2]')
        addTrigger(c, 'y')
      })

      expect(value).toBe('{"[1":{},"2]":{},"y":{}}')
    })
  })

  describe('after the handler returned (in a middleware)', () => {
    it('merges into the final response', async () => {
      const app = new Hono()
      app.use(async (c, next) => {
        await next()
        addTrigger(c, 'late')
      })
      app.get('/', (c) => {
        addTrigger(c, 'early')
        return c.html('<p>ok</p>')
      })

      const res = await app.request('/')

      expect(JSON.parse(res.headers.get('HX-Trigger') as string)).toEqual({ early: {}, late: {} })
      expect(await res.text()).toBe('<p>ok</p>')
    })
  })
})
