// hxkit/testing/playwright against a small page of its own: overlapping requests with different
// delays, and a swap whose content starts another request. The page is served by a hono app this
// spec starts on 127.0.0.1 (a free port) and stops.
import { serve } from '@hono/node-server'
import type { ServerType } from '@hono/node-server'
import type { Page } from '@playwright/test'
import { Hono } from 'hono'
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { getHtmx, htmx } from '../src/htmx/index.ts'
import {
  expect,
  expectNoFullReload,
  expectSwap,
  htmxIdle,
  test,
} from '../src/testing/playwright.ts'
import { projectHtmxMajor } from './helpers.ts'

const root = join(import.meta.dirname, '..')

function testApp(major: '2' | '4'): Hono {
  const script = readFileSync(
    join(root, 'node_modules', major === '4' ? 'htmx.org' : 'htmx2', 'dist', 'htmx.min.js'),
    'utf8'
  )
  const app = new Hono()
  app.use(htmx())
  app.get('/favicon.ico', (c) => c.body(null, 204))
  app.get('/htmx.js', (c) => c.body(script, 200, { 'Content-Type': 'text/javascript' }))
  app.get('/', (c) =>
    c.html(`<!doctype html><html><head><script src="/htmx.js"></script></head><body>
<button id="go">Go</button>
<div id="a" hx-get="/slow?ms=150&label=a" hx-trigger="click from:#go"></div>
<div id="b" hx-get="/slow?ms=400&label=b&chain=1" hx-trigger="click from:#go"></div>
<button id="stuck" hx-get="/slow?ms=1500&label=stuck" hx-target="#c">Stuck</button>
<div id="c"></div>
<a id="reload" href="/">Reload</a>
</body></html>`)
  )
  app.get('/slow', async (c) => {
    const ms = Number(c.req.query('ms'))
    const label = c.req.query('label') ?? ''
    await new Promise((resolve) => setTimeout(resolve, ms))
    // a swap that starts another request once it is in the page
    const chained =
      c.req.query('chain') === '1'
        ? `<span id="chained" hx-get="/slow?ms=200&label=chained" hx-trigger="load"></span>`
        : ''
    return c.html(`${label}${getHtmx(c) === null ? ' (not htmx)' : ''}${chained}`)
  })
  return app
}

let server: ServerType | undefined
let base = ''

test.beforeAll(async () => {
  const app = testApp(projectHtmxMajor())
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => {
      resolve()
    })
  })
  base = `http://127.0.0.1:${String((server?.address() as AddressInfo).port)}`
})

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
})

const text = async (page: Page, id: string): Promise<string> =>
  (await page.locator(id).textContent()) ?? ''

test.describe('htmxIdle()', () => {
  test('waits for overlapping requests and the request a swap started', async ({ page }) => {
    await page.goto(base)
    await htmxIdle(page)

    await page.locator('#go').click()
    // the page is slow on purpose: nothing has arrived right after the click
    expect(await text(page, '#a')).toBe('')
    await htmxIdle(page)

    // read once, without retrying: idle means everything has landed
    expect(await text(page, '#a')).toBe('a')
    expect(await text(page, '#b')).toBe('bchained')
    expect(await text(page, '#chained')).toBe('chained')
  })

  test('rejects when htmx stays busy past the timeout', async ({ page }) => {
    await page.goto(base)
    await htmxIdle(page)

    await page.locator('#stuck').click()

    await expect(htmxIdle(page, { timeout: 300 })).rejects.toThrow(/Timeout 300ms exceeded/)
    await htmxIdle(page)
    expect(await text(page, '#c')).toBe('stuck')
  })

  test('refuses an unknown option', async ({ page }) => {
    await expect(htmxIdle(page, { quite: 10 } as never)).rejects.toThrow(
      'htmxIdle(): unknown option "quite"; allowed: quiet, timeout.'
    )
  })
})

test.describe('expectSwap()', () => {
  test("returns the response swapped into the target, after the page's other requests", async ({
    page,
  }) => {
    await page.goto(base)
    await htmxIdle(page)

    const response = await expectSwap(page, () => page.locator('#go').click(), {
      target: '#b',
      status: 200,
    })

    expect(new URL(response.url()).searchParams.get('label')).toBe('b')
    expect(await text(page, '#chained')).toBe('chained')
  })

  test('fails when no request targets the selector, or the status differs', async ({ page }) => {
    await page.goto(base)
    await htmxIdle(page)

    await expect(
      expectSwap(page, () => page.locator('#go').click(), { target: '#nowhere', timeout: 800 })
    ).rejects.toThrow('expectSwap(): no htmx request for #nowhere finished')
    await expect(
      expectSwap(page, () => page.locator('#go').click(), { target: '#a', status: 422 })
    ).rejects.toThrow(/422/)
  })
})

test.describe('expectNoFullReload()', () => {
  test('passes an htmx swap and fails a full navigation', async ({ page }) => {
    await page.goto(base)
    await htmxIdle(page)

    await expectNoFullReload(page, () => page.locator('#go').click())
    await expect(expectNoFullReload(page, () => page.locator('#reload').click())).rejects.toThrow(
      /the document was reloaded/
    )
  })
})
