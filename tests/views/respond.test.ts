import { Hono, Context } from 'hono'
import { describe, expect, it } from 'vitest'
import { html } from '../../src/html/index.ts'
import { htmx } from '../../src/htmx/index.ts'
import { partial } from '../../src/partials/index.ts'
import { page } from '../../src/views/index.ts'

const VARY =
  'HX-Request, HX-Request-Type, HX-History-Restore-Request, HX-Boosted, HX-Target, HX-Partial'

const ordersPage = page({
  title: 'Orders',
  // prettier-ignore
  layout: (body, { title }) => html`<html><head><title>${title}</title></head><body>${body}</body></html>`,
  partials: {
    orders: partial(
      'orders',
      // prettier-ignore
      () => html`<tr><td>1</td></tr><tr><td>2</td></tr>`,
      {
        tag: 'tbody',
        id: 'order-rows',
      }
    ),
    stats: partial('stats', () => html`<p>2 open</p>`, { tag: 'section' }),
  },
  // prettier-ignore
  render: (p) => html`${p.stats}<table>${p.orders}</table>`,
})

const ROWS = '<tbody id="order-rows"><tr><td>1</td></tr><tr><td>2</td></tr></tbody>'
const STATS = '<section id="stats"><p>2 open</p></section>'

function appWith(handler: (c: Context) => Promise<Response>) {
  const app = new Hono()
  app.use(htmx())
  app.post('/orders', handler)
  app.onError((err, c) => c.text(`${err.name}: ${err.message}`, 500))
  return app
}

const hx4 = { 'HX-Request': 'true', 'HX-Request-Type': 'partial', 'HX-Target': 'form#new-order' }
const hx2 = { 'HX-Request': 'true', 'HX-Target': 'new-order' }

describe('respond', () => {
  describe.each([
    ['htmx 4', hx4],
    ['htmx 2', hx2],
  ])('with an %s request', (_label, headers) => {
    it('sends the first partial as main content and the rest as <hx-partial> blocks', async () => {
      const app = appWith((c) => ordersPage.respond(c, ['orders', 'stats']))

      const res = await app.request('/orders', { method: 'POST', headers })

      expect(res.status).toBe(200)
      expect(await res.text()).toBe(
        `${ROWS}<hx-partial hx-target="#stats" hx-swap="outerHTML">${STATS}</hx-partial>`
      )
      expect(res.headers.get('Vary')).toBe(VARY)
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      expect(res.headers.get('Content-Type')).toBe('text/html; charset=UTF-8')
    })
  })

  describe('with a status', () => {
    it('uses it', async () => {
      const app = appWith((c) => ordersPage.respond(c, ['stats'], { status: 422 }))

      const res = await app.request('/orders', { method: 'POST', headers: hx4 })

      expect(res.status).toBe(422)
      expect(await res.text()).toBe(STATS)
    })
  })

  describe('with a repeated name', () => {
    it('renders it once', async () => {
      const app = appWith((c) => ordersPage.respond(c, ['stats', 'stats']))

      const res = await app.request('/orders', { method: 'POST', headers: hx4 })

      expect(await res.text()).toBe(STATS)
    })
  })

  describe.each([
    ['no htmx headers', {}],
    ['a boosted form', { 'HX-Request': 'true', 'HX-Request-Type': 'full', 'HX-Boosted': 'true' }],
  ])('with %s', (_label, headers) => {
    it('sends the full page with the status (progressive enhancement)', async () => {
      const app = appWith((c) => ordersPage.respond(c, ['orders', 'stats'], { status: 422 }))

      const res = await app.request('/orders', { method: 'POST', headers })
      const body = await res.text()

      expect(res.status).toBe(422)
      expect(body).toBe(
        `<html><head><title>Orders</title></head><body>${STATS}<table>${ROWS}</table></body></html>`
      )
      expect(res.headers.get('Cache-Control')).toBeNull()
      expect(res.headers.get('Vary')).toBe(VARY)
    })
  })

  describe('with no names or an unknown name', () => {
    it.each([
      [[], 'TypeError: respond(): name at least one partial'],
      [['nope'], 'TypeError: page(): no partial named "nope" (declared: orders, stats)'],
    ])('throws a TypeError (%j)', async (names, message) => {
      const app = appWith((c) => ordersPage.respond(c, names as never))

      const res = await app.request('/orders', { method: 'POST', headers: hx4 })

      expect([res.status, await res.text()]).toEqual([500, message])
    })
  })
})

describe('renderPartial', () => {
  describe('with a declared name', () => {
    it('renders that partial alone', async () => {
      const app = new Hono()
      app.use(htmx())
      app.get('/', async (c) => c.html((await ordersPage.renderPartial(c, 'stats')).value))

      expect(await (await app.request('/')).text()).toBe(STATS)
    })
  })

  describe('with an unknown name', () => {
    it('rejects with a TypeError', async () => {
      const c = new Context(new Request('http://localhost/'))

      await expect(ordersPage.renderPartial(c, 'nope' as never)).rejects.toThrow(TypeError)
    })
  })
})

describe('renderPage', () => {
  it('renders the whole document', async () => {
    const app = new Hono()
    app.use(htmx())
    app.get('/', async (c) => c.html((await ordersPage.renderPage(c)).value))

    expect(await (await app.request('/')).text()).toContain(`<table>${ROWS}</table>`)
  })
})
