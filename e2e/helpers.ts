// Shared steps of the e2e specs.
import type { APIRequestContext, Locator, Page, Request, Response } from '@playwright/test'
import { expect, test } from '../src/testing/playwright.ts'
import { E2E_PASSWORDS } from './passwords.ts'

export { E2E_PASSWORDS } from './passwords.ts'

/**
 * Signs the page's browser context in as the seeded user of `role`, through the real login form
 * (its request shares the page's cookies). Specs call it in `beforeEach`. `origin` is the demo
 * server to sign in to; default the project's.
 */
export async function logIn(
  page: Page,
  role: keyof typeof E2E_PASSWORDS = 'admin',
  origin: string = test.info().project.use.baseURL ?? ''
): Promise<void> {
  const res = await page.context().request.post(`${origin}/login`, {
    form: { email: `${role}@example.com`, password: E2E_PASSWORDS[role] },
    headers: { Origin: origin },
    maxRedirects: 0,
  })
  expect(res.status()).toBe(303)
}

/** Sets a JS property on the element, so a later check can prove it is the same DOM node. */
export async function markNode(locator: Locator, mark: string): Promise<void> {
  await locator.evaluate((element, value) => {
    Reflect.set(element, 'hxkitMark', value)
  }, mark)
}

/** Reads the property `markNode` set (`undefined` on a new node). */
export function readMark(locator: Locator): Promise<unknown> {
  return locator.evaluate((element): unknown => Reflect.get(element, 'hxkitMark'))
}

/** Waits for the GET of `path` + query whose parameter `name` equals `value`. */
export function responseWith(page: Page, name: string, value: string): Promise<Response> {
  return page.waitForResponse((response) => {
    const url = new URL(response.url())
    return url.searchParams.get(name) === value && response.request().method() === 'GET'
  })
}

/** Exactly one layout: one header, one main navigation, one main, one h1. */
export async function expectOneLayout(page: Page, heading: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  await expect(page.locator('header')).toHaveCount(1)
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(1)
  await expect(page.locator('main')).toHaveCount(1)
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
  await expect(page.locator('body body, main html, main head')).toHaveCount(0)
}

/** The htmx major version the current project's server ships (project names: htmx4, htmx2). */
export function projectHtmxMajor(): '2' | '4' {
  return test.info().project.name === 'htmx2' ? '2' : '4'
}

/** Collects the requests the page sends from now on to paths that end with `suffix`. */
export function requestsTo(page: Page, suffix: string): Request[] {
  const seen: Request[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith(suffix)) {
      seen.push(request)
    }
  })
  return seen
}

/** Whether the request opened an event stream (htmx 4's hx-sse) rather than polling. */
export const streams = (request: Request): boolean =>
  (request.headers()['accept'] ?? '').includes('text/event-stream')

/**
 * Waits for the history-restore request htmx 4 sends on back/forward; htmx 2 restores from its
 * sessionStorage cache without a request, so there it resolves at once.
 */
export function historyRestore(page: Page): Promise<unknown> {
  if (projectHtmxMajor() === '2') {
    return Promise.resolve()
  }
  return page.waitForRequest(
    (request) => request.headers()['hx-history-restore-request'] === 'true'
  )
}

/** What the demo's test-only route `/__test/csp-reports` answers. */
export interface StoredReports {
  count: number
  groups: { directive: string; documentUrl: string; blockedUrl: string; count: number }[]
}

/** Reads the violation reports the demo stored (test-only route). */
export async function storedReports(request: APIRequestContext): Promise<StoredReports> {
  const res = await request.get('/__test/csp-reports')
  expect(res.status()).toBe(200)
  return (await res.json()) as StoredReports
}

/** Posts one legacy `report-uri` violation report to the demo, as a browser would. */
export async function postReport(request: APIRequestContext, documentUrl: string): Promise<void> {
  const res = await request.post('/__csp-report', {
    headers: { 'Content-Type': 'application/csp-report' },
    data: JSON.stringify({
      'csp-report': {
        'document-uri': documentUrl,
        'effective-directive': 'img-src',
        'blocked-uri': 'https://tracker.example/pixel.gif',
      },
    }),
  })
  expect(res.status()).toBe(204)
}
