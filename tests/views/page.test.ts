import { Hono } from 'hono'
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest'
import { html } from '../../src/html/index.ts'
import { htmx, parseHtmxRequest } from '../../src/htmx/index.ts'
import { partial } from '../../src/partials/index.ts'
import { page } from '../../src/views/index.ts'
import type { Layout, Page } from '../../src/views/index.ts'

const VARY =
  'HX-Request, HX-Request-Type, HX-History-Restore-Request, HX-Boosted, HX-Target, HX-Partial'
const STATS = '<section id="stats"><p>3 open</p></section>'
const ROWS = '<tbody id="order-rows"><tr><td>Ada &amp; Co</td></tr></tbody>'

const layout: Layout = (body, { title }) =>
  // prettier-ignore
  html`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`

function ordersPage() {
  return page({
    title: 'Orders <all>',
    layout,
    partials: {
      stats: partial('stats', () => html`<p>3 open</p>`, { tag: 'section' }),
      orders: partial(
        'orders',
        // prettier-ignore
        () => Promise.resolve(html`<tr><td>${'Ada & Co'}</td></tr>`),
        {
          tag: 'tbody',
          id: 'order-rows',
        }
      ),
    },
    // prettier-ignore
    render: (p) => html`<h1>Orders</h1>${p.stats}<table>${p.orders}</table>`,
  })
}

function appFor(view: Pick<Page, 'handler'> = ordersPage()) {
  const app = new Hono()
  app.use(htmx())
  app.get('/orders', view.handler)
  return app
}

