import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from '../src/testing/playwright.ts'
import { logIn } from './helpers.ts'

test.beforeEach(async ({ page }) => {
  await logIn(page, 'admin')
})

// WCAG 2.1 AA over the demo's pages and the states the orders console can be in.
async function expectNoViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  ).toEqual([])
}

test.describe('accessibility (axe, WCAG 2.1 AA)', () => {
  for (const path of [
    '/',
    '/orders',
    '/orders?q=nobody-by-this-name',
    '/orders?status=shipped&sort=total',
    '/orders/12',
    '/customers',
  ]) {
    test(`page ${path}`, async ({ page }) => {
      await page.goto(path)
      await expectNoViolations(page)
    })
  }

  test('orders with a row in edit and a bulk selection', async ({ page }) => {
    await page.goto('/orders')
    await page.getByLabel('Select all rows on this page').check()
    await page.locator('#order-5400').getByRole('link', { name: 'Edit order 5400' }).click()
    await expect(page.locator('#order-5400.hx-editing')).toBeVisible()
    await expectNoViolations(page)
  })

  test('the confirm dialog open', async ({ page }) => {
    await page.goto('/orders')
    await page
      .locator('tbody tr')
      .first()
      .getByRole('button', { name: /Delete order/ })
      .click()
    await expect(page.getByRole('alertdialog')).toBeVisible()
    await expectNoViolations(page)
  })

  test('the edit dialog open, and with a toast after saving', async ({ page }) => {
    await page.goto('/orders/12')
    await page.getByRole('button', { name: 'Edit status' }).click()
    await expect(
      page.getByRole('dialog', { name: 'Edit status' }).getByLabel('Status')
    ).toBeVisible()
    await expectNoViolations(page)
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
    await expect(page.locator('#toasts .hx-toast')).toBeVisible()
    await expectNoViolations(page)
  })
})
