import { Hono } from 'hono'
import type { RedirectStatusCode } from 'hono/utils/http-status'
import { describe, expect, it } from 'vitest'
import { htmx, redirectTo } from '../../src/htmx/index.ts'
import type { HtmxOptions, RedirectStatus } from '../../src/htmx/index.ts'
import {
  htmx2Headers,
  htmx2HistoryRestoreHeaders,
  htmx4Headers,
  htmx4HistoryRestoreHeaders,
} from '../../src/testing/index.ts'

const VARY = 'HX-Request, HX-Request-Type, HX-History-Restore-Request'

function appWith(options?: HtmxOptions) {
  const app = new Hono()
  app.use(htmx(options))
  app.post('/login/:status', (c) => {
    c.header('Set-Cookie', 'session=abc; Path=/; HttpOnly', { append: true })
    c.header('Set-Cookie', 'flash=hi; Path=/', { append: true })
    c.header('Vary', 'Accept-Encoding')
    c.header('X-Kept', 'yes')
    return c.redirect('/orders?page=1', Number(c.req.param('status')) as RedirectStatusCode)
  })
  app.get('/to', (c) => {
    c.header('Location', c.req.query('url') as string)
    return c.body('moved', 302)
  })
  app.get('/not-modified', (c) => c.body(null, 304))
  app.get('/no-location', (c) => c.body(null, 302))
  return app
}

// docs/protocol.md §2.1 step 1 + §2.3: fetch follows a 3xx silently, so htmx would swap the
// followed page into its target; the middleware answers 200 + HX-Location instead.
describe('htmx() redirect contract', () => {
  describe.each([
    ['an htmx 4 request', htmx4Headers()],
    ['an htmx 2 request', htmx2Headers()],
    [
      'an htmx 4 history restore (no HX-Request, docs/protocol.md §1.4)',
      htmx4HistoryRestoreHeaders(),
    ],
  ])('with %s', (_name, headers) => {
    it.each([301, 302, 303, 307, 308])(
      'turns a %i into 200 + HX-Location, keeping Set-Cookie',
      async (status) => {
        const res = await appWith().request(`/login/${String(status)}`, { method: 'POST', headers })

        expect(res.status).toBe(200)
        expect(res.headers.get('HX-Location')).toBe('/orders?page=1')
        expect(res.headers.get('Location')).toBeNull()
        expect(res.headers.getSetCookie()).toEqual([
          'session=abc; Path=/; HttpOnly',
          'flash=hi; Path=/',
        ])
        expect(res.headers.get('X-Kept')).toBe('yes')
        expect(res.headers.get('Vary')).toBe(`Accept-Encoding, ${VARY}`)
        expect(await res.text()).toBe('')
      }
    )
  })

  describe('with redirect: "redirect"', () => {
    it('answers 200 + HX-Redirect', async () => {
      const res = await appWith({ redirect: 'redirect' }).request('/login/303', {
        method: 'POST',
        headers: htmx4Headers(),
      })

      expect(res.status).toBe(200)
      expect(res.headers.get('HX-Redirect')).toBe('/orders?page=1')
      expect(res.headers.get('HX-Location')).toBeNull()
    })
  })

  describe('left alone', () => {
    it.each([
      ['a non-htmx request', {}, undefined],
      ['redirect: "off"', htmx4Headers(), { redirect: 'off' } as const],
      // htmx 2 restores ignore response headers and swap the body (docs/protocol.md §1.4): XHR
      // must follow the 3xx
      ['an htmx 2 history restore', htmx2HistoryRestoreHeaders(), undefined],
    ])('keeps the 302 for %s', async (_name, headers, options) => {
      const res = await appWith(options).request('/login/302', { method: 'POST', headers })

      expect(res.status).toBe(302)
      expect(res.headers.get('Location')).toBe('/orders?page=1')
      expect(res.headers.get('HX-Location')).toBeNull()
      expect(res.headers.getSetCookie()).toHaveLength(2)
    })

    it.each([
      ['/not-modified', 304],
      ['/no-location', 302],
    ])('keeps %s', async (path, status) => {
      const res = await appWith().request(path, { headers: htmx4Headers() })

      expect(res.status).toBe(status)
      expect(res.headers.get('HX-Location')).toBeNull()
    })
  })

  describe('with other Location values', () => {
    it.each([
      ['http://localhost/a?b=1#c', 'HX-Location', '{"path":"/a?b=1#c"}'],
      ['sub/page', 'HX-Location', '/sub/page'],
      ['/caf%C3%A9', 'HX-Location', '/caf%C3%A9'],
      ['https://id.example.com/auth?x=1', 'HX-Redirect', 'https://id.example.com/auth?x=1'],
    ])('converts %s to %s', async (url, name, expected) => {
      const app = appWith({ allowedOrigins: ['https://id.example.com'] })

      const res = await app.request(`/to?url=${encodeURIComponent(url)}`, {
        headers: htmx4Headers(),
      })

      expect(res.status).toBe(200)
      expect(res.headers.get(name)).toBe(expected)
    })

    it.each([['https://evil.example/'], ['http://localhost//evil.example/x'], ['http://[bad']])(
      'leaves the cross-origin or unsafe %s alone',
      async (url) => {
        const res = await appWith().request(`/to?url=${encodeURIComponent(url)}`, {
          headers: htmx4Headers(),
        })

        expect(res.status).toBe(302)
        expect(res.headers.get('Location')).toBe(url)
        expect(res.headers.get('HX-Location')).toBeNull()
        expect(res.headers.get('HX-Redirect')).toBeNull()
      }
    )
  })
})