const partialRequest = (target: string) => ({
  'HX-Request': 'true',
  'HX-Request-Type': 'partial',
  'HX-Target': target,
})

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('page', () => {
  describe('handler without htmx headers', () => {
    it('sends the full document with one layout and the title', async () => {
      const res = await appFor().request('/orders')
      const body = await res.text()

      expect(res.status).toBe(200)
      expect(res.headers.get('Content-Type')).toBe('text/html; charset=UTF-8')
      expect(res.headers.get('Vary')).toBe(VARY)
      expect(res.headers.get('Cache-Control')).toBeNull()
      expect(body).toContain('<title>Orders &lt;all&gt;</title>')
      expect(body).toContain(`<h1>Orders</h1>${STATS}<table>${ROWS}</table>`)
      expect(body.match(/<html>/g)).toHaveLength(1)
    })
  })

  describe('handler with a partial target', () => {
    it.each([
      ['htmx 4', partialRequest('section#stats'), STATS],
      ['htmx 4', partialRequest('tbody#order-rows'), ROWS],
      ['htmx 2', { 'HX-Request': 'true', 'HX-Target': 'order-rows' }, ROWS],
      ['HX-Partial', { ...partialRequest('button#more'), 'HX-Partial': 'stats' }, STATS],
    ])('sends only the fragment (%s)', async (_label, headers, fragment) => {
      const res = await appFor().request('/orders', { headers })

      expect(res.status).toBe(200)
      expect(await res.text()).toBe(fragment)
      expect(res.headers.get('Vary')).toBe(VARY)
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      expect(res.headers.get('Content-Type')).toBe('text/html; charset=UTF-8')
    })
  })

  describe('handler with a history restore or a boosted request', () => {
    it.each([
      ['htmx 4 restore', { 'HX-History-Restore-Request': 'true', 'HX-Request-Type': 'full' }],
      [
        'htmx 2 restore',
        { 'HX-Request': 'true', 'HX-History-Restore-Request': 'true', 'HX-Target': 'stats' },
      ],
      ['htmx 4 boosted', { 'HX-Request': 'true', 'HX-Request-Type': 'full', 'HX-Boosted': 'true' }],
      ['htmx 2 boosted', { 'HX-Request': 'true', 'HX-Boosted': 'true' }],
    ])('sends the full document (%s)', async (_label, headers) => {
      const res = await appFor().request('/orders', { headers })
      const body = await res.text()

      expect(body).toContain('<title>Orders &lt;all&gt;</title>')
      expect(body.match(/<html>/g)).toHaveLength(1)
      expect(res.headers.get('Cache-Control')).toBeNull()
    })
  })

  describe('handler with an unknown target', () => {
    it('sends the content without the layout and warns once per target', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      const app = appFor()

      const res = await app.request('/orders', { headers: partialRequest('div#elsewhere') })
      await app.request('/orders', { headers: partialRequest('div#elsewhere') })
      await app.request('/orders', { headers: partialRequest('div') })
      await app.request('/orders', { headers: { ...partialRequest('div'), 'HX-Partial': 'nope' } })

      expect(await res.text()).toBe(`<h1>Orders</h1>${STATS}<table>${ROWS}</table>`)
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      expect(res.headers.get('Vary')).toBe(VARY)
      expect(warn).toHaveBeenCalledTimes(3)
      expect(warn.mock.calls[0]?.[0]).toBe(
        'hxkit: GET /orders got an htmx request with HX-Target "div#elsewhere", which names no partial of this page; ' +
          'sent the page content without the layout. Target one of: #stats, #order-rows.'
      )
      expect(warn.mock.calls[1]?.[0]).toContain('HX-Target "div"')
      expect(warn.mock.calls[2]?.[0]).toContain('HX-Partial "nope"')
    })

    it('does not warn in production', async () => {
      vi.stubEnv('NODE_ENV', 'production')
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)

      const res = await appFor().request('/orders', { headers: partialRequest('div#elsewhere') })

      expect(res.status).toBe(200)
      expect(warn).not.toHaveBeenCalled()
    })

    it('names the missing target and an empty partial list', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      const empty = page({ title: 't', layout, partials: {}, render: () => html`<p>x</p>` })

      const res = await appFor(empty).request('/orders', { headers: { 'HX-Request': 'true' } })

      expect(await res.text()).toBe('<p>x</p>')
      expect(warn.mock.calls[0]?.[0]).toContain('with no HX-Target')
      expect(warn.mock.calls[0]?.[0]).toContain('Target one of: (no partials).')
    })
  })

  describe('handler with headers set before it', () => {
    it('merges Vary and keeps a Cache-Control that was set', async () => {
      const view = ordersPage()
      const app = new Hono()
      app.use(htmx())
      app.use(async (c, next) => {
        c.header('Vary', 'Accept-Encoding, hx-request')
        c.header('Cache-Control', 'private, max-age=5')
        await next()
      })
      app.get('/orders', view.handler)

      const res = await app.request('/orders', { headers: partialRequest('section#stats') })

      expect(res.headers.get('Vary')).toBe(
        'Accept-Encoding, hx-request, HX-Request-Type, HX-History-Restore-Request, HX-Boosted, HX-Target, HX-Partial'
      )
      expect(res.headers.get('Cache-Control')).toBe('private, max-age=5')
    })

    it('keeps Vary: *', async () => {
      const app = new Hono()
      app.use(htmx())
      app.get('/orders', (c) => {
        c.header('Vary', '*')
        return ordersPage().handler(c)
      })

      const res = await app.request('/orders')

      expect(res.headers.get('Vary')).toBe('*')
    })
  })

  describe('handler after the htmx() middleware', () => {
    it('reads c.var.htmx instead of the headers', async () => {
      const view = ordersPage()
      const app = new Hono()
      app.use(htmx())
      app.use(async (c, next) => {
        c.set('htmx', parseHtmxRequest(new Headers(partialRequest('section#stats'))))
        await next()
      })
      app.get('/orders', view.handler)

      const res = await app.request('/orders')

      expect(await res.text()).toBe(STATS)
    })
  })

  describe('handler when a loader fails', () => {
    it('lets the error reach onError', async () => {
      const view = page({
        title: 't',
        layout,
        partials: { bad: partial('bad', () => Promise.reject(new Error('db down'))) },
        render: (p) => p.bad,
      })
      const app = appFor(view)
      app.onError((err, c) => c.text(`caught: ${err.message}`, 503))

      const full = await app.request('/orders')
      const part = await app.request('/orders', { headers: partialRequest('div#bad') })

      expect([full.status, await full.text()]).toEqual([503, 'caught: db down'])
      expect([part.status, await part.text()]).toEqual([503, 'caught: db down'])
    })
  })

  describe('with a title function', () => {
    it('renders the resolved title', async () => {
      const view = page({
        title: (c) => Promise.resolve(`Order ${c.req.query('id') ?? '?'}`),
        layout,
        partials: {},
        render: () => html`<p>x</p>`,
      })

      const body = await (await appFor(view).request('/orders?id=42')).text()

      expect(body).toContain('<title>Order 42</title>')
    })
  })

  describe('with bad options', () => {
    const stats = partial('stats', () => '')
    const twin = partial('twin', () => '', { id: 'stats' })
    const render = () => html``

    it.each([
      ['a title of the wrong type', { title: 3, layout, partials: {}, render }, /"title"/],
      [
        'a layout that is not a function',
        { title: 't', layout: 'x', partials: {}, render },
        /"layout"/,
      ],
      [
        'a render that is not a function',
        { title: 't', layout, partials: {}, render: 'x' },
        /"render"/,
      ],
      [
        'a key other than the name',
        { title: 't', layout, partials: { other: stats }, render },
        /key "other"/,
      ],
      [
        'two partials with one id',
        { title: 't', layout, partials: { stats, twin }, render },
        /id "stats"/,
      ],
    ])('throws a TypeError for %s', (_label, options, message) => {
      const create = () => page(options as never)

      expect(create).toThrow(TypeError)
      expect(create).toThrow(message)
    })
  })
})

describe('page() without partials', () => {
  it('renders the full page and types no partial names', async () => {
    const about = page({
      title: 'About',
      layout: (body, { title }) => html`<!doctype html><title>${title}</title><main>${body}</main>`,
      render: () => html`<h1>About</h1>`,
    })
    const app = new Hono()
    app.use(htmx())
    app.get('/about', about.handler)

    const res = await app.request('/about')

    expect(await res.text()).toBe('<!doctype html><title>About</title><main><h1>About</h1></main>')
    expect(Object.keys(about.partials)).toEqual([])
    expectTypeOf(about.respond).parameter(1).toEqualTypeOf<readonly never[]>()
  })
})
