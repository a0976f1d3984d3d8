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

describe('warnUnmatched with hostile targets', () => {
  const request = (target: string, version: 2 | 4 = 2) => {
    const headers = new Headers({ 'HX-Request': 'true' })
    if (version === 4) {
      headers.set('HX-Request-Type', 'partial')
    }
    // Headers refuses raw CR/LF; htmx 4's encodeURI'd ids decode to them, HX-Partial carries ESC
    headers.set(version === 4 ? 'HX-Target' : 'HX-Partial', target)
    return parseHtmxRequest(headers) as NonNullable<ReturnType<typeof parseHtmxRequest>>
  }

  it('escapes CR, LF, ANSI escapes, bidi controls and quotes: one line, nothing forged', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    warnUnmatched(new Set(), c, request('div#a%0D%0Ahxkit: forged line%1B[31m%E2%80%AE"', 4), [])
    warnUnmatched(new Set(), c, request('p\u001b[2Jx\u009b\\'), [])

    const [first, second] = warn.mock.calls.map((call) => String(call[0]))
    expect(first).toContain(
      'HX-Target "div#a\\u000d\\u000ahxkit: forged line\\u001b[31m\\u202e\\u0022"'
    )
    expect(second).toContain('HX-Partial "p\\u001b[2Jx\\u009b\\u005c"')
    for (const line of [first, second]) {
      // eslint-disable-next-line no-control-regex -- the control characters are what is checked
      expect(line).not.toMatch(/[\r\n\u001b\u009b\u202e]/)
    }
  })

  it('cuts a long target to 80 characters', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    warnUnmatched(new Set(), c, request('x'.repeat(15_000)), [])
    const line = String(warn.mock.calls[0]?.[0])
    expect(line).toContain(`HX-Partial "${'x'.repeat(80)}…"`)
    expect(line.length).toBeLessThan(400)
  })

  it('remembers at most 100 distinct targets: 600 requests of 15 KB do not grow it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const warned = new Set<string>()
    for (let i = 0; i < 600; i++) {
      warnUnmatched(warned, c, request(`${String(i)}-${'y'.repeat(15_000)}`), [])
    }
    expect(warned.size).toBe(100)
    expect([...warned].every((key) => key.length < 120)).toBe(true)
    expect(warn).toHaveBeenCalledTimes(100)
  })
})
