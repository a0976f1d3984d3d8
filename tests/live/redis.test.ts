// redisBus() against a real redis-server: a publish on one instance reaches the streams of another.
import { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { redisBus } from '../../src/live/index.ts'
import type { LiveBus } from '../../src/live/index.ts'
import { startRedis } from '../fixtures/redis.ts'
import type { RedisServer } from '../fixtures/redis.ts'
import { EMPTY_HUB, startLiveApp } from './fixtures/app.ts'
import type { LiveApp } from './fixtures/app.ts'
import { openSse } from './fixtures/sse-client.ts'
import type { SseClient } from './fixtures/sse-client.ts'

let redis: RedisServer
const connections: Redis[] = []
const buses: LiveBus[] = []
const apps: LiveApp[] = []
const clients: SseClient[] = []
const FUTURE = () => `?since=${String(Date.now() + 60_000)}`
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

beforeAll(async () => {
  redis = await startRedis()
})
afterAll(async () => {
  await redis.stop()
})
afterEach(async () => {
  for (const client of clients.splice(0)) {
    client.close()
  }
  for (const app of apps.splice(0)) {
    await app.close()
  }
  for (const bus of buses.splice(0)) {
    await bus.close()
  }
  for (const connection of connections.splice(0)) {
    connection.disconnect()
  }
})

function connect(): Redis {
  const connection = new Redis(redis.url, { lazyConnect: false, maxRetriesPerRequest: 1 })
  connections.push(connection)
  return connection
}

async function instance(): Promise<LiveApp> {
  const bus = redisBus({ connection: connect() })
  buses.push(bus)
  const app = await startLiveApp({ bus, interval: 0 })
  apps.push(app)
  return app
}

async function stream(app: LiveApp): Promise<SseClient> {
  const client = await openSse(`${app.url}/live${FUTURE()}`)
  clients.push(client)
  await client.next()
  return client
}

describe('redisBus()', () => {
  it('carries a publish on instance A to a stream held by instance B', async () => {
    const [a, b] = [await instance(), await instance()]
    const onB = await stream(b)
    await sleep(100) // the psubscribe reaches Redis

    b.loads.clock = 5
    await a.hub.publish('orders', ['clock'])
    const message = await onB.next()

    expect(message.data).toContain('<time>5</time>')
  })

  it('carries a publish from a worker process that has a bus and no hub', async () => {
    const b = await instance()
    const onB = await stream(b)
    await sleep(100)
    const worker = redisBus({ connection: connect(), prefix: 'hxkit:live:' })

    await worker.publish('orders')
    const message = await onB.next()

    expect(message.data).toContain('id="count"')
    await worker.close()
  })

  it('renders a new stream first once Redis acknowledged the subscription, so a publish in between is not lost', async () => {
    // Redis answers the pattern subscription 200 ms late (a slow network, a busy server)
    const slow = connect()
    const duplicate = slow.duplicate.bind(slow)
    const lagging = Object.assign(slow, {
      duplicate: () => {
        const subscriber = duplicate()
        connections.push(subscriber)
        const psubscribe = subscriber.psubscribe.bind(subscriber)
        return Object.assign(subscriber, {
          psubscribe: async (pattern: string) => {
            await sleep(200)
            return psubscribe(pattern)
          },
        })
      },
    })
    const bus = redisBus({ connection: lagging })
    buses.push(bus)
    const b = await startLiveApp({ bus, interval: 0 })
    apps.push(b)
    const a = await instance()
    // the page was rendered a moment ago
    const client = await openSse(`${b.url}/live?since=${String(Date.now() - 1000)}`)
    clients.push(client)
    await client.next()

    // published before B's subscription is acknowledged: B cannot hear it
    b.loads.clock = 7
    await a.hub.publish('orders', ['clock'])
    const first = await client.next()

    expect(first.data).toContain('<time>7</time>')
  })

  it('tries a failed subscribe again, so a listener subscribed while Redis was down gets ready once it is back', async () => {
    const errors: string[] = []
    const logged = console.error
    console.error = (...args: unknown[]) => errors.push(String(args[0]))
    await redis.kill()
    try {
      const connection = connect()
      connection.on('error', () => undefined)
      const bus = redisBus({ connection })
      buses.push(bus)
      const state = { ready: false }
      const heard: string[] = []
      bus.subscribe(
        (channel) => heard.push(channel),
        () => (state.ready = true)
      )
      const failed = () => errors.some((e) => e.includes('Redis subscription failed'))
      for (let i = 0; i < 100 && !failed(); i++) {
        await sleep(50)
      }
      expect(failed()).toBe(true)
      expect(state.ready).toBe(false)

      await redis.start()
      for (let i = 0; i < 100 && !state.ready; i++) {
        await sleep(50)
      }
      expect(state.ready).toBe(true)
      const publisher = redisBus({ connection: connect() })
      buses.push(publisher)
      await publisher.publish('orders')
      for (let i = 0; i < 40 && heard.length === 0; i++) {
        await sleep(50)
      }
      expect(heard).toEqual(['orders'])
      // one line when the outage starts, one when it ends, however many tries it took
      expect(errors.filter((e) => e.includes('hxkit/live'))).toEqual([
        expect.stringContaining('Redis subscription failed, retrying'),
        'hxkit/live: Redis subscription restored',
      ])
    } finally {
      console.error = logged
      await redis.start().catch(() => undefined)
    }
  }, 20_000)

  it('unsubscribes when the last stream of an instance ends', async () => {
    const b = await instance()
    const onB = await stream(b)
    expect(b.hub.stats().bus).toBe(1)

    onB.close()

    await expect.poll(() => b.hub.stats()).toEqual(EMPTY_HUB)
    const observer = connect()
    await expect.poll(() => observer.call('PUBSUB', 'NUMPAT')).toBe(0)
  })

  it('drops foreign or broken messages on its channels', async () => {
    const b = await instance()
    const onB = await stream(b)
    await sleep(100)
    const raw = connect()

    await raw.publish('hxkit:live:orders', '{broken')
    await raw.publish('hxkit:live:orders', '"stats"')
    await raw.publish('hxkit:live:bad channel', 'null')
    await raw.publish('hxkit:live:orders', 'null')
    const message = await onB.next()

    expect(message.data).toContain('id="count"')
    expect(onB.messages).toHaveLength(2)
  })

  it('throws a TypeError for a missing connection or a bad prefix', () => {
    expect(() => redisBus({} as never)).toThrow('"connection" must be an ioredis client')
    expect(() => redisBus({ connection: connect(), prefix: 'a b' })).toThrow('"prefix"')
    expect(() => redisBus({ connection: connect(), extra: 1 } as never)).toThrow(
      'unknown option "extra"'
    )
  })

  it('keeps the pattern while another listener remains, and ignores a second unsubscribe', async () => {
    const bus = redisBus({ connection: connect() })
    buses.push(bus)
    const observer = connect()
    const first = bus.subscribe(() => undefined)
    const second = bus.subscribe(() => undefined)
    await expect.poll(() => observer.call('PUBSUB', 'NUMPAT')).toBe(1)

    first()
    first()
    await sleep(100)
    const kept = await observer.call('PUBSUB', 'NUMPAT')
    second()

    expect(kept).toBe(1)
    await expect.poll(() => observer.call('PUBSUB', 'NUMPAT')).toBe(0)
  })

  it('drops publishes after close()', async () => {
    const listening = redisBus({ connection: connect() })
    const heard: string[] = []
    const ready = new Promise<void>((done) => {
      listening.subscribe((channel) => heard.push(channel), done)
    })
    await ready
    const closed = redisBus({ connection: connect() })
    const open = redisBus({ connection: connect() })
    await closed.close()

    await expect(closed.publish('dropped')).resolves.toBeUndefined()
    // a publish sent after it arrives, so the dropped one would have arrived by then
    await open.publish('sent')
    await expect.poll(() => heard).toContain('sent')

    expect(heard).toEqual(['sent'])
    await Promise.all([listening.close(), open.close()])
  })
})
