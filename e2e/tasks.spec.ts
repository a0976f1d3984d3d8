import type { Page, Request } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { expect, test } from '../src/testing/playwright.ts'
import { expectOneLayout, historyRestore } from './helpers.ts'

/** Collects the progress polls the page sends from now on. */
function progressPolls(page: Page): Request[] {
  const polls: Request[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/progress')) {
      polls.push(request)
    }
  })
  return polls
}

function count(page: Page, status: string) {
  return page
    .getByRole('region', { name: 'Tasks by status' })
    .locator(`dd[data-status="${status}"]`)
}

test.describe('tasks', () => {
  test('an export started from the orders table shows its progress, stops polling and downloads', async ({
    page,
  }) => {
    await page.goto('/?sort=total&dir=asc')
    const orders = page.getByRole('region', { name: 'Orders', exact: true })
    const polls = progressPolls(page)
    await orders.getByLabel('Orders to export').selectOption('paid')
    await orders.getByRole('button', { name: 'Export to CSV' }).click()

    await expect(orders.locator('#export-progress progress')).toBeVisible()
    const done = orders.getByRole('status').filter({ hasText: 'Orders CSV export finished' })
    await expect(done).toBeVisible({ timeout: 15_000 })
    expect(polls.length).toBeGreaterThan(0)
    const seen = polls.length
    // two poll intervals with nothing sent: the finished markup carries no trigger (htmx 4) and
    // came with 286 (htmx 2)
    await page.waitForTimeout(2_500)
    expect(polls.length).toBe(seen)

    const downloading = page.waitForEvent('download')
    await done.getByRole('link', { name: /^Download orders-.*-paid\.csv$/ }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}-paid\.csv$/)
    const text = await readFile(await download.path(), 'utf8')
    const lines = text.trimEnd().split('\r\n')
    expect(lines[0]).toBe('order,customer,email,status,total,placed')
    expect(lines.slice(1).every((line) => line.includes(',paid,'))).toBe(true)
  })

  test('cancel and retry update the row and the counts', async ({ page }) => {
    await page.goto('/tasks')
    await expectOneLayout(page, 'Tasks')
    const failedBefore = Number(await count(page, 'FAILED').innerText())

    await page.getByRole('button', { name: 'Recompute customer totals' }).click()
    const started = page.locator('#task-started')
    await expect(started.getByRole('progressbar')).toBeVisible()

    const list = page.getByRole('region', { name: /tasks$/ })
    const tabs = page.getByRole('navigation', { name: 'Task status' })
    await tabs.getByRole('link', { name: 'All' }).click()
    await expect(page).toHaveURL('/tasks')
    const row = list.getByRole('row').filter({ hasText: 'Customer totals recompute' }).first()
    await row.getByRole('button', { name: /^Cancel/ }).click()
    await expect(started.getByRole('alert')).toHaveText(/Customer totals recompute was cancelled/, {
      timeout: 10_000,
    })

    await tabs.getByRole('link', { name: 'Failed' }).click()
    await expect(page).toHaveURL('/tasks?status=FAILED')
    await expect(count(page, 'FAILED')).toHaveText(String(failedBefore + 1))
    const failed = list.getByRole('row').filter({ hasText: 'Customer totals recompute' }).first()
    await expect(failed).toContainText('Failed')
    await failed.getByRole('button', { name: /^Retry/ }).click()

    await expect(failed).toContainText(/Ready|Running/)
    await expect(failed.getByRole('button', { name: /^Retry/ })).toHaveCount(0)
    await expect(count(page, 'FAILED')).toHaveText(String(failedBefore))
  })

  test('the task page polls until the export finished, then shows its download and arguments', async ({
    page,
  }) => {
    await page.goto('/tasks')
    const res = await page.request.post('/tasks/export', {
      form: { sort: 'id', dir: 'asc', status: 'paid' },
      headers: { Origin: new URL(page.url()).origin },
      maxRedirects: 0,
    })
    expect(res.status()).toBe(303)
    await page.goto(res.headers()['location'] ?? '/')
    await expect(page.getByRole('heading', { level: 2, name: 'Orders CSV export' })).toBeVisible()
    await expect(page.getByText('"status": "paid"')).toBeVisible()

    const done = page.getByRole('status').filter({ hasText: 'Orders CSV export finished' })
    await expect(done).toBeVisible({ timeout: 15_000 })
    // the last poll refreshed the details too: finished, so no refresh link, and the result shows
    await expect(page.getByRole('link', { name: 'Refresh' })).toHaveCount(0)
    await expect(page.getByRole('heading', { level: 3, name: 'Result' })).toBeVisible()
    await expect(done.getByRole('link', { name: /^Download orders-/ })).toBeVisible()
  })
})

test.describe('tasks list', () => {
  test('a status tab swaps only the list and pushes the URL; Back restores it in one layout', async ({
    page,
  }) => {
    await page.goto('/tasks')
    const tabs = page.getByRole('navigation', { name: 'Task status' })
    await tabs.getByRole('link', { name: 'Successful' }).click()
    await expect(page).toHaveURL('/tasks?status=SUCCESSFUL')
    await expect(page.getByRole('heading', { level: 2, name: 'Successful tasks' })).toBeVisible()
    await expect(tabs.getByRole('link', { name: 'Successful' })).toHaveAttribute(
      'aria-current',
      'page'
    )

    const restored = historyRestore(page)
    await page.goBack()
    await restored
    await expect(page).toHaveURL('/tasks')
    await expectOneLayout(page, 'Tasks')
    await expect(page.getByRole('heading', { level: 2, name: 'All tasks' })).toBeVisible()
  })
})

test.describe('tasks without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a recompute lands on its page, which a refresh link updates until it finished', async ({
    page,
  }) => {
    await page.goto('/tasks')
    await page.getByRole('button', { name: 'Recompute customer totals' }).click()
    await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/)
    const done = page.getByRole('status').filter({ hasText: 'Customer totals recompute finished' })
    for (let i = 0; i < 30 && !(await done.isVisible()); i++) {
      await page.getByRole('link', { name: 'Refresh' }).click()
    }
    await expect(done).toBeVisible()
    await expect(page.getByRole('link', { name: 'Refresh' })).toHaveCount(0)
  })
})
