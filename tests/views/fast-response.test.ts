// The fast lane of page responses (src/internal/fast-response.ts): under secure() a page or a
// partial is built with every header at once; the headers must be exactly what the usual path
// (a handler's own c.html() through the same middleware) sends.
import { Hono } from 'hono'
import type { MiddlewareHandler } from 'hono'
import { setCookie } from 'hono/cookie'
import { describe, expect, it } from 'vitest'
import { cspOverride, DEFAULT_CSP } from '../../src/csp/index.ts'
import { html } from '../../src/html/index.ts'
import { htmx } from '../../src/htmx/index.ts'
import { isComplete } from '../../src/internal/fast-response.ts'
import { partial } from '../../src/partials/index.ts'
import { secure } from '../../src/security/index.ts'
import { page } from '../../src/views/index.ts'
import type { Layout } from '../../src/views/index.ts'

const layout: Layout = (body, { title }) =>
  html`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`

const list = partial('list', () => html`<li>one</li>`, { tag: 'ul' })
const listPage = page({ title: 'List', layout, partials: { list }, render: (p) => p.list })
const PARTIAL = { 'HX-Request': 'true', 'HX-Request-Type': 'partial', 'HX-Target': 'ul#list' }

/** An app serving the page on /page, and the same markup by the handler's own c.html() on /own. */
function makeApp(before: MiddlewareHandler = async (_, next) => next()) {
  const app = new Hono()
  app.use(secure({ csp: { reportUri: '/__csp-report' } }))
  app.use(htmx())
  app.use(before)
  app.get('/page', listPage.handler)
  app.get('/own', async (c) => {
    const res = await listPage.handler(c)
    // the usual path: a new response the middleware's after-code completes
    return c.html(await res.text(), res.status as 200, { Vary: res.headers.get('Vary') ?? '' })
  })
  return app
}

/** Header names and values, the nonce replaced. */
function headersOf(res: Response): Record<string, string> {
  const nonce = /'nonce-([^']+)'/.exec(res.headers.get('Content-Security-Policy') ?? '')?.[1]
  const out: Record<string, string> = {}
  for (const [name, value] of res.headers) {
    out[name] = nonce === undefined ? value : value.replaceAll(nonce, '*')
  }
  return out
}

describe('page responses under secure()', () => {
  it('carry the same headers as a response the after-code completes', async () => {
    const app = makeApp()
    const fast = await app.request('/page')
    const usual = await app.request('/own')
    expect(fast.status).toBe(200)
    expect([isComplete(fast), isComplete(usual)]).toEqual([true, false])
    const expected = headersOf(usual)
    // the usual path has no fragment Cache-Control to add for a full page: the CSP's private one
    expect(headersOf(fast)).toEqual(expected)
    expect(expected['content-security-policy']).toMatch(/script-src 'nonce-\*'/)
    expect(expected['x-content-type-options']).toBe('nosniff')
    expect(expected['reporting-endpoints']).toBe('csp-endpoint="/__csp-report"')
    expect(expected['cache-control']).toBe('private, no-store')
  })

  it('carry a fresh nonce that the markup and the header share', async () => {
    const app = new Hono()
    app.use(secure())
    app.use(htmx())
    app.get('/', (c) =>
      page({
        title: 'n',
        layout: (body, meta) =>
          html`<html><head><title>${meta.title}</title><script nonce="${meta.c.get('cspNonce') ?? ''}" src="/a.js"></script></head><body>${body}</body></html>`,
        render: () => html`<p>x</p>`,
      }).handler(c)
    )
    const [a, b] = [await app.request('/'), await app.request('/')]
    const nonceOf = (res: Response) =>
      /'nonce-([^']+)'/.exec(res.headers.get('Content-Security-Policy') ?? '')?.[1]
    expect(nonceOf(a)).not.toBe(nonceOf(b))
    expect(await a.text()).toContain(`nonce="${String(nonceOf(a))}"`)
  })

  it('keep headers a middleware or handler set before the page rendered, merging Vary', async () => {
    const app = makeApp(async (c, next) => {
      c.header('HX-Trigger', 'loaded')
      c.header('Vary', 'Accept-Language')
      c.header('Cache-Control', 'no-cache')
      c.header('X-Frame-Options', 'DENY')
      await next()
    })
    const res = await app.request('/page')
    expect(res.headers.get('HX-Trigger')).toBe('loaded')
    expect(res.headers.get('Vary')).toBe(
      'Accept-Language, HX-Request, HX-Request-Type, HX-History-Restore-Request, HX-Boosted, HX-Target, HX-Partial'
    )
    // a handler's own value is kept, made private because the response carries a nonce
    expect(res.headers.get('Cache-Control')).toBe('private, no-cache')
    expect(res.headers.get('X-Frame-Options')).toBe('DENY')
  })

  it('keep every Set-Cookie a middleware prepared', async () => {
    const app = makeApp(async (c, next) => {
      setCookie(c, 'a', '1')
      setCookie(c, 'b', '2')
      await next()
    })
    const res = await app.request('/page')
    // a record holds one value per name: this response takes the usual path
    expect(isComplete(res)).toBe(false)
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/'])
    expect(res.headers.get('Content-Security-Policy')).toMatch(/'nonce-/)
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
  })

  it('send no-store on a partial, and keep a CSP a handler set itself', async () => {
    const app = makeApp(async (c, next) => {
      c.header('Content-Security-Policy', "default-src 'none'")
      await next()
    })
    const res = await app.request('/page', { headers: PARTIAL })
    expect(await res.text()).toBe('<ul id="list"><li>one</li></ul>')
    expect(res.headers.get('Content-Security-Policy')).toBe("default-src 'none'")
    expect(res.headers.get('Cache-Control')).toBe('no-store')
  })

  it('follow cspOverride() for the route', async () => {
    const app = new Hono()
    app.use(secure())
    app.use(htmx())
    app.get(
      '/embed',
      cspOverride({ policy: { ...DEFAULT_CSP, 'frame-ancestors': ['https://intranet.example'] } }),
      listPage.handler
    )
    app.get('/none', cspOverride({ policy: false }), listPage.handler)
    const embed = await app.request('/embed')
    expect(embed.headers.get('Content-Security-Policy')).toContain(
      'frame-ancestors https://intranet.example'
    )
    const none = await app.request('/none')
    expect(none.headers.has('Content-Security-Policy')).toBe(false)
    expect(none.headers.get('Cache-Control')).toBeNull()
    expect(none.headers.get('X-Content-Type-Options')).toBe('nosniff')
  })

  it('are the usual response without csp() or secure()', async () => {
    const app = new Hono()
    app.use(htmx())
    app.get('/', listPage.handler)
    const res = await app.request('/')
    expect(isComplete(res)).toBe(false)
    expect(res.headers.has('Content-Security-Policy')).toBe(false)
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=UTF-8')
    expect(res.headers.get('Vary')).toMatch(/^HX-Request/)
  })
})
