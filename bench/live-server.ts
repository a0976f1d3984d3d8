// The server half of bench:live: one hxkit/live hub behind csp(), in its own process (started
// with --expose-gc). Prints "PORT <n>"; /stats forces a GC and reports the heap.
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { Redis } from 'ioredis'
import type { AddressInfo } from 'node:net'
import { csp } from '../src/csp/index.ts'
import { html } from '../src/html/index.ts'
import { liveHub, memoryBus, redisBus } from '../src/live/index.ts'
import { partial } from '../src/partials/index.ts'

const redisUrl = process.env['LIVE_REDIS_URL']
const redis = redisUrl === undefined ? undefined : new Redis(redisUrl)
const bus = redis === undefined ? memoryBus() : redisBus({ connection: redis })
const hub = liveHub({ bus, maxStreams: 20_000, interval: 250 })
let seq = 0
// across instances the data lives in Redis, as it would in a shared database
const counter = partial('counter', async () => {
  const current = redis === undefined ? seq : Number(await redis.get('bench:seq'))
  return html`<p data-seq="${current}">${current} orders</p>`
})
const view = hub.live({ path: '/live', partials: [counter], channels: 'bench', shared: true })
const app = new Hono()
app.use(csp())
app.get('/live', view.handler)
app.get('/publish', async (c) => {
  seq = Number(c.req.query('seq'))
  await redis?.set('bench:seq', String(seq))
  await hub.publish('bench')
  return c.text('ok')
})
app.get('/stats', (c) => {
  const gc = (globalThis as { gc?: () => void }).gc
  for (let i = 0; i < 4; i++) {
    gc?.()
  }
  const usage = process.memoryUsage()
  return c.json({ heapUsed: usage.heapUsed, rss: usage.rss, streams: hub.stats().streams })
})
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
  process.stdout.write(`PORT ${String((server.address() as AddressInfo).port)}\n`)
})
