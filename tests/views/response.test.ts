import type { Context } from 'hono'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseHtmxRequest } from '../../src/htmx/index.ts'
import { warnUnmatched } from '../../src/views/response.ts'

const c = { req: { method: 'GET', path: '/x' } } as unknown as Context
const hx = parseHtmxRequest(new Headers({ 'HX-Request': 'true', 'HX-Target': 'y' }))

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('warnUnmatched', () => {
  describe.each([
    ['without process', undefined],
    ['without process.env', {}],
  ])('%s', (_label, fakeProcess) => {
    it('warns as in development', () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      vi.stubGlobal('process', fakeProcess)

      warnUnmatched(new Set(), c, hx as NonNullable<typeof hx>, ['#a'])
      vi.unstubAllGlobals()

      expect(warn).toHaveBeenCalledTimes(1)
      expect(warn.mock.calls[0]?.[0]).toContain('GET /x got an htmx request with HX-Target "#y"')
    })
  })
})
