// Cross-origin refusal from a real second origin: a page served by another local server (another
// port on 127.0.0.1, so another origin) posts a form to the demo and gets 403, with nothing written.
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from '../src/testing/playwright.ts'
import { logIn, postReport, storedReports } from './helpers.ts'

// every demo page needs a signed-in user: the admin sees them all
test.beforeEach(async ({ page }) => {
  await logIn(page)
})

function otherOriginPage(action: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Other origin</title></head>
<body><form method="post" action="${action}"><input type="hidden" name="all" value="1">
<button type="submit">Clear their reports</button></form></body></html>`
}

async function startOtherOrigin(action: string): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(otherOriginPage(action))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return { server, url: `http://127.0.0.1:${String(port)}/` }
}

test.describe('cross-origin protection', () => {
  // Chromium logs the refused navigation's status; that line is the point of this test.
  test.use({ expectConsoleErrors: ['status of 403 (Forbidden)'] })
  let other: { server: Server; url: string } | undefined

  test.afterEach(async () => {
    const server = other?.server
    other = undefined
    if (server !== undefined) {
      server.closeAllConnections()
      await new Promise<void>((done) => {
        server.close(() => {
          done()
        })
      })
    }
  })

  test('a form posted from another origin gets 403 and writes nothing', async ({
    page,
    request,
    baseURL,
  }) => {
    await postReport(request, 'http://127.0.0.1/cross-origin-victim')
    const before = (await storedReports(request)).count
    expect(before).toBeGreaterThan(0)

    other = await startOtherOrigin(new URL('/csp-reports/clear', baseURL).href)
    await page.goto(other.url)
    const answer = page.waitForResponse((res) => res.url().endsWith('/csp-reports/clear'))
    await page.getByRole('button', { name: 'Clear their reports' }).click()
    const res = await answer

    expect(res.status()).toBe(403)
    expect(await res.request().headerValue('sec-fetch-site')).toBe('same-site')
    await expect(page.locator('body')).toContainText('Forbidden: cross-origin request refused')
    expect((await storedReports(request)).count).toBe(before)
  })
})
