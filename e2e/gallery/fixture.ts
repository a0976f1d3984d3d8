// The gallery's Playwright test: hxkit's test (fails on CSP violations, htmx error events, page
// errors and console errors), plus the CSP-safety scanner over every HTML response the page gets,
// and an axe-core check at WCAG 2.1 AA.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { scanCspSafety } from '../../src/csp/index.ts'
import { expect, test as base } from '../../src/testing/playwright.ts'

export { expect }
export { htmxIdle } from '../../src/testing/playwright.ts'

/** The WCAG 2.1 A and AA rules of axe-core. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/**
 * Fails with the list of axe-core violations at WCAG 2.1 AA on the page as it is now.
 *
 * @param page - the Playwright page
 */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  const found = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
  )
  expect(found, 'axe-core violations at WCAG 2.1 AA').toEqual([])
}

/** The hxkit test with the scanner over every HTML response of the gallery server. */
export const test = base.extend<{ scanResponses: string[] }>({
  scanResponses: [
    async ({ page, baseURL }, use) => {
      const findings: string[] = []
      const pending: Promise<void>[] = []
      page.on('response', (res) => {
        const type = res.headers()['content-type'] ?? ''
        if (!res.url().startsWith(baseURL ?? '') || !type.startsWith('text/html')) {
          return
        }
        pending.push(
          res.text().then(
            (body) => {
              const policy = res.headers()['content-security-policy'] ?? ''
              const nonce = /'nonce-([^']+)'/.exec(policy)?.[1]
              for (const finding of scanCspSafety(body, { nonce, hxCsp: true })) {
                findings.push(`${res.request().method()} ${res.url()}: ${JSON.stringify(finding)}`)
              }
            },
            // a navigation away can discard a body before it is read: nothing to scan then
            () => undefined
          )
        )
      })
      await use(findings)
      await Promise.all(pending)
      expect(findings, 'CSP-safety findings in the responses').toEqual([])
    },
    { auto: true },
  ],
})
