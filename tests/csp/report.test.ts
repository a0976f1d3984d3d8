import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { cspReportHandler, parseCspReports } from '../../src/csp/index.ts'
import type { CspReport } from '../../src/csp/index.ts'

const legacyBody = {
  'csp-report': {
    'document-uri': 'http://app.test/orders',
    'violated-directive': 'script-src-elem',
    'effective-directive': 'script-src-elem',
    'blocked-uri': 'inline',
    'source-file': 'http://app.test/orders',
    'line-number': 12,
    'column-number': 3,
    'script-sample': 'alert(1)',
  },
}

const reportingApiBody = [
  {
    type: 'csp-violation',
    url: 'http://app.test/',
    user_agent: 'Chromium',
    body: {
      documentURL: 'http://app.test/',
      effectiveDirective: 'style-src-attr',
      blockedURL: 'inline',
      disposition: 'report',
      lineNumber: 4,
      columnNumber: -1,
    },
  },
  { type: 'deprecation', body: {} },
  'garbage',
]

function makeApp(options: Partial<Parameters<typeof cspReportHandler>[0]> = {}) {
  const stored: CspReport[] = []
  const app = new Hono()
  app.post('/r', cspReportHandler({ sink: (reports) => void stored.push(...reports), ...options }))
  const post = (body: string, type: string) =>
    app.request('/r', {
      method: 'POST',
      body,
      headers: { 'content-type': type, 'user-agent': 'UA' },
    })
  return { stored, post, app }
}

describe('cspReportHandler()', () => {
  describe('with a legacy report-uri body', () => {
    it('stores the normalised report and answers 204', async () => {
      const { stored, post } = makeApp()

      const res = await post(JSON.stringify(legacyBody), 'application/csp-report')

      expect(res.status).toBe(204)
      expect(stored).toEqual([
        expect.objectContaining({
          documentUrl: 'http://app.test/orders',
          directive: 'script-src-elem',
          blockedUrl: 'inline',
          disposition: 'enforce',
          line: 12,
          column: 3,
          sample: 'alert(1)',
          userAgent: 'UA',
        }),
      ])
    })
  })

  describe('with a Reporting API body', () => {
    it('stores only the csp-violation entries', async () => {
      const { stored, post } = makeApp()

      const res = await post(JSON.stringify(reportingApiBody), 'application/reports+json')

      expect(res.status).toBe(204)
      expect(stored).toEqual([
        expect.objectContaining({
          documentUrl: 'http://app.test/',
          directive: 'style-src-attr',
          disposition: 'report',
          line: 4,
          column: null,
          userAgent: 'Chromium',
        }),
      ])
    })
  })

  describe('with bad input', () => {
    it.each([
      ['x'.repeat(20_000), 'application/csp-report', 413, /^Payload Too Large/],
      ['{not json', 'application/csp-report', 400, /^Bad Request/],
      // a report type with the wrong shape is a bad request, not an unsupported media type
      ['{"a":1}', 'application/csp-report', 400, /^Bad Request: the body is not a CSP/],
      [JSON.stringify(legacyBody), 'text/plain', 415, /^Unsupported Media Type/],
      ['{"csp-report":"x"}', 'application/csp-report', 400, /^Bad Request/],
      ['{"csp-report":{}}', 'application/csp-report', 400, /needs a directive and a document URL/],
      [
        '{"csp-report":{"effective-directive":"img-src"}}',
        'application/csp-report',
        400,
        /needs a directive and a document URL/,
      ],
      [
        '{"csp-report":{"document-uri":"http://app.test/"}}',
        'application/json',
        400,
        /needs a directive/,
      ],
      ['[]', 'application/reports+json', 400, /needs a directive/],
      [
        '[{"type":"csp-violation","body":{}}]',
        'application/reports+json',
        400,
        /needs a directive/,
      ],
    ])('answers with a message (%#)', async (body, type, status, message) => {
      const { stored, post } = makeApp()

      const res = await post(body, type)

      expect(res.status).toBe(status)
      expect(await res.text()).toMatch(message)
      expect(stored).toEqual([])
    })
  })

  describe('over the rate limit', () => {
    it('answers 429 and stores nothing more', async () => {
      const { stored, post } = makeApp({ rateLimit: { max: 2, windowMs: 60_000 } })
      const body = JSON.stringify(legacyBody)

      const statuses = [
        (await post(body, 'application/csp-report')).status,
        (await post(body, 'application/csp-report')).status,
        (await post(body, 'application/csp-report')).status,
      ]

      expect(statuses).toEqual([204, 204, 429])
      expect(stored).toHaveLength(2)
    })

    it('limits each client on its own: a noisy one cannot silence the others', async () => {
      const { stored, app } = makeApp({ rateLimit: { max: 2, windowMs: 60_000 } })
      const send = (address: string) =>
        app.request(
          '/r',
          {
            method: 'POST',
            body: JSON.stringify(legacyBody),
            headers: { 'content-type': 'application/csp-report' },
          },
          { incoming: { socket: { remoteAddress: address } } }
        )
      const noisy = []
      for (let i = 0; i < 5; i++) {
        noisy.push((await send('203.0.113.66')).status)
      }
      expect(noisy).toEqual([204, 204, 429, 429, 429])
      expect((await send('198.51.100.1')).status).toBe(204)
      expect((await send('198.51.100.2')).status).toBe(204)
      expect(stored).toHaveLength(4)
    })

    it('counts by the key the app gives', async () => {
      const { app } = makeApp({
        rateLimit: { max: 1, windowMs: 60_000, key: (c) => c.req.header('x-client') ?? '' },
      })
      const send = (client: string) =>
        app.request('/r', {
          method: 'POST',
          body: JSON.stringify(legacyBody),
          headers: { 'content-type': 'application/csp-report', 'x-client': client },
        })
      expect([
        (await send('a')).status,
        (await send('a')).status,
        (await send('b')).status,
      ]).toEqual([204, 429, 204])
    })

    it('accepts a Reporting API batch that holds no CSP report, storing nothing', async () => {
      const { stored, post } = makeApp()
      const res = await post('[{"type":"deprecation","body":{}}]', 'application/reports+json')
      expect(res.status).toBe(204)
      expect(stored).toEqual([])
    })
  })

  describe('with bad options', () => {
    it('throws at startup', () => {
      const sink = () => undefined
      expect(() => cspReportHandler({ sink, maxBytes: 0 })).toThrow(/"maxBytes"/)
      expect(() => cspReportHandler({ sink, rateLimit: { max: 0, windowMs: 1 } })).toThrow(
        /"rateLimit"/
      )
      expect(() =>
        cspReportHandler({ sink, rateLimit: { max: 1, windowMs: 1, key: 'ip' as never } })
      ).toThrow(/"rateLimit.key" must be a function/)
    })
  })
})

describe('parseCspReports', () => {
  it('accepts the legacy body sent as application/json', () => {
    expect(parseCspReports('application/json', legacyBody, '', 1)).toHaveLength(1)
  })

  it('returns null for anything else', () => {
    expect(parseCspReports('application/reports+json', { a: 1 })).toBeNull()
    expect(parseCspReports('', null)).toBeNull()
  })
})
