import { Hono } from 'hono'
import type { Context } from 'hono'
import { describe, expect, it, vi } from 'vitest'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { secure } from '../../src/security/index.ts'

function makeApp(options?: Parameters<typeof secure>[0]) {
  const handler = vi.fn(async (c: Context) => c.html(`<p>${(await c.req.text()).length}</p>`))
  const app = new Hono()
  app.use(secure(options))
  app.all('/', (c) => handler(c))
  return { app, handler }
}

const sameOrigin = { 'sec-fetch-site': 'same-origin', 'content-type': 'text/plain' }

describe('secure()', () => {
  describe('with the defaults', () => {
    it('sends the security headers and the strict CSP on a page', async () => {
      const { app } = makeApp()

      const res = await app.request('/')

      expect(res.headers.get('Content-Security-Policy')).toMatch(/script-src 'nonce-/)
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(res.headers.get('Referrer-Policy')).toBe('no-referrer')
      expect(res.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin')
      expect(res.headers.get('Permissions-Policy')).toBe(
        'camera=(), microphone=(), geolocation=(), payment=(), usb=()'
      )
    })

    it('refuses a cross-site POST before the handler runs, with the headers still set', async () => {
      const { app, handler } = makeApp()

      const res = await app.request('/', {
        method: 'POST',
        body: '{}',
        headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      })

      expect(res.status).toBe(403)
      expect(handler).not.toHaveBeenCalled()
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    })

    it('answers 413 with a message for a body over 1 MiB', async () => {
      const { app, handler } = makeApp()

      const res = await app.request('/', {
        method: 'POST',
        body: 'x'.repeat(1_048_577),
        headers: sameOrigin,
      })

      expect(res.status).toBe(413)
      expect(await res.text()).toBe('Payload Too Large: the request body is over 1048576 bytes.\n')
      expect(handler).not.toHaveBeenCalled()
    })

    it('answers htmx over the limit with no swap and a toast, so the form stays as typed', async () => {
      const { app, handler } = makeApp({ bodyLimit: 10 })

      const res = await app.request('/', {
        method: 'POST',
        body: 'x'.repeat(11),
        headers: { ...sameOrigin, 'HX-Request': 'true', 'HX-Request-Type': 'partial' },
      })

      expect(res.status).toBe(413)
      expect(res.headers.get('HX-Reswap')).toBe('none')
      expect(JSON.parse(res.headers.get('HX-Trigger') ?? '')).toEqual({
        toast: { message: 'Payload Too Large: the request body is over 10 bytes.', level: 'error' },
      })
      expect(res.headers.get('Vary')).toContain('HX-Request')
      expect(handler).not.toHaveBeenCalled()
    })

    it('lets a body at the limit through', async () => {
      const { app } = makeApp({ bodyLimit: 10 })

      const res = await app.request('/', {
        method: 'POST',
        body: 'x'.repeat(10),
        headers: sameOrigin,
      })

      expect(res.status).toBe(200)
      expect(await res.text()).toBe('<p>10</p>')
    })
  })

  describe('with a report URI', () => {
    it('exempts the report path from the cross-origin check', async () => {
      const app = new Hono()
      app.use(secure({ csp: { reportUri: '/__csp-report' }, crossOrigin: { bypass: ['/hooks/'] } }))
      app.post('*', (c) => c.body(null, 204))
      const post = (path: string) =>
        app.request(path, { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } })

      expect((await post('/__csp-report')).status).toBe(204)
      expect((await post('/hooks/x')).status).toBe(204)
      expect((await post('/orders')).status).toBe(403)
    })
  })

  describe('with every part switched off', () => {
    it('passes requests through untouched', async () => {
      const { app } = makeApp({ csp: false, crossOrigin: false, headers: false, bodyLimit: false })

      const res = await app.request('/', {
        method: 'POST',
        body: 'x'.repeat(2_000_000),
        headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
      })

      expect(res.status).toBe(200)
      expect(res.headers.get('Content-Security-Policy')).toBeNull()
      expect(res.headers.get('X-Content-Type-Options')).toBeNull()
    })
  })

  describe('with header overrides', () => {
    it('keeps a header the handler set and applies the options', async () => {
      const app = new Hono()
      app.use(secure({ headers: { referrerPolicy: 'same-origin' } }))
      app.get('/', (c) => c.html('x', 200, { 'X-Frame-Options': 'DENY' }))

      const res = await app.request('/')

      expect(res.headers.get('X-Frame-Options')).toBe('DENY')
      expect(res.headers.get('Referrer-Policy')).toBe('same-origin')
    })
  })

  describe('with a bad bodyLimit', () => {
    it.each([0, -1, 1.5, Number.NaN])('throws a TypeError at startup for %s', (limit) => {
      expect(() => secure({ bodyLimit: limit })).toThrow(/"bodyLimit" must be/)
    })
  })
})

describe('secure() with a response passed through from fetch()', () => {
  it('adds its headers and the CSP although the response’s headers are immutable', async () => {
    const upstream = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=UTF-8' }).end('<p>proxied</p>')
    })
    await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done))
    const { port } = upstream.address() as AddressInfo
    const app = new Hono()
    app.use(secure())
    app.get('/proxy', () => fetch(`http://127.0.0.1:${String(port)}/`))

    try {
      const res = await app.request('/proxy')

      expect(res.status).toBe(200)
      expect(await res.text()).toBe('<p>proxied</p>')
      expect(res.headers.get('Content-Security-Policy')).toContain("'nonce-")
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(res.headers.get('Cache-Control')).toBe('private, no-store')
    } finally {
      upstream.close()
    }
  })
})
