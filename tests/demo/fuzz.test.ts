// Random requests to every route of the demo through app.request: random methods, paths, headers
// (HX-* among them), cookies and bodies, from anonymous and signed-in callers. Never a 500, and a
// refused request (401/403/404/405/413/415/422/429, a login redirect) never changes a row.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dbFingerprint } from './fingerprint.ts'
import { openTestApp } from './setup.ts'

// `npm run fuzz` sets HXKIT_FUZZ_RUNS (10,000); `npm test` runs a few hundred cases
const RUNS = Math.min(Number(process.env['HXKIT_FUZZ_RUNS'] ?? 300), 2000)

const test = openTestApp(4, { as: null, testRoutes: true })
afterAll(test.cleanup)
const cookies: string[] = []
beforeAll(async () => {
  for (const role of ['viewer', 'operator', 'admin'] as const) {
    cookies.push(await test.app.sessionCookie(role))
  }
})

const patterns = [...new Set(test.app.routes.filter((r) => r.method !== 'ALL').map((r) => r.path))]
const idLike = fc.oneof(
  fc.constantFrom('3', '0', '-1', '999999999', '1e3', '%00', '..', '3%2Fedit', 'abc'),
  fc.string({ maxLength: 12 })
)
const path = fc.oneof(
  fc
    .tuple(fc.constantFrom(...patterns), idLike)
    .map(([p, id]) => p.replace(':id', encodeURIComponent(id))),
  fc
    .tuple(fc.constantFrom(...patterns), fc.string({ maxLength: 30 }))
    .map(
      ([p, q]) =>
        `${p.replace(':id', '3')}?${new URLSearchParams({ q, page: q, sort: q, next: q, _validate: q }).toString()}`
    ),
  fc.constantFrom('/orders/3/edit/', '//evil.example', '/%2e%2e/', '/csp-reports/clear?x=1')
)
const hxValue = fc.oneof(
  fc.constantFrom(
    'true',
    'false',
    '',
    'partial',
    'full',
    'section#orders',
    'form#order-form',
    'http://localhost/',
    '//evil',
    'stats',
    'orders'
  ),
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''))
)
const headers = fc.record(
  {
    'HX-Request': hxValue,
    'HX-Request-Type': hxValue,
    'HX-Target': hxValue,
    'HX-Source': hxValue,
    'HX-Partial': hxValue,
    'HX-Boosted': hxValue,
    'HX-Current-URL': hxValue,
    'HX-History-Restore-Request': hxValue,
    'HX-Trigger': hxValue,
    'content-type': fc.constantFrom(
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json',
      'application/csp-report',
      'application/reports+json',
      'text/plain',
      'image/png'
    ),
    origin: fc.constantFrom('http://localhost', 'https://evil.example', 'null'),
    'sec-fetch-site': fc.constantFrom('same-origin', 'cross-site', 'same-site', 'none'),
    host: fc.constantFrom('localhost', 'a",csp-endpoint="x', 'evil.example'),
  },
  { requiredKeys: [] }
)
const body = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 300 }),
  fc
    .dictionary(
      fc.constantFrom(
        'customer',
        'email',
        'status',
        'total',
        'deliverBy',
        'address.city',
        'notes',
        'password',
        'next',
        '__proto__',
        'x.y.z'
      ),
      fc.string({ maxLength: 40 })
    )
    .map((fields) => new URLSearchParams(fields).toString()),
  fc.constantFrom(
    '{"csp-report":{}}',
    '[{"type":"csp-violation","body":{"effectiveDirective":"img-src","documentURL":"http://localhost/"}}]'
  )
)
const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS')
const caller = fc.constantFrom(-1, 0, 1, 2)

const REFUSED = new Set([400, 401, 403, 404, 405, 413, 415, 422, 429])

describe('random requests to every demo route', () => {
  it('never answer 500, and a refused one never changes a row', async () => {
    await fc.assert(
      fc.asyncProperty(method, path, headers, body, caller, async (m, p, h, b, who) => {
        const sent: Record<string, string> = { ...h }
        if (who >= 0) {
          sent['cookie'] = cookies[who] as string
        }
        const before = dbFingerprint(test.db)
        const res = await test.app.request(p, {
          method: m,
          headers: sent,
          ...(m === 'GET' || m === 'HEAD' ? {} : { body: b }),
        })
        await res.arrayBuffer()
        expect(res.status).toBeLessThan(500)
        const toLogin = (
          res.headers.get('Location') ??
          res.headers.get('HX-Redirect') ??
          ''
        ).startsWith('/login')
        if (REFUSED.has(res.status) || toLogin) {
          expect(dbFingerprint(test.db)).toEqual(before)
        }
      }),
      { numRuns: RUNS }
    )
  }, 600_000)
})
