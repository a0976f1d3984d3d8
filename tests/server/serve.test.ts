// serve() in real processes: signals, in-flight requests, refused connections, exit codes, timing.
import { Hono } from 'hono'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { Agent, request } from 'node:http'
import { serve } from '../../src/server/index.ts'

const FIXTURE = new URL('./fixtures/app.ts', import.meta.url).pathname

interface Running {
  child: ChildProcess
  port: number
  out: string[]
  err: string[]
  exited: Promise<{ code: number | null; at: number }>
}

const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null) {
      child.kill('SIGKILL')
    }
  }
})

function start(env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  const out: string[] = []
  const err: string[] = []
  child.stderr.on('data', (chunk: Buffer) => err.push(...chunk.toString().trim().split('\n')))
  const exited = new Promise<{ code: number | null; at: number }>((done) => {
    child.on('exit', (code) => {
      done({ code, at: Date.now() })
    })
  })
  return new Promise((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().trim().split('\n')) {
        out.push(line)
        const port = /^PORT (\d+)$/.exec(line)?.[1]
        if (port !== undefined) {
          done({ child, port: Number(port), out, err, exited })
        }
      }
    })
    child.on('exit', (code) => {
      fail(new Error(`fixture exited with ${String(code)} before listening: ${err.join('\n')}`))
    })
  })
}

interface Reply {
  status?: number
  body?: string
  error?: string
}

function get(port: number, path: string, agent: Agent | false = false): Promise<Reply> {
  return new Promise((done) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => {
        done({ status: res.statusCode ?? 0, body })
      })
      res.on('error', (error: NodeJS.ErrnoException) => {
        done({ status: res.statusCode ?? 0, body, error: error.code ?? error.message })
      })
    })
    req.on('error', (error: NodeJS.ErrnoException) => {
      done({ error: error.code ?? error.message })
    })
    req.end()
  })
}

const pause = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

describe('serve()', { timeout: 20_000 }, () => {
  describe('on SIGTERM with requests in flight', () => {
    it('finishes them, refuses new connections, runs the hooks and exits 0 before the timeout', async () => {
      const server = await start({ TIMEOUT: '5000' })
      // kept-alive connections too: they must not hold close() until the timeout
      const agent = new Agent({ keepAlive: true })
      const inFlight = Array.from({ length: 10 }, (_, i) =>
        get(server.port, '/slow?ms=600', i % 2 === 0 ? agent : false)
      )
      await pause(150)

      const signalled = Date.now()
      server.child.kill('SIGTERM')
      await pause(150)
      const late = await get(server.port, '/slow?ms=1')
      const replies = await Promise.all(inFlight)
      const { code, at } = await server.exited

      expect(replies).toEqual(Array.from({ length: 10 }, () => ({ status: 200, body: 'done' })))
      expect(late.error).toBe('ECONNREFUSED')
      expect(code).toBe(0)
      expect(at - signalled).toBeLessThan(2_000)
      expect(server.out.slice(1)).toEqual(['stop hook done', 'cleanup hook done'])
      agent.destroy()
    })
  })

  describe('while draining', () => {
    it('answers /readyz with 503 and /healthz with 200, and still serves requests', async () => {
      const server = await start({ DRAIN: '800' })
      const before = await get(server.port, '/readyz')

      server.child.kill('SIGTERM')
      await pause(200)
      const ready = await get(server.port, '/readyz')
      const live = await get(server.port, '/healthz')
      const page = await get(server.port, '/slow?ms=1')
      const { code } = await server.exited

      expect(before).toEqual({ status: 200, body: '{"ok":true}' })
      expect(ready).toEqual({ status: 503, body: '{"ok":false}' })
      expect(live).toEqual({ status: 200, body: '{"ok":true}' })
      expect(page).toEqual({ status: 200, body: 'done' })
      expect(code).toBe(0)
    })
  })

  describe('with an open event stream', () => {
    it('lets the stream’s stop hook send a last event and end it, then exits 0', async () => {
      const server = await start({ TIMEOUT: '5000' })
      const events = get(server.port, '/events')
      await pause(150)

      const signalled = Date.now()
      server.child.kill('SIGINT')
      const reply = await events
      const { code, at } = await server.exited

      expect(reply.body).toContain('data: hello')
      expect(reply.body).toContain('event: shutdown\ndata: bye\nretry: 1000')
      expect(code).toBe(0)
      expect(at - signalled).toBeLessThan(2_000)
    })
  })

  describe('when a request outlives the timeout', () => {
    it('closes every connection at the timeout; a handler that stops on abort lets it exit 0', async () => {
      const server = await start({ TIMEOUT: '300', WATCHDOG: '3000', TIMER: '1' })
      const pending = get(server.port, '/abortable')
      await pause(150)

      const signalled = Date.now()
      server.child.kill('SIGTERM')
      const reply = await pending
      const { code, at } = await server.exited

      expect(reply.error).toBe('ECONNRESET')
      expect(code).toBe(0)
      expect(at - signalled).toBeGreaterThanOrEqual(300)
      expect(at - signalled).toBeLessThan(2_500)
      expect(server.err.join('\n')).toContain('closing every connection')
    })

    it('exits 1 by the watchdog when a handler hangs for ever', async () => {
      const server = await start({ TIMEOUT: '300', WATCHDOG: '300', TIMER: '1' })
      const pending = get(server.port, '/hang')
      await pause(150)

      const signalled = Date.now()
      server.child.kill('SIGTERM')
      const { code, at } = await server.exited
      await pending

      expect(code).toBe(1)
      expect(at - signalled).toBeGreaterThanOrEqual(600)
      expect(at - signalled).toBeLessThan(2_000)
      expect(server.err.join('\n')).toContain('watchdog')
    })
  })

  describe('with SIGTERM during a shutdown the app started itself', () => {
    it('joins that shutdown and exits 0', async () => {
      const app = await start({ DRAIN: '300' })

      await get(app.port, '/shutdown')
      app.child.kill('SIGTERM')
      const { code } = await app.exited

      expect(code).toBe(0)
    })
  })

  describe('on a second signal', () => {
    it('exits 1 at once', async () => {
      const server = await start({ DRAIN: '5000' })

      server.child.kill('SIGTERM')
      await pause(100)
      const signalled = Date.now()
      server.child.kill('SIGINT')
      const { code, at } = await server.exited

      expect(code).toBe(1)
      expect(at - signalled).toBeLessThan(1_000)
    })
  })
})

