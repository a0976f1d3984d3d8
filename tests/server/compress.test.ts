import { Hono } from 'hono'
import { streamSSE, streamText } from 'hono/streaming'
import { describe, expect, it } from 'vitest'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { compression } from '../../src/server/index.ts'
import type { CompressionOptions } from '../../src/server/index.ts'

const PAGE = `<!doctype html><ul>${'<li>row of the orders table</li>'.repeat(200)}</ul>`

function appWith(options: CompressionOptions = {}): Hono {
  const app = new Hono()
  app.use(compression(options))
  app.get('/page', (c) => c.html(PAGE))
  app.get('/tiny', (c) => c.html('<p>hi</p>'))
  app.get('/png', (c) => c.body(new Uint8Array(4096), 200, { 'Content-Type': 'image/png' }))
  app.get('/etag', (c) => c.text(PAGE, 200, { ETag: '"abc"' }))
  app.get('/no-transform', (c) => c.html(PAGE, 200, { 'Cache-Control': 'no-transform' }))
  app.get('/vary', (c) => c.html(PAGE, 200, { Vary: 'HX-Request' }))
  app.get('/events', (c) =>
    streamSSE(c, async (sse) => {
      await sse.writeSSE({ data: PAGE })
    })
  )
  app.get('/hand-made-events', (c) =>
    c.body(PAGE, 200, { 'Content-Type': 'text/event-stream; charset=utf-8' })
  )
  app.get('/streamed', (c) => {
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode(PAGE.slice(0, 2000)))
        await new Promise((done) => setTimeout(done, 20))
        controller.enqueue(new TextEncoder().encode(PAGE.slice(2000)))
        controller.close()
      },
    })
    return c.body(body, 200, { 'Content-Type': 'text/html; charset=UTF-8' })
  })
  app.get('/helper-stream', (c) =>
    streamText(c, async (s) => {
      await s.write(PAGE)
    })
  )
  return app
}

const app = appWith()
const get = (path: string, encoding?: string) =>
  app.request(path, encoding === undefined ? {} : { headers: { 'Accept-Encoding': encoding } })
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer())

