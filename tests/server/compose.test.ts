import { Hono } from 'hono'
import { describe, expect, it, vi } from 'vitest'
import { secure } from '../../src/security/index.ts'
import { composeApp } from '../../src/server/compose.ts'
import { staticFiles } from '../../src/server/index.ts'
import type { ServeConfig } from '../../src/server/options.ts'

const repo = new URL('../..', import.meta.url).pathname
type Parts = Pick<ServeConfig, 'static' | 'compression' | 'liveness' | 'readiness'>
const PARTS: Parts = { static: null, compression: {}, liveness: '/healthz', readiness: '/readyz' }

function composed(parts: Partial<Parts> = {}, state = { ready: true, closing: false }) {
  const app = new Hono()
  app.use(secure())
  app.get('/', (c) => c.html(`<p>${'page '.repeat(400)}</p>`))
  const track = vi.fn(async (_c: unknown, next: () => Promise<void>) => {
    await next()
  })
  const root = composeApp(
    app,
    { ...PARTS, ...parts },
    { ready: () => state.ready, closing: () => state.closing },
    track
  )
  return { app, root, state, track }
}

describe('composeApp()', () => {
  describe('health routes', () => {
    it('answers /healthz and /readyz with 200 and no-store, outside the app', async () => {
      const { root, track } = composed()

      const live = await root.request('/healthz')
      const ready = await root.request('/readyz')

      expect(live.status).toBe(200)
      expect(await live.json()).toEqual({ ok: true })
      expect(live.headers.get('Cache-Control')).toBe('no-store')
      expect(ready.status).toBe(200)
      expect(track).not.toHaveBeenCalled()
    })

    it('answers /readyz with 503 when not ready, while /healthz stays 200', async () => {
      const { root } = composed({}, { ready: false, closing: false })

      expect((await root.request('/readyz')).status).toBe(503)
      expect((await root.request('/healthz')).status).toBe(200)
    })

    it('uses the configured paths, or none', async () => {
      const { root } = composed({ liveness: '/live', readiness: null })

      expect((await root.request('/live')).status).toBe(200)
      expect((await root.request('/readyz')).status).toBe(404)
    })
  })

  describe('the app', () => {
    it('runs behind the request tracker and compression', async () => {
      const { root, track } = composed()

      const res = await root.request('/', { headers: { 'Accept-Encoding': 'br' } })

      expect(res.status).toBe(200)
      expect(res.headers.get('Content-Encoding')).toBe('br')
      expect(res.headers.get('Content-Security-Policy')).toContain('nonce-')
      expect(track).toHaveBeenCalledTimes(1)
    })

    it('is not compressed with compression off', async () => {
      const { root } = composed({ compression: null })

      const res = await root.request('/', { headers: { 'Accept-Encoding': 'br' } })

      expect(res.headers.get('Content-Encoding')).toBeNull()
    })

    it('asks clients to close the connection once the server is closing', async () => {
      const { root, state } = composed()

      const before = await root.request('/')
      state.closing = true
      const after = await root.request('/')

      expect(before.headers.get('Connection')).toBeNull()
      expect(after.headers.get('Connection')).toBe('close')
    })
  })

  describe('static files', () => {
    it('are served after the app’s routes, behind its secure()', async () => {
      const files = staticFiles({ root: false, resolveFrom: repo })
      const { root } = composed({ static: files })

      const res = await root.request(files.url('/_hxkit/hxkit.css'))
      const page = await root.request('/')
      const missing = await root.request('/_hxkit/nope.css')

      expect(res.status).toBe(200)
      expect(res.headers.get('X-Frame-Options')).toBe('SAMEORIGIN')
      expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin')
      expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
      expect(page.headers.get('Content-Type')).toMatch(/^text\/html/)
      expect(missing.status).toBe(404)
      expect(missing.headers.get('X-Content-Type-Options')).toBe('nosniff')
    })

    it('are compressed, with a weak ETag that still answers 304', async () => {
      const files = staticFiles({ root: false, resolveFrom: repo })
      const { root } = composed({ static: files })
      const headers = { 'Accept-Encoding': 'gzip' }

      const first = await root.request('/_hxkit/hxkit.css', { headers })
      const tag = first.headers.get('ETag') ?? ''
      const again = await root.request('/_hxkit/hxkit.css', {
        headers: { ...headers, 'If-None-Match': tag },
      })

      expect(first.headers.get('Content-Encoding')).toBe('gzip')
      expect(tag).toMatch(/^W\/"[0-9a-f]{32}"$/)
      expect(again.status).toBe(304)
    })

    it('cannot be mounted twice on one app', () => {
      const files = staticFiles({ root: false, htmx: false })
      const app = new Hono()
      const mount = () =>
        composeApp(
          app,
          { ...PARTS, static: files },
          { ready: () => true, closing: () => false },
          (_c, next) => next()
        )

      mount()

      expect(mount).toThrow(/already serves static files/)
    })
  })
})
