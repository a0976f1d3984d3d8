// serve()'s options are checked at start-up; a mistake is a TypeError naming the option.
import { describe, expect, it } from 'vitest'
import { resolveServeOptions } from '../../src/server/options.ts'
import type { ServeOptions } from '../../src/server/options.ts'

const resolve = (options: ServeOptions, env: NodeJS.ProcessEnv = {}) =>
  resolveServeOptions({ static: false, ...options }, env)

describe('resolveServeOptions()', () => {
  describe('with no options', () => {
    it('uses explicit timeouts within the safe bounds', () => {
      const config = resolve({})

      expect(config).toMatchObject({
        port: 3000,
        hostname: '127.0.0.1',
        requestTimeout: 30_000,
        headersTimeout: 15_000,
        keepAliveTimeout: 5_000,
        maxHeaderSize: 16_384,
        signals: ['SIGTERM', 'SIGINT'],
        drainDelay: 0,
        timeout: 7_000,
        watchdog: 2_000,
        liveness: '/healthz',
        readiness: '/readyz',
      })
    })

    it('reads PORT and HOST from the environment', () => {
      const config = resolve({}, { PORT: '8080', HOST: '0.0.0.0' })

      expect(config.port).toBe(8080)
      expect(config.hostname).toBe('0.0.0.0')
    })
  })

  describe('behind a load balancer', () => {
    it('keeps connections open past its 60 s idle timeout and drains for 5 s', () => {
      const config = resolve({ behindLoadBalancer: true })

      expect(config.keepAliveTimeout).toBe(65_000)
      expect(config.headersTimeout).toBe(66_000)
      expect(config.requestTimeout).toBe(66_000)
      expect(config.drainDelay).toBe(5_000)
      expect(config.timeout).toBe(20_000)
    })

    it('follows a configured idle timeout', () => {
      const config = resolve({ behindLoadBalancer: { idleTimeout: 30_000 } })

      expect(config.keepAliveTimeout).toBe(35_000)
      expect(config.headersTimeout).toBeGreaterThan(35_000)
    })

    it('refuses a keep-alive timeout at or below the idle timeout', () => {
      expect(() => resolve({ behindLoadBalancer: true, keepAliveTimeout: 60_000 })).toThrow(
        /"keepAliveTimeout" \(60000\) must be longer than the load balancer's idle timeout \(60000\)/
      )
    })
  })

  describe('with a bad value', () => {
    it.each<[string, ServeOptions, RegExp]>([
      [
        'requestTimeout 0',
        { requestTimeout: 0 },
        /"requestTimeout" must be a whole number 1–120000/,
      ],
      ['requestTimeout over 120 s', { requestTimeout: 120_001 }, /"requestTimeout"/],
      [
        'requestTimeout below headersTimeout',
        { requestTimeout: 10_000 },
        /"requestTimeout" must be at least "headersTimeout"/,
      ],
      [
        'headersTimeout at keepAliveTimeout',
        { headersTimeout: 5_000 },
        /"headersTimeout" must be longer than "keepAliveTimeout"/,
      ],
      [
        'a long keep-alive without a balancer',
        { keepAliveTimeout: 65_000 },
        /"keepAliveTimeout" must be at most 10000 without a load balancer/,
      ],
      [
        'maxHeaderSize over 16 KiB',
        { maxHeaderSize: 32_768 },
        /"maxHeaderSize" must be a whole number 1–16384/,
      ],
      ['a fractional port', { port: 80.5 }, /"port"/],
      [
        'a string timeout',
        { requestTimeout: '30s' as unknown as number },
        /"requestTimeout" .* got "30s"/,
      ],
      ['an unknown signal', { shutdown: { signals: ['SIGKILL'] } }, /"shutdown.signals"/],
      ['a negative drain delay', { shutdown: { drainDelay: -1 } }, /"shutdown.drainDelay"/],
      ['a zero watchdog', { shutdown: { watchdog: 0 } }, /"shutdown.watchdog"/],
      [
        'behindLoadBalancer as a number',
        { behindLoadBalancer: 60 as unknown as boolean },
        /"behindLoadBalancer"/,
      ],
      ['a health path without /', { health: { readiness: 'ready' } }, /"health.readiness"/],
      ['onListen not a function', { onListen: 'x' as unknown as () => void }, /"onListen"/],
      [
        'an unknown unhandledRejections policy',
        { unhandledRejections: 'ignore' as 'log' },
        /"unhandledRejections" must be 'log' or 'exit'/,
      ],
    ])('throws a TypeError naming it: %s', (_name, options, message) => {
      expect(() => resolve(options)).toThrow(TypeError)
      expect(() => resolve(options)).toThrow(message)
    })

    it('names a PORT variable that is not a number', () => {
      expect(() => resolve({}, { PORT: 'eighty' })).toThrow(/"port" from the PORT variable/)
    })
  })

  describe('with an unknown key', () => {
    it.each<[string, object, RegExp]>([
      ['at the top', { keepalive: 1 }, /serve\(\): unknown option "keepalive"/],
      ['in shutdown', { shutdown: { grace: 1 } }, /serve\(\) shutdown: unknown option "grace"/],
      ['in health', { health: { live: '/x' } }, /serve\(\) health: unknown option "live"/],
      ['in behindLoadBalancer', { behindLoadBalancer: { idle: 1 } }, /unknown option "idle"/],
    ])('refuses it %s', (_where, options, message) => {
      expect(() => resolve(options as ServeOptions)).toThrow(message)
    })
  })

  describe('with parts switched off', () => {
    it('keeps no health routes, compression or signals', () => {
      const config = resolve({ health: false, compression: false, shutdown: { signals: false } })

      expect(config.liveness).toBeNull()
      expect(config.readiness).toBeNull()
      expect(config.compression).toBeNull()
      expect(config.signals).toEqual([])
    })
  })
})
