import { Hono } from 'hono'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { form } from '../../src/forms/index.ts'
import type { Form, FormSchema } from '../../src/forms/index.ts'
import { html } from '../../src/html/index.ts'

const URLENCODED = { 'content-type': 'application/x-www-form-urlencoded' }
const views = { view: () => html`` }

const signup = form(
  z.object({ email: z.string(), tags: z.array(z.string()).optional() }).strict(),
  { id: 'signup', action: '/signup' }
)
const upload = form(
  z.object({ title: z.string(), doc: z.file().max(10).mime(['text/plain']).optional() }),
  { id: 'upload' }
)

function appFor<S extends FormSchema>(f: Form<S>): { app: Hono; hook: ReturnType<typeof vi.fn> } {
  const hook = vi.fn((result: { ok: boolean }, c: { json: (v: unknown) => Response }) =>
    c.json(result)
  )
  const app = new Hono()
  app.all('/signup', f.validator(views, hook as never))
  return { app, hook }
}

function post(app: Hono, body: BodyInit, headers: Record<string, string> = URLENCODED) {
  return app.request('/signup', { method: 'POST', body, headers })
}

describe('form().validator()', () => {
  describe('with an urlencoded body', () => {
    it('passes the parsed value to the hook', async () => {
      const { app } = appFor(signup)

      const res = await post(app, 'email=a%40b.c&tags=x')

      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({ ok: true, value: { email: 'a@b.c', tags: ['x'] } })
    })

    it('accepts a body of exactly 64 KiB and refuses one byte more with 413', async () => {
      const { app, hook } = appFor(signup)
      const exact = `email=${'a'.repeat(64 * 1024 - 6)}`

      const ok = await post(app, exact)
      const tooBig = await post(app, `${exact}a`)

      expect(ok.status).toBe(200)
      expect(tooBig.status).toBe(413)
      expect(await tooBig.text()).toBe('Request body is larger than 65536 bytes')
      expect(hook).toHaveBeenCalledTimes(1)
    })

    it('refuses a declared Content-Length over the cap without reading', async () => {
      const { app } = appFor(signup)

      const res = await post(app, 'email=a', { ...URLENCODED, 'content-length': '99999999' })

      expect(res.status).toBe(413)
    })

    it('counts the bytes of a chunked body without Content-Length', async () => {
      const { app } = appFor(signup)
      const chunk = new TextEncoder().encode(`email=${'a'.repeat(40_000)}`)
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(chunk)
          controller.enqueue(chunk)
          controller.close()
        },
      })

      const res = await app.request('/signup', {
        method: 'POST',
        body: stream,
        headers: URLENCODED,
        duplex: 'half',
      } as RequestInit)

      expect(res.status).toBe(413)
    })

    it.each([
      ['1,001 fields', Array.from({ length: 1001 }, (_, i) => `f${String(i)}=1`).join('&'), 413],
      ['a 34-level name', `${Array.from({ length: 34 }, () => 'a').join('.')}=1`, 400],
      ['a conflict', 'email=1&email.b=2', 400],
      ['constructor.prototype.x', 'constructor.prototype.polluted=1', 400],
      ['__proto__.x', '__proto__.polluted=1', 400],
      ['a.__proto__', 'a.__proto__=1', 400],
      ['a[__proto__][x]', 'a[__proto__][polluted]=1', 400],
    ])('answers %s with %i and pollutes nothing', async (_, body, status) => {
      const { app, hook } = appFor(signup)

      const res = await post(app, body)

      expect(res.status).toBe(status)
      expect(hook).not.toHaveBeenCalled()
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
      expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted')
    })

    it('reports unknown fields of a strict schema as a form error', async () => {
      const { app } = appFor(signup)

      const res = await post(app, 'email=a&admin=1')

      expect(await res.json()).toMatchObject({
        ok: false,
        state: { formErrors: [expect.stringContaining('admin')] },
      })
    })
  })

  describe('with other media types', () => {
    it.each([
      ['application/json', '{"email":"a"}'],
      ['text/plain', 'email=a'],
      ['application/x-www-form-urlencoded, text/plain', 'email=a'],
    ])('answers %s with 415', async (type, body) => {
      const { app } = appFor(signup)

      const res = await post(app, body, { 'content-type': type })

      expect(res.status).toBe(415)
    })

    it('answers a POST without Content-Type with 415', async () => {
      const { app } = appFor(signup)

      const res = await app.request('/signup', { method: 'POST' })

      expect(res.status).toBe(415)
    })

    it('accepts a charset parameter and upper case', async () => {
      const { app } = appFor(signup)

      const res = await post(app, 'email=a', {
        'content-type': 'Application/X-WWW-Form-Urlencoded; charset=UTF-8',
      })

      expect(res.status).toBe(200)
    })
  })

  describe('with a GET form', () => {
    it('decodes the query string, without the live marker', async () => {
      const { app } = appFor(signup)

      const res = await app.request('/signup?email=q&tags=a&tags=b')

      expect(await res.json()).toMatchObject({ ok: true, value: { email: 'q', tags: ['a', 'b'] } })
    })

    it('refuses a query string over the cap with 413', async () => {
      const { app } = appFor(signup)

      const res = await app.request(`/signup?email=${'a'.repeat(70_000)}`)

      expect(res.status).toBe(413)
    })
  })

  describe('with a body read earlier by a middleware', () => {
    it('uses hono’s copy and still checks its size', async () => {
      const { hook } = appFor(signup)
      const app = new Hono()
      app.use(async (c, next) => {
        await c.req.text()
        await next()
      })
      app.post('/signup', signup.validator(views, hook as never))

      const ok = await post(app, 'email=a')
      const big = await post(app, `email=${'a'.repeat(70_000)}`)

      expect(ok.status).toBe(200)
      expect(big.status).toBe(413)
    })
  })

  describe('with a multipart body', () => {
    function multipart(doc?: File, extra = 0): FormData {
      const data = new FormData()
      data.append('title', 'T')
      if (doc !== undefined) {
        data.append('doc', doc)
      }
      for (let i = 0; i < extra; i++) {
        data.append('doc', new File(['x'], `x${String(i)}.txt`, { type: 'text/plain' }))
      }
      return data
    }

    it('passes a File within the schema’s limits', async () => {
      const hook = vi.fn(
        (result: { ok: boolean; value?: { doc?: File } }, c: { text: (t: string) => Response }) =>
          c.text(`${String(result.ok)} ${result.value?.doc?.name ?? ''}`)
      )
      const app = new Hono()
      app.post('/signup', upload.validator(views, hook as never))

      const res = await post(
        app,
        multipart(new File(['hello'], 'a.txt', { type: 'text/plain' })),
        {}
      )

      expect(await res.text()).toBe('true a.txt')
    })

    it('reports a wrong MIME type as a field error', async () => {
      const { app } = appFor(upload)

      const res = await post(app, multipart(new File(['<p>'], 'a.html', { type: 'text/html' })), {})

      expect(await res.json()).toMatchObject({
        ok: false,
        state: { errors: { doc: [expect.any(String)] } },
      })
    })

    it('answers a file over maxFileBytes (the schema’s max) with 413', async () => {
      const big = form(z.object({ doc: z.file().max(10) }), { limits: { maxMultipartBytes: 1e6 } })
      const app = new Hono()
      app.post(
        '/signup',
        big.validator(views, (_, c) => c.text('ok'))
      )

      const res = await post(app, multipart(new File(['x'.repeat(11)], 'a.txt')), {})

      expect(res.status).toBe(413)
      expect(await res.text()).toContain('larger than 10 bytes')
    })

    it('answers more files than the schema allows with 413', async () => {
      const { app } = appFor(upload)

      const res = await post(app, multipart(undefined, 2), {})

      expect(res.status).toBe(413)
    })

    it('answers a multipart body over the cap with 413', async () => {
      const { app } = appFor(signup)
      const data = new FormData()
      data.append('email', 'x'.repeat(1024 * 1024))

      const res = await post(app, data, {})

      expect(res.status).toBe(413)
    })

    it.each([
      [
        'a missing closing boundary',
        '--b\r\nContent-Disposition: form-data; name="email"\r\n\r\nx',
      ],
      ['garbage', 'not multipart at all'],
    ])('answers %s with 400', async (_, body) => {
      const { app } = appFor(signup)

      const res = await post(app, body, { 'content-type': 'multipart/form-data; boundary=b' })

      expect(res.status).toBe(400)
    })
  })
})
