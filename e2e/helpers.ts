// Shared steps of the e2e specs.
import type { Locator, Page, Response } from '@playwright/test'
import { expect, test } from './fixtures.ts'

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
