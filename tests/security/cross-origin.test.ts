import { Hono } from 'hono'
import { describe, expect, it, vi } from 'vitest'
import { cleanPath, crossOriginProtection } from '../../src/security/cross-origin.ts'

type Case = [
  name: string,
  method: string,
  secFetchSite: string | undefined,
  origin: string | undefined,
  contentType: string | undefined,
  status: number,
]

function makeApp(options?: Parameters<typeof crossOriginProtection>[0]) {
  const handler = vi.fn(() => new Response('ok'))
  const app = new Hono()
  app.use(crossOriginProtection(options))
  app.all('*', handler)
  return { app, handler }
}

function send(
  app: Hono,
  path: string,
  method: string,
  headers: Record<string, string | undefined>
): Promise<Response> {
  const init: Record<string, string> = { host: 'example.com' }
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) {
      init[name] = value
    }
  }
  // a string body makes fetch add text/plain itself, so send one only with an explicit type
  const hasBody = headers['content-type'] !== undefined
  return Promise.resolve(
    app.request(`http://example.com${path}`, {
      method,
      headers: init,
      ...(hasBody ? { body: 'a=1' } : {}),
    })
  )
}

describe('crossOriginProtection()', () => {
  // Go 1.25 net/http csrf_test.go: TestCrossOriginProtectionSecFetchSite, plus the cases of
  // docs/security.md §2.3 (X1–X8) and hono advisories GHSA-rpfr-3m35-5vx5 / GHSA-2234-fmw7-43wr.
  const form = 'application/x-www-form-urlencoded'
  const cases: Case[] = [
    ['same-origin allowed', 'POST', 'same-origin', undefined, form, 200],
    ['none allowed', 'POST', 'none', undefined, form, 200],
    ['cross-site blocked', 'POST', 'cross-site', undefined, form, 403],
    ['same-site blocked', 'POST', 'same-site', undefined, form, 403],
    ['unknown Sec-Fetch-Site blocked', 'POST', 'weird', undefined, form, 403],
    ['no header with no origin, not a form', 'POST', undefined, undefined, 'application/json', 200],
    ['no header with no origin, no body type', 'DELETE', undefined, undefined, undefined, 200],
    ['no header with matching origin', 'POST', undefined, 'https://example.com', form, 200],
    ['no header with mismatched origin', 'POST', undefined, 'https://attacker.example', form, 403],
    ['no header with null origin', 'POST', undefined, 'null', form, 403],
    ['no header with garbage origin', 'POST', undefined, 'not a url', form, 403],
    ['GET allowed', 'GET', 'cross-site', undefined, undefined, 200],
    ['HEAD allowed', 'HEAD', 'cross-site', undefined, undefined, 200],
    ['OPTIONS allowed', 'OPTIONS', 'cross-site', undefined, undefined, 200],
    ['PUT blocked', 'PUT', 'cross-site', undefined, form, 403],
    ['PATCH blocked', 'PATCH', 'cross-site', undefined, form, 403],
    ['DELETE blocked', 'DELETE', 'cross-site', undefined, undefined, 403],
    ['custom method blocked', 'PROPFIND', 'cross-site', undefined, undefined, 403],
    ['JSON cross-site blocked', 'POST', 'cross-site', undefined, 'application/json', 403],
    [
      'JSON with foreign origin blocked',
      'POST',
      undefined,
      'https://a.example',
      'application/json',
      403,
    ],
    ['missing Content-Type cross-site', 'POST', 'cross-site', undefined, undefined, 403],
    [
      'mixed-case form type cross-site',
      'POST',
      'cross-site',
      undefined,
      'Application/X-WWW-Form-Urlencoded',
      403,
    ],
    [
      'text/plain with charset cross-site',
      'POST',
      'cross-site',
      undefined,
      'text/plain;charset=x',
      403,
    ],
    [
      'multipart cross-site',
      'POST',
      'cross-site',
      undefined,
      'multipart/form-data; boundary=x',
      403,
    ],
    ['bare form post without metadata', 'POST', undefined, undefined, form, 403],
    [
      'bare mixed-case multipart without metadata',
      'POST',
      undefined,
      undefined,
      'Multipart/Form-Data; boundary=x',
      403,
    ],
    ['bare text/plain without metadata', 'POST', undefined, undefined, 'TEXT/PLAIN', 403],
  ]

  it.each(cases)('%s', async (_name, method, secFetchSite, origin, contentType, status) => {
    const { app, handler } = makeApp()

    const res = await send(app, '/', method, {
      'sec-fetch-site': secFetchSite,
      origin,
      'content-type': contentType,
    })

    expect(res.status).toBe(status)
    expect(handler).toHaveBeenCalledTimes(status === 200 ? 1 : 0)
    if (status === 403) {
      expect(await res.text()).toMatch(/^Forbidden: cross-origin request refused/)
    }
  })

  describe('with allowed origins', () => {
    // Go: TestCrossOriginProtectionTrustedOriginBypass
    it.each([
      ['trusted origin', 'https://trusted.example', 'cross-site', 200],
      ['trusted origin with no sec-fetch-site', 'https://trusted.example', undefined, 200],
      ['untrusted origin', 'https://attacker.example', 'cross-site', 403],
      ['untrusted origin without sec-fetch-site', 'https://attacker.example', undefined, 403],
      ['trusted host on another scheme', 'http://trusted.example', 'cross-site', 403],
    ] as const)('%s', async (_name, origin, secFetchSite, status) => {
      const { app } = makeApp({ allowedOrigins: ['https://trusted.example'] })

      const res = await send(app, '/', 'POST', { origin, 'sec-fetch-site': secFetchSite })

      expect(res.status).toBe(status)
    })
  })

  describe('with bypass patterns', () => {
    // Go: TestCrossOriginProtectionPatternBypass
    it.each([
      ['bypass path without sec-fetch-site', '/bypass/', undefined, 200],
      ['bypass path', '/bypass/', 'cross-site', 200],
      ['bypass path with suffix', '/bypass/foo', 'cross-site', 200],
      ['bypass path with normalisation', '/foo/../bypass/bar', 'cross-site', 200],
      ['bypass path with repeated slashes', '//bypass//bar', 'cross-site', 200],
      ['bypass prefix without its slash', '/bypass', 'cross-site', 403],
      ['non-bypass path', '/api/', 'cross-site', 403],
      ['non-bypass path with normalisation', '/foo/../api/bar', 'cross-site', 403],
      ['escaping bypass with dot-dot', '/bypass/../api/bar', 'cross-site', 403],
      ['segment pattern', '/only/foo', 'cross-site', 200],
      ['segment pattern with suffix', '/only/foo/bar', 'cross-site', 403],
      ['segment pattern without segment', '/only/', 'cross-site', 403],
      ['exact pattern', '/hooks/github', 'cross-site', 200],
      ['exact pattern with suffix', '/hooks/github/x', 'cross-site', 403],
    ] as const)('%s', async (_name, path, secFetchSite, status) => {
      const { app } = makeApp({ bypass: ['/bypass/', '/only/{foo}', '/hooks/github'] })

      const res = await send(app, path, 'POST', {
        'sec-fetch-site': secFetchSite,
        origin: 'https://attacker.example',
      })

      expect(res.status).toBe(status)
    })
  })

  describe('with refuseBareForms: false', () => {
    it('lets a form post without metadata through', async () => {
      const { app } = makeApp({ refuseBareForms: false })

      const res = await send(app, '/', 'POST', {
        'content-type': 'application/x-www-form-urlencoded',
      })

      expect(res.status).toBe(200)
    })
  })

  describe('with a malformed bypass pattern', () => {
    it('throws at startup', () => {
      expect(() => crossOriginProtection({ bypass: ['bypass/'] })).toThrow(TypeError)
    })
  })
})

describe('cleanPath', () => {
  it.each([
    ['/', '/'],
    ['/a/b', '/a/b'],
    ['/a/./b/', '/a/b/'],
    ['/a/../../b', '/b'],
    ['//a///b', '/a/b'],
    ['/..', '/'],
  ])('cleans %s to %s', (path, expected) => {
    expect(cleanPath(path)).toBe(expected)
  })
})
