import { afterAll, describe, expect, it } from 'vitest'
import { CSP_REPORT_PATH } from '../../demo/app.ts'
import type { HtmxVersion } from '../../demo/layout.ts'
import { reportStore } from '../../demo/reports.ts'
import type { NamedPartial } from '../../src/partials/index.ts'
import { htmx2Headers, htmx4Headers } from '../../src/testing/index.ts'
import type { HeaderRecord } from '../../src/testing/index.ts'
import { hx2Partial, hx4Partial, openTestApp } from './setup.ts'
import type { TestApp } from './setup.ts'

const apps: Record<HtmxVersion, TestApp> = { 4: openTestApp(4), 2: openTestApp(2) }
afterAll(() => {
  apps[4].cleanup()
  apps[2].cleanup()
})

const PAGE_PATHS: Record<string, string> = { overview: '/', customers: '/customers' }
PAGE_PATHS['cspReports'] = '/csp-reports'
const NOT_HTML = new Set(['/favicon.ico'])

function getRoutes(app: TestApp['app']): string[] {
  const paths = app.routes
    .filter((r) => r.method === 'GET' && !/[:*]/.test(r.path) && !NOT_HTML.has(r.path))
    .map((r) => r.path)
  return [...new Set(paths)]
}

function variants(app: TestApp['app'], path: string): [string, HeaderRecord][] {
  const out: [string, HeaderRecord][] = [
    ['full page', {}],
    ['htmx 4 content', htmx4Headers()],
    ['htmx 2 content', htmx2Headers()],
  ]
  const name = Object.keys(PAGE_PATHS).find((key) => PAGE_PATHS[key] === path)
  const page = name === undefined ? undefined : (app.pages as Record<string, unknown>)[name]
  const partials = (page as { partials?: Record<string, NamedPartial> } | undefined)?.partials
  for (const part of Object.values(partials ?? {})) {
    out.push([`htmx 4 partial ${part.name}`, hx4Partial('section', part.id)])
    out.push([`htmx 2 partial ${part.name}`, hx2Partial(part.id)])
  }
  return out
}

function expectStrictPolicy(res: Response): void {
  const policy = res.headers.get('Content-Security-Policy') ?? ''
  expect(policy).toMatch(/script-src 'nonce-[A-Za-z0-9+/]{22}=='/)
  expect(policy).toContain("object-src 'none'")
  expect(policy).toContain("base-uri 'none'")
  expect(policy).toContain(`report-uri ${CSP_REPORT_PATH}`)
  expect(policy).toContain('report-to csp-endpoint')
  expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|strict-dynamic/)
  expect(res.headers.get('Reporting-Endpoints')).toBe(`csp-endpoint="${CSP_REPORT_PATH}"`)
  expect(res.headers.get('Cache-Control')).toMatch(/private|no-store/)
  expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
}

describe('the demo under the strict CSP', () => {
  describe.each([4, 2] as const)('built for htmx %s', (version) => {
    const { app } = apps[version]
    const routes = getRoutes(app)

    it('serves the CSP reports page among its routes', () => {
      expect(routes).toEqual(expect.arrayContaining(['/', '/customers', '/csp-reports']))
    })

    it.each(routes)(
      'sends %s, full page and every partial, CSP-safe with the policy',
      async (path) => {
        for (const [label, headers] of variants(app, path)) {
          const res = await app.request(path, { headers })
          expect(res.status, `${path} ${label}`).toBe(200)
          expectStrictPolicy(res)
          // htmx 4 pages run hx-csp: hx-on is allowed, and every htmx element needs the hx-nonce
          await expect(res).toBeCspSafe({ hxCsp: version === 4 })
        }
      }
    )

    it('renders the hx-on Clear button only where hx-csp runs it', async () => {
      const body = await (await app.request('/customers')).text()
      expect(body.includes('hx-on:click=')).toBe(version === 4)
    })
  })
})

describe('the hx-nonce stamp', () => {
  it('equals the nonce of the response it is in', async () => {
    const res = await apps[4].app.request('/', { headers: htmx4Headers() })
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get('Content-Security-Policy') ?? '')?.[1]
    const stamps = [...(await res.text()).matchAll(/hx-nonce="([^"]+)"/g)].map((m) => m[1])
    expect(stamps.length).toBeGreaterThan(0)
    expect(new Set(stamps)).toEqual(new Set([nonce]))
  })
})

const legacyReport = (page: string) =>
  JSON.stringify({
    'csp-report': {
      'document-uri': `http://localhost${page}`,
      'violated-directive': 'script-src-elem',
      'blocked-uri': 'inline',
    },
  })

