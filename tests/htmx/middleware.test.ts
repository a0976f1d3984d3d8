import { Hono } from 'hono'
import { describe, expect, expectTypeOf, it, vi } from 'vitest'
import { getHtmx, htmx } from '../../src/htmx/index.ts'
import type { HtmxOptions, HtmxRequest, HtmxVariables } from '../../src/htmx/index.ts'
import {
  htmx2Headers,
  htmx2HistoryRestoreHeaders,
  htmx4BoostedHeaders,
  htmx4Headers,
  htmx4HistoryRestoreHeaders,
} from '../../src/testing/index.ts'

describe('htmx()', () => {
  describe('as middleware', () => {
    const seen = vi.fn<(hx: HtmxRequest | null) => void>()
    const app = new Hono<{ Variables: HtmxVariables }>()
    app.use(htmx())
    app.get('/', (c) => {
      seen(c.var.htmx)
      return c.text(c.var.htmx ? `htmx ${String(c.var.htmx.version)} ${c.var.htmx.type}` : 'page')
    })

    it.each([
      ['no htmx headers', {}, 'page'],
      ['an htmx 4 partial request', htmx4Headers({ target: 'div#x' }), 'htmx 4 partial'],
      ['an htmx 4 boosted request', htmx4BoostedHeaders(), 'htmx 4 full'],
      ['an htmx 4 history restore', htmx4HistoryRestoreHeaders(), 'htmx 4 full'],
      ['an htmx 2 request', htmx2Headers({ target: 'x' }), 'htmx 2 partial'],
      ['an htmx 2 history restore', htmx2HistoryRestoreHeaders(), 'htmx 2 full'],
      ['garbled headers', { 'HX-Request': 'maybe', 'HX-Request-Type': '??' }, 'page'],
    ])('sets c.var.htmx for %s', async (_name, headers, expected) => {
      const res = await app.request('/', { headers })

      expect(await res.text()).toBe(expected)
    })

    it('sets null, not undefined, for a non-htmx request', async () => {
      seen.mockClear()

      await app.request('/')

      expect(seen).toHaveBeenCalledWith(null)
    })
  })

  describe('types', () => {
    it('types c.var.htmx through ContextVariableMap and HtmxVariables', () => {
      const app = new Hono()
      app.get('/', (c) => {
        // absent (undefined) when htmx() is not mounted: the type says so
        expectTypeOf(c.var.htmx).toEqualTypeOf<HtmxRequest | null | undefined>()
        return c.text('')
      })
      const typed = new Hono<{ Variables: HtmxVariables }>().use(htmx())
      typed.get('/', (c) => {
        expectTypeOf(c.var.htmx).toEqualTypeOf<HtmxRequest | null>()
        return c.text('')
      })
      expectTypeOf(htmx).returns.toBeFunction()
      expect(htmx().name).toBe('htmx')
    })
  })

  describe('with bad options', () => {
    it.each<[unknown, RegExp]>([
      [{ redirect: 'yes' }, /^htmx\(\): "redirect" must be one of location, redirect, off\.$/],
      [
        { redirects: 'off' },
        /^htmx\(\): unknown option "redirects"; allowed: redirect, allowedOrigins\.$/,
      ],
      [{ allowedOrigins: 'https://a.example' }, /"allowedOrigins" must be an array/],
      [
        { allowedOrigins: ['https://a.example/path'] },
        /"allowedOrigins" entries must be http\(s\) origins/,
      ],
      [null, /options must be an object/],
      ['location', /options must be an object/],
    ])('throws a TypeError at startup for %j', (options, message) => {
      expect(() => htmx(options as HtmxOptions)).toThrow(TypeError)
      expect(() => htmx(options as HtmxOptions)).toThrow(message)
    })

    it.each<[HtmxOptions]>([
      [{}],
      [{ redirect: 'off' }],
      [{ redirect: undefined, allowedOrigins: ['http://a.example:8080'] }],
    ])('accepts %j', (options) => {
      expect(() => htmx(options)).not.toThrow()
    })
  })
})

describe('getHtmx', () => {
  describe('with the middleware', () => {
    it('returns c.var.htmx without parsing again', async () => {
      const app = new Hono()
      app.use(htmx())
      app.use(async (c, next) => {
        c.set('htmx', null) // stands in for a value only the middleware could know
        await next()
      })
      app.get('/', (c) => c.json(getHtmx(c)))

      const res = await app.request('/', { headers: htmx4Headers() })

      expect(await res.json()).toBeNull()
    })
  })

  describe('without the middleware', () => {
    it('throws an error that says to mount htmx()', async () => {
      const app = new Hono()
      let thrown: unknown
      app.get('/', (c) => {
        try {
          getHtmx(c)
        } catch (error) {
          thrown = error
        }
        return c.text('')
      })

      await app.request('/', { headers: htmx4Headers({ target: 'ul#todo' }) })

      expect(thrown).toBeInstanceOf(Error)
      expect((thrown as Error).message).toBe(
        'getHtmx(): htmx request details are not provided. Mount htmx() before this route: app.use(htmx()) (docs/htmx.md).'
      )
    })
  })
})
