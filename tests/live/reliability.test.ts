// Live streams under stress, over real sockets: many disconnects, a reader that stops reading,
// SIGTERM with hundreds of open streams, and compression kept off event streams.
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { request } from 'node:http'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { EMPTY_HUB, startLiveApp } from './fixtures/app.ts'
import type { LiveApp } from './fixtures/app.ts'
import { openSse } from './fixtures/sse-client.ts'
import type { SseClient } from './fixtures/sse-client.ts'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const FUTURE = () => `?since=${String(Date.now() + 60_000)}`
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

let app: LiveApp | undefined
const children: ChildProcess[] = []
afterEach(async () => {
  await app?.close()
  app = undefined
  for (const child of children.splice(0)) {
    if (child.exitCode === null) {
      child.kill('SIGKILL')
    }
  }
})

async function heapAfterGc(): Promise<number> {
  for (let i = 0; i < 4; i++) {
    gc()
    await sleep(20)
  }
  return process.memoryUsage().heapUsed
}

// Opens `count` streams, `batch` at a time (each batch all open at once, then dropped by its
// clients); returns the most streams `held()` counted while a batch was open.
async function openAndDrop(
  url: string,
  count: number,
  batch: number,
  held: () => number = () => 0
): Promise<number> {
  let most = 0
  for (let done = 0; done < count; done += batch) {
    const clients = await Promise.all(
      Array.from({ length: Math.min(batch, count - done) }, () => openSse(`${url}/live${FUTURE()}`))
    )
    await Promise.all(clients.map((client) => client.next()))
    most = Math.max(most, held())
    for (const client of clients) {
      client.close()
    }
  }
  return most
}

describe('live streams', () => {
  describe('2,000 streams opened and dropped by their clients', () => {
    it('release every subscription and timer, and the heap returns to within 20 %', async () => {
      app = await startLiveApp({ heartbeat: 1000 })
      await openAndDrop(app.url, 200, 100)
      await expect.poll(() => app?.hub.stats().streams, { timeout: 5000 }).toBe(0)
      const before = await heapAfterGc()

      const hub = app.hub
      const peak = await openAndDrop(app.url, 2000, 200, () => hub.stats().streams)
      await expect.poll(() => app?.hub.stats().streams, { timeout: 10_000 }).toBe(0)
      const after = await heapAfterGc()

      // a batch was open all at once (the last one's cancels may still be arriving)
      expect(peak).toBeGreaterThanOrEqual(200)
      expect(app.hub.stats()).toEqual(EMPTY_HUB)
      expect(after / before).toBeLessThan(1.2)
    }, 60_000)

    it('count their subscriptions and timers while open', async () => {
      app = await startLiveApp()
      const clients = await Promise.all(
        Array.from({ length: 20 }, () => openSse(`${(app as LiveApp).url}/live${FUTURE()}`))
      )
      await Promise.all(clients.map((client) => client.next()))

      expect(app.hub.stats()).toEqual({
        streams: 20,
        subscriptions: 20,
        channels: 1,
        timers: 1,
        bus: 1,
      })
      for (const client of clients) {
        client.close()
      }
    })
  })

  describe('a client that stops reading', () => {
    it('is dropped past maxBuffered while another stream keeps its pace', async () => {
      const warned: string[] = []
      const warn = vi.spyOn(console, 'warn').mockImplementation((message: unknown) => {
        warned.push(String(message))
      })
      onTestFinished(() => {
        warn.mockRestore()
      })
      app = await startLiveApp({ interval: 0, maxBuffered: 64 * 1024 }, {}, 256 * 1024)
      const slow = await openSse(`${app.url}/live${FUTURE()}`, {}, { paused: true })
      const fast = await openSse(`${app.url}/live${FUTURE()}`)
      await fast.next()

      const lags: number[] = []
      for (let i = 0; i < 60 && (app.hub.stats().streams > 1 || lags.length < 3); i++) {
        app.loads.clock = i
        const sent = Date.now()
        await app.hub.publish('orders')
        await fast.next((m) => m.data.includes(`<time>${String(i)}</time>`), 5000)
        lags.push(Date.now() - sent)
      }

      expect(app.hub.stats().streams).toBe(1)
      expect(Math.max(...lags)).toBeLessThan(1000)
      expect(warned).toEqual([
        'hxkit/live: dropped a stream whose client left more than 65536 bytes unread',
      ])
      slow.close()
      fast.close()
    }, 60_000)
  })
})

interface Served {
  child: ChildProcess
  port: number
  out: string[]
  exited: Promise<number | null>
}

function startServed(): Promise<Served> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./fixtures/served.ts', import.meta.url).pathname],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    }
  )
  children.push(child)
  const out: string[] = []
  const exited = new Promise<number | null>((done) => child.on('exit', done))
  return new Promise((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().trim().split('\n')) {
        out.push(line)
        const port = /^PORT (\d+)$/.exec(line)?.[1]
        if (port !== undefined) {
          done({ child, port: Number(port), out, exited })
        }
      }
    })
    child.on('exit', (code) => {
      fail(new Error(`fixture exited with ${String(code)}`))
    })
  })
}

describe('serve() with live streams', () => {
  it('on SIGTERM sends 500 open streams a final event, ends each within 1 s and exits well before the deadline', async () => {
    const served = await startServed()
    const url = `http://127.0.0.1:${String(served.port)}/live${FUTURE()}`
    const clients: SseClient[] = []
    for (let i = 0; i < 5; i++) {
      clients.push(...(await Promise.all(Array.from({ length: 100 }, () => openSse(url)))))
    }
    await Promise.all(clients.map((client) => client.next()))

    const signalled = Date.now()
    served.child.kill('SIGTERM')
    const endedAt = await Promise.all(clients.map((client) => client.ended.then(() => Date.now())))
    const code = await served.exited
    const exitLine = served.out.find((line) => line.startsWith('EXIT '))

    expect(clients.every((client) => client.messages.at(-1)?.event === 'hxkit:shutdown')).toBe(true)
    expect(Math.max(...endedAt) - signalled).toBeLessThan(1000)
    expect(code).toBe(0)
    // the shutdown timeout is 10 s; one stream left open would hold close() until then
    expect(Number(exitLine?.slice(5))).toBeLessThan(2000)
  }, 60_000)

  it('never compresses text/event-stream', async () => {
    const served = await startServed()

    const headers = await new Promise<Record<string, unknown>>((done, fail) => {
      const req = request(
        `http://127.0.0.1:${String(served.port)}/live${FUTURE()}`,
        { headers: { Accept: 'text/event-stream', 'Accept-Encoding': 'gzip, br' } },
        (res) => {
          done(res.headers)
          res.destroy()
        }
      )
      req.on('error', fail)
      req.end()
    })
    const html = await new Promise<Record<string, unknown>>((done, fail) => {
      const req = request(
        `http://127.0.0.1:${String(served.port)}/live`,
        { headers: { Accept: 'text/html', 'Accept-Encoding': 'gzip' } },
        (res) => {
          done(res.headers)
          res.resume()
        }
      )
      req.on('error', fail)
      req.end()
    })

    expect(headers['content-type']).toBe('text/event-stream; charset=utf-8')
    expect(headers['content-encoding']).toBeUndefined()
    // the same route's HTML answer is compressed: the middleware is on
    expect(html['content-encoding']).toBe('gzip')
  })
})
