// The pieces under a hub: one stream's end, and the registry's bookkeeping.
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import type { Context } from 'hono'
import { describe, expect, it } from 'vitest'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { html } from '../../src/html/index.ts'
import { liveHub, memoryBus } from '../../src/live/index.ts'
import { resolveHubOptions } from '../../src/live/options.ts'
import { Registry } from '../../src/live/registry.ts'
import { LiveStream, directResponse } from '../../src/live/stream.ts'
import { partial } from '../../src/partials/index.ts'
import { openSse } from './fixtures/sse-client.ts'

describe('LiveStream', () => {
  it('ends once, whatever ends it, and writes nothing after', () => {
    const reasons: string[] = []
    const stream = new LiveStream({
      maxBuffered: 1024,
      onEnd: (_s, reason) => reasons.push(reason),
    })

    stream.end('until', { event: 'hxkit:end', data: '' })
    stream.end('shutdown')

    expect(stream.send({ data: 'late' })).toBe(false)
    expect(reasons).toEqual(['until'])
    expect(stream.ended).toBe(true)
  })
})

describe('Registry', () => {
  it('forgets the first render of a stream that ends while the bus has not acknowledged', () => {
    // a bus that acknowledges only when told (Redis answering late, or down)
    let acknowledge = (): void => undefined
    const bus = {
      publish: () => undefined,
      subscribe: (_listener: unknown, onReady?: () => void) => {
        acknowledge = onReady ?? acknowledge
        return () => undefined
      },
      subscriptions: 0,
      close: () => Promise.resolve(),
    }
    const registry = new Registry(resolveHubOptions({ bus }), () => undefined)
    const entry = (stream: LiveStream) => ({
      stream,
      view: { partials: [], shared: false, until: undefined, oob: undefined },
      c: undefined as unknown as Context, // the registry never reads it
      nonce: undefined,
      channels: ['orders'],
      dirty: null,
    })
    const ran: string[] = []
    const [gone, kept] = [
      entry(new LiveStream({ maxBuffered: 1024, onEnd: () => undefined })),
      entry(new LiveStream({ maxBuffered: 1024, onEnd: () => undefined })),
    ]
    registry.add(gone)
    registry.add(kept)
    registry.whenReady(gone, () => ran.push('gone'))
    registry.whenReady(kept, () => ran.push('kept'))

    registry.remove(gone.stream, 'client')
    const waiting = registry.waiting
    acknowledge()

    expect(waiting).toBe(1)
    expect(ran).toEqual(['kept'])
    expect(registry.waiting).toBe(0)
  })

  it('ignores the removal of a stream it does not hold', () => {
    const bus = memoryBus()
    const registry = new Registry(resolveHubOptions({ bus }), () => undefined)
    const held = new LiveStream({ maxBuffered: 1024, onEnd: () => undefined })
    const other = new LiveStream({ maxBuffered: 1024, onEnd: () => undefined })
    registry.add({
      stream: held,
      view: { partials: [], shared: false, until: undefined, oob: undefined },
      c: undefined as unknown as Context, // the registry never reads it
      nonce: undefined,
      channels: ['orders'],
      dirty: null,
    })

    registry.remove(other, 'client')

    // the held stream keeps its subscription, its channel, the timers and the bus
    expect([...registry.entries.keys()]).toEqual([held])
    expect(registry.subscriptions).toBe(1)
    expect(registry.timers).toBe(1)
    expect(bus.subscriptions).toBe(1)
    registry.remove(held, 'client')
    expect(bus.subscriptions).toBe(0)
  })
})

describe('LiveStream behind @hono/node-server', () => {
  it('moves to direct writes after the head without reordering or losing a message', async () => {
    const streams: LiveStream[] = []
    const app = new Hono()
    app.get('/s', (c) => {
      const stream = new LiveStream({
        maxBuffered: 1 << 20,
        direct: () => directResponse(c.env),
        onEnd: () => undefined,
      })
      streams.push(stream)
      let n = 0
      const send = (): void => {
        stream.send({ id: String(++n), data: `message ${String(n)}` })
      }
      // before the head is written, in the same tick, in later microtasks and tasks, and late
      send()
      send()
      queueMicrotask(send)
      void Promise.resolve()
        .then(() => Promise.resolve())
        .then(send)
      setTimeout(send, 0)
      setImmediate(send)
      setTimeout(() => {
        for (let i = 0; i < 50; i++) {
          send()
        }
        stream.end('until', { event: 'hxkit:end', data: '' })
      }, 30)
      return new Response(stream.body, { headers: { 'Content-Type': 'text/event-stream' } })
    })
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
    await once(server, 'listening')
    try {
      const { port } = server.address() as AddressInfo
      const client = await openSse(`http://127.0.0.1:${String(port)}/s`)
      await client.ended

      const ids = client.messages.filter((m) => m.event === '').map((m) => Number(m.id))
      expect(ids).toEqual(Array.from({ length: 56 }, (_, i) => i + 1))
      expect(client.messages.at(-1)?.event).toBe('hxkit:end')
      expect(streams[0]?.writesDirectly).toBe(true)
    } finally {
      server.close()
    }
  })

  it('stays on the ReadableStream where there is no Node response (app.request())', async () => {
    const stream = new LiveStream({ maxBuffered: 1024, onEnd: () => undefined })
    const app = new Hono().get('/s', () => new Response(stream.body))
    const res = await app.request('/s')
    stream.send({ data: 'one' })
    stream.end('until')

    expect(await res.text()).toBe('data: one\n\n')
    expect(stream.writesDirectly).toBe(false)
  })

  it('finds no Node response in bindings without one', () => {
    expect(directResponse(undefined)).toBeUndefined()
    expect(directResponse({})).toBeUndefined()
    expect(directResponse({ outgoing: { write: 'no' } })).toBeUndefined()
  })
})

describe('a live view behind a middleware that wraps the body', () => {
  it('keeps every message on the wrapped body, none written past it', async () => {
    const hub = liveHub({ interval: 10 })
    let clock = 0
    const tick = partial('tick', () => html`<time>${clock}</time>`)
    const view = hub.live({ path: '/live', partials: [tick], channels: 'clock' })
    let passed = 0
    const app = new Hono()
    app.use(async (c, next) => {
      await next()
      const counted = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          passed++
          controller.enqueue(chunk)
        },
      })
      c.res = new Response(c.res.body?.pipeThrough(counted) ?? null, c.res)
    })
    app.get('/live', view.handler)
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
    await once(server, 'listening')
    try {
      const { port } = server.address() as AddressInfo
      const client = await openSse(
        `http://127.0.0.1:${String(port)}/live?since=${String(Date.now() + 60_000)}`
      )
      await client.next((m) => m.event === 'hxkit:nonce')
      for (clock = 1; clock <= 3; clock++) {
        await hub.publish('clock')
        await client.next((m) => m.data.includes(`<time>${String(clock)}</time>`))
        await new Promise((done) => setTimeout(done, 20))
      }
      await hub.close()
      await client.ended

      expect(client.messages.map((m) => m.event || m.data)).toEqual([
        'hxkit:nonce',
        expect.stringContaining('<time>1</time>'),
        expect.stringContaining('<time>2</time>'),
        expect.stringContaining('<time>3</time>'),
        'hxkit:shutdown',
      ])
      expect(passed).toBe(5)
    } finally {
      server.close()
    }
  })
})