const apiReport = JSON.stringify([
  {
    type: 'csp-violation',
    url: 'http://localhost/customers',
    body: {
      documentURL: 'http://localhost/customers',
      effectiveDirective: 'img-src',
      blockedURL: 'https://tracker.example/p.gif',
      disposition: 'enforce',
    },
  },
])

function postReport(app: TestApp['app'], type: string, body: string) {
  return app.request(CSP_REPORT_PATH, {
    method: 'POST',
    headers: { 'Content-Type': type },
    body,
  })
}

describe('POST /__csp-report', () => {
  describe('with a report in either format', () => {
    it('answers 204 and stores the reports, grouped on /csp-reports', async () => {
      const { app, cleanup } = openTestApp()
      try {
        expect((await postReport(app, 'application/csp-report', legacyReport('/'))).status).toBe(
          204
        )
        expect((await postReport(app, 'application/reports+json', apiReport)).status).toBe(204)
        expect(app.reports.count()).toBe(2)
        const page = await (await app.request('/csp-reports')).text()
        expect(page).toContain('<code>script-src-elem</code>')
        expect(page).toContain('https://tracker.example/p.gif')
        expect(page).toContain('2 reports')
      } finally {
        cleanup()
      }
    })
  })

  describe('with a bad request', () => {
    it('answers 413 over 16 KiB, 415 for another type, and stores nothing', async () => {
      const { app, cleanup } = openTestApp()
      try {
        const big = legacyReport(`/${'x'.repeat(17_000)}`)
        expect((await postReport(app, 'application/csp-report', big)).status).toBe(413)
        expect((await postReport(app, 'text/plain', legacyReport('/'))).status).toBe(415)
        expect(app.reports.count()).toBe(0)
      } finally {
        cleanup()
      }
    })

    it('answers 429 beyond 100 reports a minute', async () => {
      const { app, cleanup } = openTestApp()
      try {
        const statuses: number[] = []
        for (let i = 0; i < 101; i++) {
          statuses.push((await postReport(app, 'application/csp-report', legacyReport('/'))).status)
        }
        expect(statuses.slice(0, 100).every((s) => s === 204)).toBe(true)
        expect(statuses[100]).toBe(429)
        expect(app.reports.count()).toBe(100)
      } finally {
        cleanup()
      }
    })
  })
})

describe('reportStore', () => {
  it('keeps only the newest rows beyond its bound', () => {
    const { db, cleanup } = openTestApp()
    try {
      const store = reportStore(() => db.sqlite(), 3)
      const report = { documentUrl: 'http://localhost/', directive: 'img-src', blockedUrl: '' }
      const rest = { disposition: 'enforce', sourceFile: '', line: null, column: null }
      const batch = [1, 2, 3, 4, 5].map((n) => ({
        ...report,
        ...rest,
        sample: String(n),
        userAgent: '',
        receivedAt: n,
      }))
      store.save(batch)
      expect(store.count()).toBe(3)
      expect(store.groups()[0]?.lastAt).toBe(5)
    } finally {
      cleanup()
    }
  })
})

describe('cross-origin protection on the demo', () => {
  it('refuses every POST route from another site with 403 and writes nothing', async () => {
    const { app, db, cleanup } = openTestApp()
    try {
      await postReport(app, 'application/csp-report', legacyReport('/'))
      const before = { reports: app.reports.count(), stats: db.stats() }
      const posts = app.routes.filter((r) => r.method === 'POST' && r.path !== CSP_REPORT_PATH)
      expect(posts.map((r) => r.path)).toContain('/csp-reports/clear')
      for (const { path } of posts) {
        const res = await app.request(path, {
          method: 'POST',
          headers: { 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/json' },
          body: '{}',
        })
        expect(res.status, path).toBe(403)
        expect(await res.text()).toContain('Forbidden: cross-origin request refused')
      }
      expect(app.reports.count()).toBe(before.reports)
      expect(db.stats()).toEqual(before.stats)
    } finally {
      cleanup()
    }
  })

  it('lets the same-origin htmx post through', async () => {
    const { app, cleanup } = openTestApp()
    try {
      await postReport(app, 'application/csp-report', legacyReport('/'))
      const res = await app.request('/csp-reports/clear', {
        method: 'POST',
        headers: { ...htmx4Headers(), 'Sec-Fetch-Site': 'same-origin' },
      })
      expect(res.status).toBe(200)
      await expect(res).toBeCspSafe({ hxCsp: true })
      expect(app.reports.count()).toBe(0)
    } finally {
      cleanup()
    }
  })
})
