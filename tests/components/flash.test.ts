import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { flash, flashes, takeFlashes, toastRegion } from '../../src/components/index.ts'
import { html } from '../../src/html/index.ts'
import { clientLocation, htmx } from '../../src/htmx/index.ts'

const SECRET = 'flash-tests-secret-000000'

function app(): Hono {
  const a = new Hono()
  a.use(htmx())
  a.use(flashes({ secret: SECRET }))
  a.post('/delete', (c) => {
    flash(c, 'Order 7 deleted', 'success')
    return c.redirect('/orders', 303)
  })
  a.post('/hx-delete', (c) => {
    flash(c, 'Gone', 'info')
    return clientLocation(c, { path: '/orders' })
  })
  a.get('/orders', (c) => c.html(html`<body>${toastRegion(takeFlashes(c))}</body>`.value))
  a.get('/fragment', (c) => {
    flash(c, 'Fragment toast', 'error')
    return c.html('<tr><td>row</td></tr>')
  })
  a.get('/json', (c) => {
    flash(c, 'not here')
    return c.json({ ok: true })
  })
  return a
}

function cookieOf(res: Response): string {
  return (res.headers.get('Set-Cookie') ?? '').split(';')[0] ?? ''
}

describe('flashes()', () => {
  it('carries a message queued before a 303 to the next page, once', async () => {
    const a = app()
    const redirect = await a.request('/delete', { method: 'POST' })
    const cookie = cookieOf(redirect)

    expect(redirect.status).toBe(303)
    expect(cookie).toMatch(/^hxkit-flash=/)

    const next = await a.request('/orders', { headers: { Cookie: cookie } })

    expect(await next.text()).toContain('<p>Order 7 deleted</p>')
    expect(next.headers.get('Set-Cookie')).toContain('hxkit-flash=;')
  })

  it('carries a message across HX-Location', async () => {
    const res = await app().request('/hx-delete', {
      method: 'POST',
      headers: { 'HX-Request': 'true' },
    })

    expect(res.headers.get('HX-Location')).toBeTruthy()
    expect(cookieOf(res)).toMatch(/^hxkit-flash=/)
  })

  it('ignores a cookie that was not signed by the app', async () => {
    const forged = `hxkit-flash=${Buffer.from(JSON.stringify([{ message: 'Pay here', kind: 'info' }])).toString('base64url')}.AAAA`

    const body = await (await app().request('/orders', { headers: { Cookie: forged } })).text()

    expect(body).not.toContain('Pay here')
  })

  it('appends queued messages to an htmx HTML response as toasts', async () => {
    const res = await app().request('/fragment', { headers: { 'HX-Request': 'true' } })
    const body = await res.text()

    expect(body).toContain(
      '<tr><td>row</td></tr><hx-partial hx-target="#toasts" hx-swap="beforeend">'
    )
    expect(body).toContain('role="alert"')
    expect(res.headers.get('Content-Length')).toBeNull()
  })

  it('keeps messages of a response it cannot show for the next page', async () => {
    const res = await app().request('/json')

    expect(await res.json()).toEqual({ ok: true })
    expect(res.headers.get('Set-Cookie')).toBeNull()
  })

  it('drops malformed payloads and refuses bad options', async () => {
    const a = new Hono()
    a.use(flashes({ secret: SECRET, cookie: 'f' }))
    a.get('/', (c) => c.json(takeFlashes(c)))

    const res = await a.request('/', { headers: { Cookie: 'f=bm90LWpzb24.AAAA' } })

    expect(await res.json()).toEqual([])
    expect(() => flashes({ secret: 'short' })).toThrow(TypeError)
    expect(() => flashes({ secret: SECRET, maxAge: 1 } as never)).toThrow('unknown option "maxAge"')
  })

  it('needs the middleware for flash() and gives nothing to takeFlashes() without it', async () => {
    const a = new Hono()
    a.get('/', (c) => c.json(takeFlashes(c)))
    a.get('/flash', (c) => {
      flash(c, 'x')
      return c.text('ok')
    })

    expect(await (await a.request('/')).json()).toEqual([])
    expect((await a.request('/flash')).status).toBe(500)
  })
})
