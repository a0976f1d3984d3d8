import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { csp, cspOverride, DEFAULT_CSP, getNonce, NONCE, SELF } from '../../src/csp/index.ts'

function makeApp(options?: Parameters<typeof csp>[0]) {
  const app = new Hono()
  app.use(csp(options))
  app.get('/', (c) => c.html(`<p>${getNonce(c)}</p>`))
  return app
}

function nonceOf(header: string | null): string | undefined {
  return /'nonce-([^']+)'/.exec(header ?? '')?.[1]
}

describe('csp()', () => {
  describe('with the default policy', () => {
    it('sends the strict policy with the nonce the page used', async () => {
      const res = await makeApp().request('/')
      const header = res.headers.get('Content-Security-Policy') ?? ''
      const nonce = nonceOf(header)

      expect(header).toBe(
        `default-src 'self'; script-src 'nonce-${nonce}'; script-src-attr 'none'; style-src 'self'; ` +
          `style-src-attr 'none'; img-src 'self' data:; font-src 'self'; connect-src 'self'; ` +
          `object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'`
      )
      expect(await res.text()).toBe(`<p>${nonce}</p>`)
      expect(header).not.toMatch(/unsafe-inline|unsafe-eval|strict-dynamic/)
    })

    it('generates a distinct 128-bit nonce for every response', async () => {
      const app = makeApp()
      const seen = new Set<string>()

      for (let i = 0; i < 2000; i++) {
        const res = await app.request('/')
        seen.add(nonceOf(res.headers.get('Content-Security-Policy')) ?? '')
      }

      expect(seen.size).toBe(2000)
      for (const nonce of seen) {
        expect(atob(nonce)).toHaveLength(16)
      }
    })

    it('keeps nonced pages out of shared caches', async () => {
      const app = new Hono()
      app.use(csp())
      app.get('/none', (c) => c.html('x'))
      app.get('/public', (c) =>
        c.html('x', 200, { 'Cache-Control': 'public, max-age=60, s-maxage=600' })
      )
      app.get('/private', (c) => c.html('x', 200, { 'Cache-Control': 'private, max-age=60' }))

      expect((await app.request('/none')).headers.get('Cache-Control')).toBe('private, no-store')
      expect((await app.request('/public')).headers.get('Cache-Control')).toBe(
        'private, max-age=60'
      )
      expect((await app.request('/private')).headers.get('Cache-Control')).toBe(
        'private, max-age=60'
      )
    })
  })

  describe('with a response that is not HTML', () => {
    it('leaves its headers alone', async () => {
      const app = new Hono()
      app.use(csp())
      app.get('/data', (c) => c.json({ a: 1 }))

      const res = await app.request('/data')

      expect(res.headers.get('Content-Security-Policy')).toBeNull()
      expect(res.headers.get('Cache-Control')).toBeNull()
    })
  })

  describe('with a CSP header the handler set itself', () => {
    it('never overwrites it', async () => {
      const app = new Hono()
      app.use(csp({ reportOnly: DEFAULT_CSP }))
      app.get('/', (c) => c.html('x', 200, { 'Content-Security-Policy': "default-src 'none'" }))

      const res = await app.request('/')

      expect(res.headers.get('Content-Security-Policy')).toBe("default-src 'none'")
      expect(res.headers.get('Content-Security-Policy-Report-Only')).toContain("'nonce-")
    })
  })

  describe('with enforced and report-only policies', () => {
    it('sends both with the same nonce and reporting directives', async () => {
      const app = makeApp({
        policy: { 'script-src': [NONCE] },
        reportOnly: { 'script-src': [NONCE], 'require-trusted-types-for': ["'script'"] },
        reportUri: '/__csp-report',
      })

      const res = await app.request('http://app.test/')
      const enforced = res.headers.get('Content-Security-Policy')
      const trial = res.headers.get('Content-Security-Policy-Report-Only')

      expect(nonceOf(enforced)).toBe(nonceOf(trial))
      expect(enforced).toMatch(/; report-uri \/__csp-report; report-to csp-endpoint$/)
      expect(trial).toContain("require-trusted-types-for 'script'")
      expect(res.headers.get('Reporting-Endpoints')).toBe('csp-endpoint="/__csp-report"')
    })
  })

  describe('with reportUri and requests to several origins', () => {
    it('sends the same relative endpoint whatever the Host, so no Host can inject one', async () => {
      const app = makeApp({ reportUri: '/__csp-report' })

      const first = await app.request('http://one.test/?b=1')
      const second = await app.request('https://two.test:8443/')
      const injected = await app.request('http://app.test/', {
        headers: { host: 'a",csp-endpoint="https://evil.example/x' },
      })
      const absoluteForm = await app.request('http://a%22,x=%22evil.example/')

      for (const res of [first, second, injected, absoluteForm]) {
        expect(res.headers.get('Reporting-Endpoints')).toBe('csp-endpoint="/__csp-report"')
      }
    })

    it('builds the endpoint on reportOrigin when one is configured', async () => {
      const app = makeApp({ reportUri: '/__csp-report', reportOrigin: 'https://app.example' })
      const res = await app.request('http://internal:8080/', { headers: { host: 'evil.example' } })
      expect(res.headers.get('Reporting-Endpoints')).toBe(
        'csp-endpoint="https://app.example/__csp-report"'
      )
    })

    it('serialises the URL as a structured-field string (ASCII, escapes)', async () => {
      const app = makeApp({ reportUri: '/csp/é' })
      const res = await app.request('/')
      expect(res.headers.get('Reporting-Endpoints')).toBe('csp-endpoint="/csp/%C3%A9"')
    })

    it.each(['app.example', 'https://app.example/path', 'ftp://app.example'])(
      'refuses the reportOrigin %j at startup',
      (reportOrigin) => {
        expect(() => csp({ reportUri: '/r', reportOrigin })).toThrow(/"reportOrigin" must be/)
      }
    )
  })

  describe('with cspOverride()', () => {
    it('replaces the policy for one route', async () => {
      const app = new Hono()
      app.use(csp())
      app.get('/embed', cspOverride({ policy: { 'frame-ancestors': [SELF] } }), (c) => c.html('x'))

      const res = await app.request('/embed')

      expect(res.headers.get('Content-Security-Policy')).toBe("frame-ancestors 'self'")
      expect(res.headers.get('Cache-Control')).toBeNull()
    })

    it('switches the policy off for one route', async () => {
      const app = new Hono()
      app.use(csp())
      app.get('/legacy', cspOverride({ policy: false }), (c) => c.html('x'))

      const res = await app.request('/legacy')

      expect(res.headers.get('Content-Security-Policy')).toBeNull()
    })

    it('adds a report-only policy for one route', async () => {
      const app = new Hono()
      app.use(csp({ policy: false }))
      app.get('/try', cspOverride({ reportOnly: { 'script-src': [NONCE] } }), (c) => c.html('x'))

      const res = await app.request('/try')

      expect(res.headers.get('Content-Security-Policy')).toBeNull()
      expect(res.headers.get('Content-Security-Policy-Report-Only')).toMatch(/^script-src 'nonce-/)
    })

    it('refuses a malformed override at startup', () => {
      expect(() => cspOverride({ policy: { 'script-src': ['a;b'] } })).toThrow(TypeError)
      expect(() => cspOverride({ reportOnly: { 'Bad Name': [SELF] } })).toThrow(TypeError)
    })
  })

  describe('with bad options', () => {
    it.each([
      [{ policy: { 'script src': [SELF] } }, /invalid directive name "script src"/],
      [{ policy: { 'script-src': ["'self' 'unsafe-inline'"] } }, /invalid source/],
      [
        { reportOnly: { 'script-src': ['a,b'] } },
        /reportOnly\["script-src"\] has an invalid source/,
      ],
      [{ reportUri: 'reports' }, /"reportUri" must be/],
      [{ reportUri: '/r', reportGroup: 'a b' }, /"reportGroup"/],
    ])('throws a TypeError at startup (%#)', (options, message) => {
      expect(() => csp(options)).toThrow(message)
    })
  })
})

describe('getNonce', () => {
  describe('without csp()', () => {
    it('throws a clear error', async () => {
      const app = new Hono()
      app.get('/', (c) => c.text(getNonce(c)))
      app.onError((err, c) => c.text(err.message, 500))

      const res = await app.request('/')

      expect(await res.text()).toBe(
        'getNonce(): the CSP nonce is not provided. Mount csp() or secure() before this route (docs/csp.md).'
      )
    })
  })
})
