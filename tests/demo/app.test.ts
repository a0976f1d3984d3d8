import { afterAll, describe, expect, it } from 'vitest'
import { SEED } from '../../demo/seed.ts'
import type { NamedPartial } from '../../src/partials/index.ts'
import {
  checkHypermedia,
  checkPartialParity,
  htmx2BoostedHeaders,
  htmx2HistoryRestoreHeaders,
  htmx4BoostedHeaders,
  htmx4HistoryRestoreHeaders,
} from '../../src/testing/index.ts'
import { hx2Partial, hx4Partial, openTestApp, unsafeMarkup } from './setup.ts'

const hx4Restore = htmx4HistoryRestoreHeaders()
const hx2Restore = htmx2HistoryRestoreHeaders()
const hx4Boosted = htmx4BoostedHeaders()
const hx2Boosted = htmx2BoostedHeaders()

const { app, cleanup } = openTestApp()
afterAll(cleanup)

const PAGES = [
  { path: '/', title: 'Overview', page: app.pages.overview },
  { path: '/customers', title: 'Customers', page: app.pages.customers },
] as const

const VARY = [
  'HX-Request',
  'HX-Request-Type',
  'HX-History-Restore-Request',
  'HX-Boosted',
  'HX-Target',
]

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers })
  return { res, body: await res.text() }
}

function expectFullPage(body: string, title: string): void {
  expect(body.startsWith('<!doctype html>')).toBe(true)
  expect(body.match(/<html\b/g)).toHaveLength(1)
  expect(body.match(/<header\b/g)).toHaveLength(1)
  expect(body).toContain(`<title>${title} · hxkit demo</title>`)
}

function expectVary(res: Response): void {
  const vary = (res.headers.get('Vary') ?? '').split(/\s*,\s*/)
  expect(vary).toEqual(expect.arrayContaining(VARY))
}

describe('createApp', () => {
  describe.each(PAGES)('page $path', ({ path, title, page }) => {
    const partials = Object.values(page.partials as Record<string, NamedPartial>)

    it('renders the full page without htmx headers', async () => {
      const { res, body } = await get(path)
      expect(res.status).toBe(200)
      expect(res.headers.get('Content-Type')).toBe('text/html; charset=UTF-8')
      expectVary(res)
      expectFullPage(body, title)
    })

    it.each([
      ['htmx 4 history restore', hx4Restore],
      ['htmx 2 history restore', hx2Restore],
      ['htmx 4 boosted navigation', hx4Boosted],
      ['htmx 2 boosted navigation', hx2Boosted],
    ])('renders the full page for a %s', async (_, headers) => {
      const { res, body } = await get(path, headers)
      expect(res.status).toBe(200)
      expectVary(res)
      expectFullPage(body, title)
    })

    it.each(partials)('renders partial $name alone for htmx 4 and htmx 2', async (part) => {
      const requests = [
        hx4Partial('section', part.id),
        hx2Partial(part.id),
        { 'HX-Request': 'true', 'HX-Request-Type': 'partial', 'HX-Partial': part.name },
      ]
      for (const headers of requests) {
        const { res, body } = await get(path, headers)
        expect(res.status).toBe(200)
        expectVary(res)
        expect(res.headers.get('Cache-Control')).toBe('no-store')
        expect(body.startsWith(`<section id="${part.id}"`)).toBe(true)
        // (an SVG chart names itself with <title id=…>; the document <title> has no attributes)
        expect(body).not.toMatch(/<html|<header|<title>/)
      }
    })

    it.each(['', '?page=2', '?sort=total&dir=asc&page=3', '?q=acme', '?page=banana'])(
      'keeps every partial equal to its subtree in the full page (query %j)',
      async (query) => {
        const parity = await checkPartialParity(app, path + query, page)
        expect(parity.map(({ name, ok }) => ({ name, ok }))).toEqual(
          partials.map(({ name }) => ({ name, ok: true }))
        )
      }
    )

    it('sends no markup a strict CSP would block, in any variant', async () => {
      const variants = [{}, hx4Restore, hx4Boosted, ...partials.map((p) => hx2Partial(p.id))]
      for (const headers of variants) {
        const { body } = await get(`${path}?sort=customer&dir=asc`, headers)
        expect(unsafeMarkup(body)).toEqual([])
      }
    })
  })

  describe('layout', () => {
    it('puts the htmx config meta before the htmx script and loads htmx 4', async () => {
      const { body } = await get('/')
      const meta = body.indexOf('<meta name="htmx-config"')
      const script = body.search(
        /<script nonce="[^"]+" src="\/_hxkit\/htmx\/htmx\.min\.[0-9a-f]{12}\.js">/
      )
      expect(meta).toBeGreaterThan(-1)
      expect(script).toBeGreaterThan(meta)
      expect(body).toMatch(
        /<script nonce="[^"]+" src="\/_hxkit\/hxkit\.[0-9a-f]{12}\.js" defer><\/script>/
      )
      expect(body).toMatch(/<link rel="stylesheet" href="\/_hxkit\/hxkit\.[0-9a-f]{12}\.css" \/>/)
      expect(body).toMatch(/<link rel="stylesheet" href="\/demo\.[0-9a-f]{12}\.css" \/>/)
      expect(body).toContain('&quot;includeIndicatorCSS&quot;:false')
    })

    it('loads htmx 2 when built for version 2', async () => {
      const two = openTestApp(2)
      try {
        const body = await (await two.app.request('/')).text()
        const htmx2 = two.app.assets.url('/_hxkit/htmx/htmx.min.js')
        const htmx4 = app.assets.url('/_hxkit/htmx/htmx.min.js')
        expect(body).toContain(`src="${htmx2}"`)
        expect(htmx2).not.toBe(htmx4)
        expect(body).not.toContain('hx-csp')
      } finally {
        two.cleanup()
      }
    })

    it('boosts the main navigation links and marks the current page', async () => {
      const { body } = await get('/customers')
      expect(body).toMatch(
        /<a href="\/customers"\s+hx-boost="true" hx-nonce="[^"]+" aria-current="page">/
      )
      expect(body).toMatch(/<a href="\/"\s+hx-boost="true" hx-nonce="[^"]+">Overview<\/a>/)
    })
  })

  describe('orders table', () => {
    it('links sort headers and the pager with real hrefs enhanced by htmx', async () => {
      const { body } = await get('/', hx4Partial('section', 'orders'))
      expect(body).toMatch(
        /<a href="\/\?sort=total&amp;dir=asc" [^>]*hx-get="\/\?sort=total&amp;dir=asc"/
      )
      expect(body).toMatch(/hx-target="#orders"/)
      expect(body).toMatch(/hx-push-url="true"/)
      expect(body).toMatch(/<a href="\/\?page=2" rel="next" [^>]*hx-get="\/\?page=2"/)
    })

    it('clamps a page beyond the end to the last page', async () => {
      const last = Math.ceil(SEED.orders / 25)
      const { body } = await get('/?page=999999')
      expect(body).toContain(`Page ${String(last)} of ${String(last)}`)
    })
  })
})

describe('the demo, crawled from the overview', () => {
  it('has no htmx selector that matches nothing and no htmx URL without a route', async () => {
    const report = await checkHypermedia(app, ['/'], { maxPages: 15 })

    expect(report.dead).toEqual([])
    expect(report.pages.length).toBeGreaterThan(3)
  })
})
