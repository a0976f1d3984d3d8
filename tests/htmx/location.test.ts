import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import {
  clientLocation,
  clientRedirect,
  clientRefresh,
  htmx,
  serializeLocation,
} from '../../src/htmx/index.ts'
import type { LocationSpec } from '../../src/htmx/index.ts'
import { htmx2Headers, htmx4Headers } from '../../src/testing/index.ts'

// Open-redirect rule: docs/security.md §3.5; header injection: §3.3.
const UNSAFE = [
  '//evil.example/x',
  '/\\evil.example',
  '\\\\evil.example',
  'https://evil.example/',
  'javascript:alert(1)',
  'orders',
  '?page=2',
  '',
  '/a\r\nSet-Cookie: x=1',
  '/\t/evil.example',
  '/a\u0000',
  '/a\u007f',
  '/lone\ud800',
]

describe('serializeLocation', () => {
  describe('with a path (docs/protocol.md §2.2 HX-Location)', () => {
    it.each([
      ['/orders', '/orders'],
      ['/orders?page=2&sort=-date', '/orders?page=2&sort=-date'],
      ['/', '/'],
      ['/a b', '/a%20b'],
      ['/suche?q=grüße', '/suche?q=gr%C3%BC%C3%9Fe'],
      ['/a:b', '{"path":"/a:b"}'],
      ['/x,path:y', '{"path":"/x,path:y"}'],
      ['/x#top', '{"path":"/x#top"}'],
      ['/q?a="<x>"', '/q?a=%22%3Cx%3E%22'],
    ])('writes %j as %s', (path, expected) => {
      expect(serializeLocation(path)).toBe(expected)
    })
  })

  describe('with an object', () => {
    it('writes every htmx.ajax option as ASCII JSON', () => {
      const spec: LocationSpec = {
        path: '/orders',
        target: '#main',
        swap: { style: 'outerMorph', transition: true },
        select: '#content',
        push: false,
        replace: '/orders?page=1',
        headers: { 'X-Note': 'é' },
        values: { page: 2, open: true, q: 'ü' },
        source: '#nav',
        event: 'click',
      }

      const value = serializeLocation(spec)

      expect(/^[\u0020-\u007e]*$/.test(value)).toBe(true)
      expect(JSON.parse(value)).toEqual({
        path: '/orders',
        target: '#main',
        swap: 'outerMorph transition:true',
        select: '#content',
        push: 'false',
        replace: '/orders?page=1',
        headers: { 'X-Note': 'é' },
        values: { page: 2, open: true, q: 'ü' },
        source: '#nav',
        event: 'click',
      })
    })

    it('writes the swap for htmx 2 when asked', () => {
      expect(serializeLocation({ path: '/', swap: 'outerMorph', push: true }, { version: 2 })).toBe(
        '{"path":"/","swap":"outerHTML","push":"true"}'
      )
    })

    it('refuses an unsafe push URL', () => {
      expect(() => serializeLocation({ path: '/', push: '//evil.example' })).toThrow(TypeError)
    })
  })

  describe('with an unsafe target (docs/security.md §3.5)', () => {
    it.each(UNSAFE)('throws a TypeError for %j', (url) => {
      expect(() => serializeLocation(url)).toThrow(TypeError)
      expect(() => serializeLocation({ path: url })).toThrow(
        /refused redirect target|lone surrogate/
      )
    })

    it.each([
      [42, '(number)'],
      [null, '(object)'],
    ])('throws a TypeError for the non-string %j', (url, shown) => {
      expect(() => serializeLocation(url as unknown as string)).toThrow(TypeError)
      expect(() => serializeLocation(url as unknown as string)).toThrow(shown)
    })
  })

  describe('with allowedOrigins', () => {
    it('accepts an absolute URL on an allowed origin', () => {
      const options = { allowedOrigins: ['https://id.example.com'] }

      expect(serializeLocation('https://id.example.com/login?x=ü', options)).toBe(
        '{"path":"https://id.example.com/login?x=%C3%BC"}'
      )
    })

    it.each([
      ['https://id.example.com.evil.example/'],
      ['http://id.example.com/'],
      ['https://id.example.com@evil.example/'],
    ])('refuses %s on another origin', (url) => {
      expect(() => serializeLocation(url, { allowedOrigins: ['https://id.example.com'] })).toThrow(
        TypeError
      )
    })

    it.each<[unknown]>([['https://id.example.com/path'], ['ftp://id.example.com'], ['nope'], [42]])(
      'throws a TypeError for the bad entry %j',
      (origin) => {
        expect(() => serializeLocation('/', { allowedOrigins: [origin as string] })).toThrow(
          /"allowedOrigins" entries must be http\(s\) origins/
        )
      }
    )

    it('throws a TypeError when it is not an array', () => {
      expect(() =>
        serializeLocation('/', { allowedOrigins: 'https://a.example' as unknown as string[] })
      ).toThrow(/"allowedOrigins" must be an array/)
    })
  })
})

describe('clientLocation / clientRedirect / clientRefresh', () => {
  const app = new Hono()
  app.use(htmx())
  app.get('/location', (c) => clientLocation(c, { path: '/x', swap: 'innerMorph' }))
  app.get('/redirect', (c) => clientRedirect(c, '/login?next=/ü'))
  app.get('/external', (c) =>
    clientRedirect(c, 'https://id.example.com/auth', { allowedOrigins: ['https://id.example.com'] })
  )
  app.get('/unsafe', (c) => clientRedirect(c, 'https://evil.example/'))
  app.get('/refresh', (c) => clientRefresh(c))
  app.onError((error, c) => c.text(`${error.name}: ${error.message}`, 500))

  it.each([
    ['/location', htmx4Headers(), 'HX-Location', '{"path":"/x","swap":"innerMorph"}'],
    ['/location', htmx2Headers(), 'HX-Location', '{"path":"/x","swap":"innerHTML"}'],
    ['/location', {}, 'HX-Location', '{"path":"/x","swap":"innerMorph"}'],
    ['/redirect', htmx4Headers(), 'HX-Redirect', '/login?next=/%C3%BC'],
    ['/external', htmx4Headers(), 'HX-Redirect', 'https://id.example.com/auth'],
    ['/refresh', htmx4Headers(), 'HX-Refresh', 'true'],
  ])('GET %s answers 200 with the header', async (path, headers, name, expected) => {
    const res = await app.request(path, { headers })

    expect(res.status).toBe(200)
    expect(res.headers.get(name)).toBe(expected)
    expect(await res.text()).toBe('')
  })

  it('throws a TypeError for an unsafe URL', async () => {
    const res = await app.request('/unsafe')

    expect(await res.text()).toMatch(/^TypeError: clientRedirect\(\): refused redirect target/)
  })
})
