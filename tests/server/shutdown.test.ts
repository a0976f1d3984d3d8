import { Hono } from 'hono'
import { describe, expect, it, vi } from 'vitest'
import { requestTracker, shutdownSequence } from '../../src/server/shutdown.ts'
import type { Closable, ShutdownHook } from '../../src/server/shutdown.ts'

function fakeServer(closes: 'at once' | 'when forced' | 'never' = 'at once') {
  let done: (() => void) | null = null
  const server = {
    close: vi.fn((callback: () => void) => {
      done = callback
      if (closes === 'at once') {
        callback()
      }
    }),
    closeIdleConnections: vi.fn(),
    closeAllConnections: vi.fn(() => {
      if (closes === 'when forced') {
        done?.()
      }
    }),
  } satisfies Closable
  return server
}

const TIMING = { drainDelay: 0, timeout: 50, watchdog: 50 }

function sequence(server: Closable, idle = () => Promise.resolve(), timing = TIMING) {
  const log = vi.fn()
  const onDrain = vi.fn()
  return { log, onDrain, seq: shutdownSequence(server, timing, { idle, log, onDrain }) }
}

describe('shutdownSequence()', () => {
  describe('when everything finishes in time', () => {
    it('drains, closes, runs stop then cleanup hooks and ends clean', async () => {
      const server = fakeServer()
      const { seq, onDrain } = sequence(server)
      const order: string[] = []
      seq.onShutdown(
        () => {
          order.push('cleanup')
        },
        { phase: 'cleanup' }
      )
      seq.onShutdown(async () => {
        await new Promise((done) => setTimeout(done, 10))
        order.push('stop')
      })

      const outcome = await seq.run()

      expect(outcome).toBe('clean')
      expect(onDrain).toHaveBeenCalledTimes(1)
      expect(server.close).toHaveBeenCalledTimes(1)
      expect(server.closeIdleConnections).toHaveBeenCalledTimes(1)
      expect(server.closeAllConnections).not.toHaveBeenCalled()
      expect(order).toEqual(['stop', 'cleanup'])
    })

    it('returns the same promise on every call', () => {
      const { seq } = sequence(fakeServer())

      expect(seq.run()).toBe(seq.run())
    })
  })

  describe('when connections outlive the timeout', () => {
    it('closes them all, aborts the hooks’ deadline signal and ends forced', async () => {
      const server = fakeServer('when forced')
      const { seq, log } = sequence(server)
      let aborted = false
      seq.onShutdown((deadline) => {
        deadline.addEventListener('abort', () => (aborted = true))
      })

      const outcome = await seq.run()

      expect(outcome).toBe('forced')
      expect(server.closeAllConnections).toHaveBeenCalledTimes(1)
      expect(aborted).toBe(true)
      expect(log).toHaveBeenCalledWith(expect.stringContaining('closing every connection'))
    })
  })

  describe('when something never finishes', () => {
    it.each<[string, () => ReturnType<typeof sequence>]>([
      ['a handler', () => sequence(fakeServer(), () => new Promise(() => undefined))],
      ['the server', () => sequence(fakeServer('never'))],
    ])('ends stuck after drain + timeout + watchdog when %s hangs', async (_name, make) => {
      const { seq } = make()
      const started = Date.now()

      const outcome = await seq.run()

      expect(outcome).toBe('stuck')
      expect(Date.now() - started).toBeGreaterThanOrEqual(95)
    })

    it('ends stuck when a cleanup hook hangs', async () => {
      const { seq } = sequence(fakeServer())
      seq.onShutdown(() => new Promise(() => undefined), { phase: 'cleanup' })

      expect(await seq.run()).toBe('stuck')
    })
  })

  describe('onShutdown()', () => {
    it('logs a failing hook and carries on', async () => {
      const { seq, log } = sequence(fakeServer())
      seq.onShutdown(() => {
        throw new Error('boom')
      })

      expect(await seq.run()).toBe('clean')
      expect(log).toHaveBeenCalledWith('shutdown: a stop hook failed: Error: boom')
    })

    it('returns a function that unregisters the hook', async () => {
      const { seq } = sequence(fakeServer())
      const hook = vi.fn()
      const off = seq.onShutdown(hook)

      off()
      await seq.run()

      expect(hook).not.toHaveBeenCalled()
    })

    it.each<[string, unknown, object]>([
      ['a hook that is not a function', 'stop', {}],
      ['an unknown phase', () => undefined, { phase: 'later' }],
    ])('throws a TypeError for %s', (_name, hook, options) => {
      const { seq } = sequence(fakeServer())

      expect(() => seq.onShutdown(hook as ShutdownHook, options)).toThrow(TypeError)
    })
  })
})

describe('requestTracker()', () => {
  it('is idle once every running handler has finished', async () => {
    const tracker = requestTracker()
    const app = new Hono()
    app.use(tracker.middleware)
    let finish: () => void = () => undefined
    app.get('/', async (c) => {
      await new Promise<void>((done) => (finish = done))
      return c.text('ok')
    })
    let idle = false

    const res = app.request('/')
    await new Promise((done) => setTimeout(done, 5))
    const waiting = tracker.idle().then(() => (idle = true))
    await new Promise((done) => setTimeout(done, 5))
    const idleWhileRunning = idle
    finish()
    await res
    await waiting

    expect(idleWhileRunning).toBe(false)
    expect(idle).toBe(true)
  })

  it('is idle at once with nothing running', async () => {
    await expect(requestTracker().idle()).resolves.toBeUndefined()
  })
})