describe('redirectTo', () => {
  const app = new Hono()
  app.use(htmx())
  app.post('/s/:status', (c) => {
    c.header('Set-Cookie', 'a=1')
    return redirectTo(c, '/done?x=ü', Number(c.req.param('status')) as RedirectStatus)
  })
  app.post('/', (c) => redirectTo(c, '/done'))
  app.post('/full', (c) => redirectTo(c, '/done', 303, { mode: 'redirect' }))
  app.post('/away', (c) =>
    redirectTo(c, 'https://id.example.com/x', 302, { allowedOrigins: ['https://id.example.com'] })
  )
  app.post('/bad/:what', (c) => {
    const what = c.req.param('what')
    if (what === 'status') {
      return redirectTo(c, '/x', 200 as RedirectStatus)
    }
    if (what === 'mode') {
      return redirectTo(c, '/x', 303, { mode: 'off' as 'redirect' })
    }
    return redirectTo(c, '//evil.example')
  })
  app.onError((error, c) => c.text(`${error.name}: ${error.message}`, 500))

  describe('without htmx', () => {
    it.each([
      ['/', 303],
      ['/s/301', 301],
      ['/s/307', 307],
    ])('POST %s answers %i + Location', async (path, status) => {
      const res = await app.request(path, { method: 'POST' })

      expect(res.status).toBe(status)
      expect(res.headers.get('Location')).toMatch(/^\/done/)
    })

    it('percent-encodes non-ASCII', async () => {
      const res = await app.request('/s/303', { method: 'POST' })

      expect(res.headers.get('Location')).toBe('/done?x=%C3%BC')
    })
  })

  describe.each([
    ['an htmx 4 request', htmx4Headers()],
    ['an htmx 2 request', htmx2Headers()],
    ['an htmx 4 history restore', htmx4HistoryRestoreHeaders()],
  ])('with %s', (_name, headers) => {
    it('answers 200 + HX-Location, keeping Set-Cookie', async () => {
      const res = await app.request('/s/302', { method: 'POST', headers })

      expect(res.status).toBe(200)
      expect(res.headers.get('HX-Location')).toBe('/done?x=%C3%BC')
      expect(res.headers.get('Location')).toBeNull()
      expect(res.headers.get('Set-Cookie')).toBe('a=1')
      expect(res.headers.get('Vary')).toBe(VARY)
    })
  })

  describe('with an htmx 2 history restore', () => {
    it('answers a plain 303 (htmx 2 ignores headers there, docs/protocol.md §1.4)', async () => {
      const res = await app.request('/', { method: 'POST', headers: htmx2HistoryRestoreHeaders() })

      expect(res.status).toBe(303)
    })
  })

  describe('with mode "redirect" or a cross-origin target', () => {
    it.each([
      ['/full', '/done'],
      ['/away', 'https://id.example.com/x'],
    ])('POST %s answers HX-Redirect: %s', async (path, expected) => {
      const res = await app.request(path, { method: 'POST', headers: htmx4Headers() })

      expect(res.headers.get('HX-Redirect')).toBe(expected)
    })
  })

  describe('with bad arguments', () => {
    it.each([
      ['status', /"status" must be one of 301, 302, 303, 307, 308/],
      ['mode', /"mode" must be one of location, redirect/],
      ['url', /refused redirect target "\/\/evil.example"/],
    ])('throws a TypeError for a bad %s', async (what, message) => {
      const res = await app.request(`/bad/${what}`, { method: 'POST' })

      expect(res.status).toBe(500)
      expect(await res.text()).toMatch(message)
    })
  })
})