describe('serve() under bad handlers and bad clients', { timeout: 20_000 }, () => {
  describe('with a rejection nobody awaits', () => {
    it('logs it, answers that request and keeps serving the others', async () => {
      const app = await start()

      const forgotten = await get(app.port, '/forgotten')
      await pause(50)
      const next = await get(app.port, '/slow?ms=1')

      expect(forgotten).toEqual({ status: 200, body: 'answered' })
      expect(next).toEqual({ status: 200, body: 'done' })
      expect(app.err.join('\n')).toContain('unhandled rejection: Error: forgotten save failed')
      expect(app.child.exitCode).toBeNull()
    })

    it("ends the process as Node does with unhandledRejections: 'exit'", async () => {
      const app = await start({ UNHANDLED: 'exit' })

      await get(app.port, '/forgotten')
      const { code } = await app.exited

      expect(code).not.toBe(0)
    })
  })

  describe('with a handler that throws', () => {
    it('answers that request with 500 and stays up', async () => {
      const app = await start()

      const failed = await get(app.port, '/throws')
      const next = await get(app.port, '/slow?ms=1')

      expect(failed.status).toBe(500)
      expect(next).toEqual({ status: 200, body: 'done' })
    })
  })

  describe('with bodies nobody reads', () => {
    it('answers 2,000 POSTs to a GET-only route on one keep-alive agent without hanging', async () => {
      const app = await start()
      const agent = new Agent({ keepAlive: true, maxSockets: 8 })
      const body = 'x'.repeat(8_192)
      const post = (): Promise<number> =>
        new Promise((done) => {
          const req = request(
            { host: '127.0.0.1', port: app.port, path: '/slow?ms=0', method: 'POST', agent },
            (res) => {
              res.resume()
              res.on('end', () => {
                done(res.statusCode ?? 0)
              })
            }
          )
          req.on('error', () => {
            done(-1)
          })
          req.end(body)
        })

      const statuses: number[] = []
      for (let round = 0; round < 250; round++) {
        statuses.push(...(await Promise.all(Array.from({ length: 8 }, post))))
      }
      const after = await get(app.port, '/slow?ms=1')
      agent.destroy()

      expect(statuses).toHaveLength(2_000)
      expect(statuses.every((status) => status === 404)).toBe(true)
      expect(after).toEqual({ status: 200, body: 'done' })
    })
  })
})

describe('serve() in this process', () => {
  it('listens, switches readiness, and shuts down clean without exiting', async () => {
    const app = new Hono()
    app.get('/', (c) => c.text('home'))
    const log = vi.fn()
    const server = serve(app, {
      port: 0,
      static: false,
      shutdown: { signals: false, timeout: 500, watchdog: 100 },
      log,
    })
    const { port } = await server.listening
    const cleanup = vi.fn()
    server.onShutdown(cleanup, { phase: 'cleanup' })

    const home = await get(port, '/')
    server.setReady(false)
    const notReady = await get(port, '/readyz')
    server.setReady(true)
    const readyAgain = await get(port, '/readyz')
    const viaFetch = await server.fetch(new Request('http://localhost/healthz'))
    const outcome = await server.shutdown()
    server.setReady(true)

    expect(log).toHaveBeenCalledWith(`listening on http://127.0.0.1:${String(port)}`)
    expect(home).toEqual({ status: 200, body: 'home' })
    expect(notReady.status).toBe(503)
    expect(readyAgain.status).toBe(200)
    expect(viaFetch.status).toBe(200)
    expect(outcome).toBe('clean')
    expect(cleanup).toHaveBeenCalledTimes(1)
    expect(server.ready).toBe(false)
    expect(server.server.listening).toBe(false)
    expect(() => {
      server.setReady('yes' as unknown as boolean)
    }).toThrow(TypeError)
  })
})
