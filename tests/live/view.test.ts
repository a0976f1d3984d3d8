// hub.live(): the option checks at startup and the element a page renders.
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { csp } from '../../src/csp/index.ts'
import { html } from '../../src/html/index.ts'
import { liveHub } from '../../src/live/index.ts'
import type { LiveOptions } from '../../src/live/index.ts'
import { partial } from '../../src/partials/index.ts'

const stats = partial('stats', () => html`<p>1</p>`)
const base: LiveOptions = { path: '/live', partials: [stats], channels: 'orders' }

describe('hub.live()', () => {
  describe('with a bad option', () => {
    it.each([
      [{ path: 'live' }, '"path" must be a path starting with /'],
      [{ path: '/live?x=1' }, '"path" must be a path starting with /'],
      [{ partials: [] }, '"partials" must list at least one partial'],
      [{ channels: [] }, '"channels" must name at least one channel'],
      [{ channels: 'bad channel' }, 'a channel is a topic'],
      [{ until: true }, '"until" must be a function'],
      [{ chanels: 'x' }, 'unknown option "chanels"'],
    ])('throws a TypeError for %o', (override, message) => {
      const hub = liveHub()

      expect(() => hub.live({ ...base, ...override } as never)).toThrow(TypeError)
      expect(() => hub.live({ ...base, ...override } as never)).toThrow(message)
    })
  })

  describe('element()', () => {
    const render = async (
      options?: Parameters<ReturnType<ReturnType<typeof liveHub>['live']>['element']>[1]
    ) => {
      const view = liveHub().live(base)
      const app = new Hono()
      app.use(csp())
      app.get('/', (c) => c.html(view.element(c, options).value))
      const res = await app.request('/')
      const nonce = /'nonce-([^']+)'/.exec(res.headers.get('Content-Security-Policy') ?? '')?.[1]
      return { text: await res.text(), nonce: nonce ?? '' }
    }

    it('renders the hidden stream element for htmx 4 with the nonce and a since time', async () => {
      const before = Date.now()

      const { text, nonce } = await render()
      const since = Number(/since=(\d+)/.exec(text)?.[1])

      expect(text).toBe(
        `<div hidden hx-sse:connect="/live?since=${String(since)}" hx-sse:close="hxkit:end" hx-nonce="${nonce}"></div>`
      )
      expect(since).toBeLessThanOrEqual(before)
      expect(since).toBeGreaterThan(before - 5000)
    })

    it('renders a polling element for htmx 2', async () => {
      const { text, nonce } = await render({ htmx: 2, poll: 3 })

      expect(text).toBe(
        `<div hidden hx-get="/live" hx-trigger="every 3s" hx-nonce="${nonce}"></div>`
      )
    })

    it('uses the given url for a route with parameters', async () => {
      const { text } = await render({ url: '/tasks/42/live' })

      expect(text).toContain('hx-sse:connect="/tasks/42/live?since=')
      expect(() =>
        liveHub()
          .live(base)
          .element({} as never, { url: 'x' })
      ).toThrow('"url"')
    })

    it('keeps the query of the given url and replaces a since it already has', async () => {
      const { text } = await render({ url: '/orders/live?status=paid&since=5' })
      const url = /hx-sse:connect="([^"]+)"/.exec(text)?.[1] ?? ''
      const params = new URLSearchParams(url.replaceAll('&amp;', '&').split('?')[1])

      expect(params.get('status')).toBe('paid')
      expect(params.getAll('since')).toHaveLength(1)
      expect(Number(params.get('since'))).toBeGreaterThan(Date.now() - 5000)
    })

    it('keeps a query without since as it is written', async () => {
      const { text } = await render({ url: '/orders/live?q=a%20b&flag' })

      expect(text).toMatch(/hx-sse:connect="\/orders\/live\?q=a%20b&amp;flag&amp;since=\d+"/)
    })

    it('polls every 5 s by default', async () => {
      expect((await render({ htmx: 2 })).text).toContain('hx-trigger="every 5s"')
    })

    it.each([[0], [-1], [Number.NaN]])('throws a TypeError for poll %s', (poll) => {
      const view = liveHub().live(base)

      expect(() => view.element({} as never, { htmx: 2, poll })).toThrow(
        '"poll" must be a positive'
      )
    })

    it('throws a TypeError for an unknown option', () => {
      const view = liveHub().live(base)

      expect(() => view.element({} as never, { pol: 2 } as never)).toThrow('unknown option "pol"')
    })
  })

  describe('handler() outside csp()', () => {
    it('streams without a nonce event payload and renders without hx-nonce', async () => {
      const hub = liveHub({ interval: 0 })
      const view = hub.live(base)
      const app = new Hono()
      app.get('/live', view.handler)

      const res = await app.request('/live', { headers: { Accept: 'text/event-stream' } })
      const reader = (res.body as ReadableStream<Uint8Array>).getReader()
      const first = new TextDecoder().decode((await reader.read()).value)
      const second = new TextDecoder().decode((await reader.read()).value)
      await reader.cancel()

      expect(first).toBe('event: hxkit:nonce\nretry: 1000\ndata: \n\n')
      expect(second).toMatch(
        /^id: \d+\ndata: <hx-partial hx-target="#stats" hx-swap="outerHTML"><div id="stats"><p>1<\/p><\/div><\/hx-partial>\n\n$/
      )
      expect(hub.stats().streams).toBe(0)
    })

    it('renders a shared view without a nonce', async () => {
      const hub = liveHub({ interval: 0 })
      const view = hub.live({ ...base, shared: true })
      const app = new Hono()
      app.get('/live', view.handler)

      const res = await app.request('/live', { headers: { Accept: 'text/event-stream' } })
      const reader = (res.body as ReadableStream<Uint8Array>).getReader()
      await reader.read()
      const second = new TextDecoder().decode((await reader.read()).value)
      await reader.cancel()

      expect(second).toContain(
        '<hx-partial hx-target="#stats" hx-swap="outerHTML"><div id="stats">'
      )
    })

    it('passes on an error of the channels function that is not a TypeError', async () => {
      const view = liveHub().live({
        ...base,
        channels: () => {
          throw new RangeError('no')
        },
      })
      const app = new Hono()
      app.get('/live', view.handler)

      const res = await app.request('/live')

      expect(res.status).toBe(500)
    })
  })
})