describe('compression()', () => {
  describe('with Accept-Encoding: br, gzip', () => {
    it('sends the page as brotli, with Vary and the compressed length', async () => {
      const res = await get('/page', 'gzip, deflate, br')
      const body = await bytes(res)

      expect(res.headers.get('Content-Encoding')).toBe('br')
      expect(res.headers.get('Vary')).toBe('Accept-Encoding')
      expect(res.headers.get('Content-Length')).toBe(String(body.byteLength))
      expect(brotliDecompressSync(body).toString()).toBe(PAGE)
      expect(body.byteLength).toBeLessThan(PAGE.length / 10)
    })
  })

  describe('with Accept-Encoding: gzip', () => {
    it('sends gzip', async () => {
      const res = await get('/page', 'gzip')

      expect(res.headers.get('Content-Encoding')).toBe('gzip')
      expect(gunzipSync(await bytes(res)).toString()).toBe(PAGE)
    })

    it('prefers the higher q value', async () => {
      const res = await get('/page', 'br;q=0.5, gzip;q=0.9')

      expect(res.headers.get('Content-Encoding')).toBe('gzip')
    })
  })

  describe('with identity only', () => {
    it.each([undefined, 'identity', 'br;q=0, gzip;q=0', 'deflate'])(
      'sends the body as it is for %s, still with Vary',
      async (encoding) => {
        const res = await get('/page', encoding)

        expect(res.headers.get('Content-Encoding')).toBeNull()
        expect(res.headers.get('Vary')).toBe('Accept-Encoding')
        expect(await res.text()).toBe(PAGE)
      }
    )
  })

  describe('with a wildcard', () => {
    it('picks the first offered encoding', async () => {
      expect((await get('/page', '*')).headers.get('Content-Encoding')).toBe('br')
    })
  })

  describe('for responses it must leave alone', () => {
    it.each([
      ['Server-Sent Events from streamSSE', '/events'],
      ['a hand-made event stream', '/hand-made-events'],
      ['a hono streamText() stream (Transfer-Encoding: chunked)', '/helper-stream'],
      ['an image', '/png'],
      ['a Cache-Control: no-transform page', '/no-transform'],
      ['a body under the threshold', '/tiny'],
    ])('does not compress %s', async (_name, path) => {
      const res = await get(path, 'br, gzip')

      expect(res.headers.get('Content-Encoding')).toBeNull()
    })

    it('does not compress HEAD', async () => {
      const res = await app.request('/page', {
        method: 'HEAD',
        headers: { 'Accept-Encoding': 'br' },
      })

      expect(res.headers.get('Content-Encoding')).toBeNull()
    })

    it('sends event streams byte for byte', async () => {
      const res = await get('/events', 'br, gzip')

      expect(res.headers.get('Content-Type')).toMatch(/^text\/event-stream/)
      expect(await res.text()).toBe(`data: ${PAGE}\n\n`)
    })
  })

  describe('for a body that arrives in pieces', () => {
    it('compresses it as a stream', async () => {
      const res = await get('/streamed', 'gzip')

      expect(res.headers.get('Content-Encoding')).toBe('gzip')
      expect(res.headers.get('Content-Length')).toBeNull()
      expect(gunzipSync(await bytes(res)).toString()).toBe(PAGE)
    })

    it('streams brotli too', async () => {
      const res = await get('/streamed', 'br')

      expect(brotliDecompressSync(await bytes(res)).toString()).toBe(PAGE)
    })
  })

  describe('with headers already set', () => {
    it('weakens a strong ETag', async () => {
      expect((await get('/etag', 'br')).headers.get('ETag')).toBe('W/"abc"')
    })

    it('adds Accept-Encoding to an existing Vary', async () => {
      expect((await get('/vary', 'br')).headers.get('Vary')).toBe('HX-Request, Accept-Encoding')
    })
  })

  describe('with options', () => {
    it('offers only the listed encodings', async () => {
      const res = await appWith({ encodings: ['gzip'] }).request('/page', {
        headers: { 'Accept-Encoding': 'br, gzip' },
      })

      expect(res.headers.get('Content-Encoding')).toBe('gzip')
    })

    it('compresses small bodies with threshold 0', async () => {
      const res = await appWith({ threshold: 0 }).request('/tiny', {
        headers: { 'Accept-Encoding': 'gzip' },
      })

      expect(gunzipSync(await bytes(res)).toString()).toBe('<p>hi</p>')
    })

    it.each<[object, RegExp]>([
      [{ level: 5 }, /compression\(\): unknown option "level"/],
      [{ encodings: ['deflate'] }, /"encodings" must be a non-empty list of br, gzip/],
      [{ encodings: [] }, /"encodings"/],
      [{ brotliQuality: 12 }, /"brotliQuality" must be a whole number 0–11/],
      [{ gzipLevel: 0 }, /"gzipLevel" must be a whole number 1–9/],
      [{ threshold: -1 }, /"threshold"/],
    ])('throws a TypeError for %j', (options, message) => {
      expect(() => compression(options as CompressionOptions)).toThrow(TypeError)
      expect(() => compression(options as CompressionOptions)).toThrow(message)
    })
  })
})

describe('compression() with a response passed through from fetch()', () => {
  it('compresses it although its headers are immutable', async () => {
    const upstream = createServer((_req, res) => {
      res
        .writeHead(200, {
          'Content-Type': 'text/html; charset=UTF-8',
          'Content-Length': Buffer.byteLength(PAGE),
        })
        .end(PAGE)
    })
    await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done))
    const { port } = upstream.address() as AddressInfo
    const app = new Hono()
    app.use(compression())
    app.get('/proxy', () => fetch(`http://127.0.0.1:${String(port)}/`))

    try {
      const res = await app.request('/proxy', { headers: { 'Accept-Encoding': 'gzip' } })

      expect(res.status).toBe(200)
      expect(res.headers.get('Content-Encoding')).toBe('gzip')
      expect(res.headers.get('Vary')).toBe('Accept-Encoding')
      expect(gunzipSync(new Uint8Array(await res.arrayBuffer())).toString()).toBe(PAGE)
    } finally {
      upstream.close()
    }
  })
})
