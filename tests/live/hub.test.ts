// liveHub() over real sockets: the stream, its messages, coalescing, hints, resume and limits.
import { Hono } from 'hono'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { html } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { liveHub, memoryBus } from '../../src/live/index.ts'
import { partial } from '../../src/partials/index.ts'
import { EMPTY_HUB, startLiveApp } from './fixtures/app.ts'
import type { LiveApp } from './fixtures/app.ts'
import { openSse, readBody } from './fixtures/sse-client.ts'
import type { SseClient } from './fixtures/sse-client.ts'

let app: LiveApp | undefined
const clients: SseClient[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) {
    client.close()
  }
  await app?.close()
  app = undefined
})

async function open(path: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const client = await openSse(`${(app as LiveApp).url}${path}`, headers)
  clients.push(client)
  return client
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

describe('liveHub()', () => {
  describe('a stream', () => {
    it('answers text/event-stream, uncached, with the stream nonce first', async () => {
      app = await startLiveApp()

      const client = await open(`/live?since=${String(Date.now() + 60_000)}`)
      const first = await client.next()

      expect(client.status).toBe(200)
      expect(client.headers['content-type']).toBe('text/event-stream; charset=utf-8')
      expect(client.headers['cache-control']).toBe('no-store, no-transform')
      expect(client.headers.connection).toBe('close')
      expect(first.event).toBe('hxkit:nonce')
      expect(first.data).toMatch(/^[\w+/]{22}==$/)
    })

    it('sends the changed partials as <hx-partial> blocks stamped with its nonce, with an id', async () => {
      app = await startLiveApp({ interval: 0 })
      const client = await open(`/live?since=${String(Date.now() + 60_000)}`)
      const nonce = (await client.next()).data

      app.loads.clock = 7
      await app.hub.publish('orders')
      const message = await client.next()

      expect(message.event).toBe('')
      expect(Number(message.id)).toBeGreaterThan(Date.now() - 5000)
      expect(message.data).toBe(
        `<hx-partial hx-target="#count" hx-swap="outerHTML" hx-nonce="${nonce}"><div id="count"><p>7</p><button type="button" hx-get="/x" hx-nonce="${nonce}">x</button></div></hx-partial>` +
          `<hx-partial hx-target="#clock" hx-swap="outerHTML" hx-nonce="${nonce}"><div id="clock"><time>7</time></div></hx-partial>`
      )
    })

    it('ignores publishes on other channels', async () => {
      app = await startLiveApp({ interval: 0 })
      const client = await open(`/live?since=${String(Date.now() + 60_000)}`)
      await client.next()

      await app.hub.publish('customers')
      await sleep(50)

      expect(client.messages).toHaveLength(1)
      expect(app.loads.count).toBe(0)
    })

    it('renders only the partials a hint names', async () => {
      app = await startLiveApp({ interval: 0 })
      const client = await open(`/live?since=${String(Date.now() + 60_000)}`)
      await client.next()

      await app.hub.publish('orders', ['clock'])
      const message = await client.next()

      expect(message.data).toContain('id="clock"')
      expect(message.data).not.toContain('id="count"')
      expect(app.loads.count).toBe(0)
    })

    it('skips a hint that names none of its partials', async () => {
      app = await startLiveApp({ interval: 0 })
      const client = await open(`/live?since=${String(Date.now() + 60_000)}`)
      await client.next()

      await app.hub.publish('orders', ['other'])
      await sleep(50)

      expect(client.messages).toHaveLength(1)
    })
  })

  describe('coalescing', () => {
    it('renders a partial at most once per interval however many publishes arrive', async () => {
      app = await startLiveApp({ interval: 200 })
      const client = await open(`/live?since=${String(Date.now() + 60_000)}`)
      await client.next()

      await app.hub.publish('orders')
      await client.next()
      const first = Date.now()

      for (let i = 0; i < 50; i++) {
        app.loads.clock = i
        await app.hub.publish('orders', i % 2 === 0 ? ['count'] : ['clock'])
      }
      const second = await client.next()
      const waited = Date.now() - first
      await sleep(300)

      // the first publish goes out at once, the 50 of the burst in one message after the interval
      expect(app.loads.count).toBe(2)
      expect(waited).toBeGreaterThanOrEqual(150)
      expect(client.messages).toHaveLength(3)
      expect(second.data).toContain('<time>49</time>')
    })

    it('renders a stream once at a time: what is published during a slow render goes out after it, newest last', async () => {
      const hub = liveHub({ interval: 5 })
      let state = 0
      let running = 0
      let most = 0
      let blocked: Promise<void> | null = null
      let release = (): void => undefined
      const slow = partial('slow', async () => {
        running++
        most = Math.max(most, running)
        const seen = state
        await blocked
        running--
        return html`<p>${seen}</p>`
      })
      const view = hub.live({ path: '/live', partials: [slow], channels: 'orders' })
      const local = new Hono()
      local.get('/live', view.handler)
      const res = await local.request(`/live?since=${String(Date.now() + 60_000)}`, {
        headers: { Accept: 'text/event-stream' },
      })
      const body = readBody(res)
      try {
        blocked = new Promise((done) => {
          release = done
        })
        state = 1
        await hub.publish('orders')
        await sleep(20)
        state = 2
        await hub.publish('orders')
        await sleep(20)
        state = 3
        await hub.publish('orders')
        await sleep(30)
        release()
        blocked = null
        const data = (await body.until('<p>3</p>')).filter((d) => d.includes('<p>'))

        expect(most).toBe(1)
        expect(data.map((d) => /<p>(\d)<\/p>/.exec(d)?.[1])).toEqual(['1', '3'])
      } finally {
        await body.cancel()
        await hub.close()
      }
    })

    it('costs nothing when no stream listens: no render, no timer, no bus subscription', async () => {
      app = await startLiveApp({ interval: 0 })

      for (let i = 0; i < 1000; i++) {
        await app.hub.publish('orders')
      }
      await sleep(20)

      expect(app.loads.count).toBe(0)
      expect(app.hub.stats()).toEqual(EMPTY_HUB)
    })

    it('lets a loader that never settles hold back only its own streams', async () => {
      const hub = liveHub({ interval: 5 })
      let state = 0
      const stuck = partial('stuck', () => new Promise<SafeHtml>(() => undefined))
      const fine = partial('fine', () => html`<p>${state}</p>`)
      const slowView = hub.live({ path: '/slow', partials: [stuck], channels: 'orders' })
      const fineView = hub.live({ path: '/fine', partials: [fine], channels: 'orders' })
      const local = new Hono()
      local.get('/slow', slowView.handler)
      local.get('/fine', fineView.handler)
      const headers = { Accept: 'text/event-stream' }
      const since = `?since=${String(Date.now() + 60_000)}`
      const held = await local.request(`/slow${since}`, { headers })
      const res = await local.request(`/fine${since}`, { headers })
      const body = readBody(res)
      try {
        state = 1
        await hub.publish('orders')
        await body.until('<p>1</p>')
        state = 2
        await hub.publish('orders')
        const data = await body.until('<p>2</p>')

        expect(data.some((d) => d.includes('<p>2</p>'))).toBe(true)
        expect(hub.stats().streams).toBe(2)
      } finally {
        await body.cancel()
        await held.body?.cancel()
        await hub.close()
      }
    })

    it('drops a pending flush when the last stream goes', async () => {
      app = await startLiveApp({ interval: 10_000 })
      const client = await open(`/live?since=${String(Date.now() + 60_000)}`)
      await client.next()
      await app.hub.publish('orders')
      await client.next()

      await app.hub.publish('orders')
      const pending = app.hub.stats().timers
      client.close()

      await expect.poll(() => app?.hub.stats().timers).toBe(0)
      expect(pending).toBe(2)
    })

    it('sends an isolated publish at once', async () => {
      app = await startLiveApp({ interval: 10_000 })
      const client = await open(`/live?since=${String(Date.now() + 60_000)}`)
      await client.next()

      const sent = Date.now()
      await app.hub.publish('orders')
      await client.next()

      expect(Date.now() - sent).toBeLessThan(500)
    })
  })

  describe('resuming', () => {
    it('sends the current state when the channel changed after Last-Event-ID', async () => {
      app = await startLiveApp({ interval: 0 })
      const holder = await open(`/live?since=${String(Date.now() + 60_000)}`)
      await holder.next()
      const before = String(Date.now() - 1)
      await app.hub.publish('orders')
      await holder.next((m) => m.event === '')

      const resumed = await open('/live', { 'Last-Event-ID': before })
      await resumed.next()
      const state = await resumed.next()

      expect(state.data).toContain('id="count"')
      expect(state.data).toContain('id="clock"')
    })

    it('sends nothing when nothing changed since Last-Event-ID', async () => {
      app = await startLiveApp({ interval: 0 })
      const holder = await open(`/live?since=${String(Date.now() + 60_000)}`)
      await holder.next()
      await app.hub.publish('orders')
      const last = await holder.next((m) => m.event === '')

      const resumed = await open('/live', { 'Last-Event-ID': String(Number(last.id) + 1) })
      await resumed.next()
      await sleep(50)

      expect(resumed.messages).toHaveLength(1)
    })

    it('sends the current state when the publish times it kept no longer reach back that far', async () => {
      app = await startLiveApp({ interval: 0 })
      const holder = await open(`/live?since=${String(Date.now() + 60_000)}`)
      await holder.next()
      const since = String(Date.now())
      await sleep(5)

      for (let i = 0; i <= 10_000; i++) {
        await app.hub.publish(`key:${String(i)}`)
      }
      const resumed = await open('/live', { 'Last-Event-ID': since })
      await resumed.next()

      expect((await resumed.next()).data).toContain('id="count"')
    })

    it('sends the current state to a first stream, since nothing was heard before it', async () => {
      app = await startLiveApp({ interval: 0 })

      const client = await open(`/live?since=${String(Date.now() - 10)}`)
      await client.next()
      const state = await client.next()

      expect(state.data).toContain('id="count"')
    })

    it('sends the current state without since or Last-Event-ID', async () => {
      app = await startLiveApp({ interval: 0 })
      const holder = await open(`/live?since=${String(Date.now() + 60_000)}`)
      await holder.next()

      const client = await open('/live')
      await client.next()

      expect((await client.next()).data).toContain('id="clock"')
    })
  })

  describe('without text/event-stream in Accept (htmx 2 polling)', () => {
    it('answers the partials as <hx-partial> blocks in HTML, uncached, varying on Accept', async () => {
      app = await startLiveApp()

      const client = await open('/live', { Accept: 'text/html' })
      const body = await client.text()

      expect(client.status).toBe(200)
      expect(client.headers['content-type']).toMatch(/^text\/html/)
      expect(client.headers['cache-control']).toBe('no-store')
      expect(client.headers.vary).toContain('Accept')
      expect(body).toMatch(
        /^<hx-partial hx-target="#count" hx-swap="outerHTML" hx-nonce="[^"]+"><div id="count">/
      )
      expect(body).toContain('<hx-partial hx-target="#clock"')
    })

    it('answers 286 once until() says the stream is finished', async () => {
      app = await startLiveApp({}, { until: () => true })

      const client = await open('/live', { Accept: 'text/html' })

      expect(client.status).toBe(286)
    })
  })

  describe('oob', () => {
    const toast = () =>
      html`<hx-partial hx-target="#toasts" hx-swap="beforeend"><p>Done</p></hx-partial>`

    it('appends its markup after the partials of every message', async () => {
      app = await startLiveApp({ interval: 0 }, { oob: toast })
      const client = await open(`/live?since=${String(Date.now() + 60_000)}`)
      await client.next()

      await app.hub.publish('orders', ['clock'])
      const message = await client.next()

      expect(message.data).toMatch(
        /<\/hx-partial><hx-partial hx-target="#toasts"[^>]*><p>Done<\/p>/
      )
      expect(message.data.indexOf('#clock')).toBeLessThan(message.data.indexOf('#toasts'))
    })

    it('appends it to the polling answer too', async () => {
      app = await startLiveApp({}, { oob: toast })

      const client = await open('/live', { Accept: 'text/html' })

      expect(await client.text()).toMatch(/<hx-partial hx-target="#toasts"[^>]*><p>Done<\/p>/)
    })

    it('throws a TypeError when it is not a function', () => {
      expect(() =>
        liveHub().live({
          path: '/x',
          partials: [partial('a', () => '')],
          channels: 'a',
          oob: 1 as never,
        })
      ).toThrow('"oob" must be a function')
    })
  })

  describe('limits', () => {
    it('answers past maxStreams with 503 and Retry-After, and takes streams again when one ends', async () => {
      app = await startLiveApp({ maxStreams: 2, retryAfter: 7 })
      const since = `?since=${String(Date.now() + 60_000)}`
      const one = await open(`/live${since}`)
      await open(`/live${since}`)

      const third = await open(`/live${since}`)
      one.close()
      await expect.poll(() => app?.hub.stats().streams).toBe(1)
      const fourth = await open(`/live${since}`)

      expect(third.status).toBe(503)
      expect(third.headers['retry-after']).toBe('7')
      expect(fourth.status).toBe(200)
    })

    it('sends heartbeat comments to idle streams', async () => {
      app = await startLiveApp({ heartbeat: 30 })

      const client = await open(`/live?since=${String(Date.now() + 60_000)}`)

      await expect.poll(() => client.comments, { timeout: 2000 }).toBeGreaterThanOrEqual(3)
    })

    it('answers HEAD with the stream headers and opens no stream', async () => {
      app = await startLiveApp({ maxStreams: 1 })

      const heads = await Promise.all(
        [1, 2, 3].map(() =>
          fetch(`${(app as LiveApp).url}/live`, {
            method: 'HEAD',
            headers: { Accept: 'text/event-stream' },
          })
        )
      )
      const client = await open(`/live?since=${String(Date.now() + 60_000)}`)
      // the one place is taken now: HEAD is told so, as GET would be
      const full = await fetch(`${app.url}/live`, {
        method: 'HEAD',
        headers: { Accept: 'text/event-stream' },
      })

      expect(heads.map((res) => res.status)).toEqual([200, 200, 200])
      expect(heads[0]?.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
      expect(client.status).toBe(200)
      expect(full.status).toBe(503)
      expect(app.hub.stats().streams).toBe(1)
    })

    it('refuses new streams after close() with 503', async () => {
      app = await startLiveApp()
      await app.hub.close()

      const client = await open('/live')

      expect(client.status).toBe(503)
    })
  })

  describe('close()', () => {
    it('sends each stream hxkit:shutdown and ends it', async () => {
      app = await startLiveApp()
      const client = await open(`/live?since=${String(Date.now() + 60_000)}`)
      await client.next()

      await app.hub.close()
      const last = await client.next()
      await client.ended

      expect(last.event).toBe('hxkit:shutdown')
      expect(app.hub.stats()).toEqual(EMPTY_HUB)
    })
  })

  describe('until()', () => {
    it('ends the stream with hxkit:end after the message that finished it', async () => {
      let done = false
      app = await startLiveApp({ interval: 0 }, { until: () => done })
      const client = await open(`/live?since=${String(Date.now() + 60_000)}`)
      await client.next()

      done = true
      await app.hub.publish('orders')
      const state = await client.next()
      const end = await client.next()
      await client.ended

      expect(state.event).toBe('')
      expect(end.event).toBe('hxkit:end')
    })

    it('asks until() before the render, so a state that changes during a render does not end the stream on older markup', async () => {
      let done = false
      let state = 'running'
      // the task finishes while its message renders
      const status = partial('status', () => {
        const shown = state
        state = 'finished'
        done = true
        return html`<p>${shown}</p>`
      })
      app = await startLiveApp({ interval: 0 }, { partials: [status], until: () => done })
      const client = await open(`/live?since=${String(Date.now() + 60_000)}`)
      await client.next()

      await app.hub.publish('orders')
      const stale = await client.next()
      await sleep(50)
      const open1 = app.hub.stats().streams
      await app.hub.publish('orders')
      const last = await client.next()
      const end = await client.next()

      expect(stale.data).toContain('<p>running</p>')
      expect(open1).toBe(1)
      expect(last.data).toContain('<p>finished</p>')
      expect(end.event).toBe('hxkit:end')
    })

    it('ends at once a stream that is already finished when it opens', async () => {
      app = await startLiveApp({}, { until: () => true })

      const client = await open(`/live?since=${String(Date.now() + 60_000)}`)
      await client.ended

      expect(client.messages.map((m) => m.event)).toEqual(['hxkit:nonce', 'hxkit:end'])
    })

    it('keeps the stream open when until() throws', async () => {
      app = await startLiveApp(
        {},
        {
          until: () => {
            throw new Error('database gone')
          },
        }
      )

      const client = await open(`/live?since=${String(Date.now() + 60_000)}`)
      await sleep(50)

      expect(app.hub.stats().streams).toBe(1)
      expect(client.messages).toHaveLength(1)
    })
  })

  describe('keyed channels', () => {
    it('listens on the channels the request names and answers 404 for a malformed key', async () => {
      app = await startLiveApp(
        { interval: 0 },
        { channels: (c) => `task:${c.req.query('task') ?? ''}` }
      )
      const client = await open(`/live?task=42&since=${String(Date.now() + 60_000)}`)
      await client.next()

      await app.hub.publish('task:41')
      await app.hub.publish('task:42')
      const message = await client.next()
      const bad = await open('/live?task=4%0A2')

      expect(message.data).toContain('id="count"')
      expect(app.loads.count).toBe(1)
      expect(bad.status).toBe(404)
    })
  })

  describe('shared rendering', () => {
    it('renders once for every stream and gives each its own nonce', async () => {
      app = await startLiveApp({ interval: 0 }, { shared: true })
      const since = `?since=${String(Date.now() + 60_000)}`
      const a = await open(`/live${since}`)
      const b = await open(`/live${since}`)
      const [na, nb] = [(await a.next()).data, (await b.next()).data]

      await app.hub.publish('orders')
      const [ma, mb] = [await a.next(), await b.next()]

      expect(app.loads.count).toBe(1)
      expect(na).not.toBe(nb)
      expect(ma.data.match(/hx-nonce="([^"]+)"/g)?.every((s) => s.includes(na))).toBe(true)
      expect(mb.data.match(/hx-nonce="([^"]+)"/g)?.every((s) => s.includes(nb))).toBe(true)
      expect(ma.data.replaceAll(na, 'N')).toBe(mb.data.replaceAll(nb, 'N'))
    })
  })

  describe('a loader that throws', () => {
    it('answers a poll with 204 and logs the first failure, then at most once a minute with a count', async () => {
      const hub = liveHub()
      const broken = partial('broken', (): SafeHtml => {
        throw new Error('boom')
      })
      const view = hub.live({
        path: '/live',
        partials: [broken],
        channels: 'orders',
        until: () => {
          throw new Error('until failed')
        },
      })
      const local = new Hono()
      local.get('/live', view.handler)
      const logged: string[] = []
      const error = vi.spyOn(console, 'error').mockImplementation((message: unknown) => {
        logged.push(String(message))
      })
      const start = Date.now()
      const now = vi.spyOn(Date, 'now').mockReturnValue(start)
      try {
        const first = await local.request('/live')
        await local.request('/live')
        now.mockReturnValue(start + 61_000)
        await local.request('/live')

        expect(first.status).toBe(204)
        expect(first.headers.get('Cache-Control')).toBe('no-store')
        expect(await first.text()).toBe('')
        expect(logged).toEqual([
          'hxkit/live: a live partial failed to render:',
          'hxkit/live: a live partial failed to render (and 1 more since the last report):',
        ])
      } finally {
        now.mockRestore()
        error.mockRestore()
        await hub.close()
      }
    })

    it('costs its message only; the stream stays open', async () => {
      let fail = true
      app = await startLiveApp({ interval: 0 }, {})
      const hub = app.hub
      const client = await open(`/live?since=${String(Date.now() + 60_000)}`)
      await client.next()
      const original = console.error
      const logged: unknown[] = []
      console.error = (...args: unknown[]) => logged.push(args)
      try {
        Object.defineProperty(app.loads, 'clock', {
          get() {
            if (fail) {
              throw new Error('boom')
            }
            return 1
          },
          configurable: true,
        })
        await hub.publish('orders')
        await sleep(50)
        await hub.publish('orders')
        await sleep(50)
        fail = false
        await hub.publish('orders')
        const message = await client.next()

        expect(message.data).toContain('<time>1</time>')
        expect(logged).toHaveLength(1)
      } finally {
        console.error = original
      }
    })
  })
})

describe('liveHub() options', () => {
  it.each([
    [{ interval: -1 }, '"interval" must be an integer >= 0'],
    [{ heartbeat: 1.5 }, '"heartbeat" must be an integer >= 10'],
    [{ maxStreams: 0 }, '"maxStreams" must be an integer >= 1'],
    [{ maxBuffered: 10 }, '"maxBuffered" must be an integer >= 1024'],
    [{ intervall: 3 }, 'unknown option "intervall"'],
    [{ bus: {} }, '"bus" must be a LiveBus'],
  ])('throws a TypeError for %o', (options, message) => {
    expect(() => liveHub(options as never)).toThrow(TypeError)
    expect(() => liveHub(options as never)).toThrow(message)
  })

  it('throws for a bad channel or hint at publish time', () => {
    const hub = liveHub({ bus: memoryBus() })

    expect(() => hub.publish('bad channel')).toThrow(TypeError)
    expect(() => hub.publish('orders', 'stats' as never)).toThrow('list of partial names')
  })
})
