import type { Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { expect, test } from '../src/testing/playwright.ts'
import {
  expectOneLayout,
  historyRestore,
  logIn,
  projectHtmxMajor,
  requestsTo,
  streams,
} from './helpers.ts'

/**
 * Resolves with the reason hx-sse gives when the page's next event stream closes (`message`: the
 * server's `hxkit:end` event named by `hx-sse:close`). Call it before the stream opens.
 */
async function streamClosed(page: Page): Promise<() => Promise<string>> {
  await page.evaluate(() => {
    const seen = window as unknown as { hxkitClosed?: string }
    document.addEventListener(
      'htmx:sse:close',
      (event) => {
        seen.hxkitClosed = String((event as CustomEvent<{ reason?: unknown }>).detail.reason)
      },
      { once: true }
    )
  })
  return async () => {
    const handle = await page.waitForFunction(
      () => (window as unknown as { hxkitClosed?: string }).hxkitClosed,
      null,
      { timeout: 15_000 }
    )
    return String(await handle.jsonValue())
  }
}

/** Starts collecting every progress message shown inside `selector` (the stream or poll swaps them in). */
async function watchProgress(page: Page, selector: string): Promise<() => Promise<string[]>> {
  await page.evaluate((where) => {
    const seen: string[] = []
    Reflect.set(window, 'hxkitProgress', seen)
    const root = document.querySelector(where) as Element
    new MutationObserver(() => {
      for (const message of root.querySelectorAll('.task-progress-message')) {
        seen.push(message.textContent)
      }
    }).observe(root, { childList: true, subtree: true })
  }, selector)
  return () => page.evaluate(() => Reflect.get(window, 'hxkitProgress') as string[])
}

function count(page: Page, status: string) {
  return page
    .getByRole('region', { name: 'Tasks by status' })
    .locator(`dd[data-status="${status}"]`)
}

test.beforeEach(async ({ page }) => {
  await logIn(page, 'operator')
})

test.describe('tasks', () => {
  test('an export started from the orders table shows its progress live, ends its stream or poll and downloads', async ({
    page,
  }) => {
    await page.goto('/?sort=total&dir=asc')
    const orders = page.getByRole('region', { name: 'Orders', exact: true })
    const requests = requestsTo(page, '/progress')
    const closed = projectHtmxMajor() === '4' ? await streamClosed(page) : null
    const progress = await watchProgress(page, '#export-progress')
    await orders.getByLabel('Orders to export').selectOption('paid')
    await orders.getByRole('button', { name: 'Export to CSV' }).click()

    await expect(orders.locator('#export-progress progress')).toBeVisible()
    const done = orders.getByRole('status').filter({ hasText: 'Orders CSV export finished' })
    await expect(done).toBeVisible({ timeout: 15_000 })
    if (projectHtmxMajor() === '4') {
      // the progress moved while the export ran: "n of m orders", pushed as it was reported (a
      // poll once a second may miss the export's second or so of steps)
      expect((await progress()).some((text) => /^\d+ of \d+ orders$/.test(text))).toBe(true)
    }
    // announced in the layout's live region too
    await expect(page.locator('#toasts')).toContainText('Orders CSV export finished')
    if (projectHtmxMajor() === '4') {
      // one event stream, no poll, and the server ended it once the export finished
      expect(await closed?.()).toBe('message')
      expect(requests.length).toBe(1)
      expect(requests.every(streams)).toBe(true)
    } else {
      expect(requests.length).toBeGreaterThan(0)
      expect(requests.some(streams)).toBe(false)
    }
    const seen = requests.length
    // two poll intervals with nothing sent: the stream ended (htmx 4), the last poll was a 286
    // (htmx 2)
    await page.waitForTimeout(2_500)
    expect(requests.length).toBe(seen)

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
    const id =
      (await started.locator('[id^="progress-"]').getAttribute('id'))?.replace(/^progress-/, '') ??
      ''

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
    const failed = list.locator(`#task-${id}`)
    await expect(failed).toContainText('Failed')
    await failed.getByRole('button', { name: /^Retry/ }).click()

    await expect(failed.getByRole('button', { name: /^Retry/ })).toHaveCount(0)
    await expect(count(page, 'FAILED')).toHaveText(String(failedBefore))
    // no longer failed: the live table of the Failed tab lets it go (htmx 2 at its next poll)
    await expect(failed).toHaveCount(0, { timeout: projectHtmxMajor() === '2' ? 8_000 : 3_000 })
  })

  test('a Tasks page open in another tab follows a task started, cancelled and retried there', async ({
    page,
    context,
  }) => {
    const live = requestsTo(page, '/live/tasks')
    const opened = page.waitForResponse((res) => new URL(res.url()).pathname === '/live/tasks', {
      timeout: 10_000,
    })
    await page.goto('/tasks')
    await opened
    const before = { failed: Number(await count(page, 'FAILED').innerText()) }
    const other = await context.newPage()
    const origin = new URL(page.url()).origin
    const wait = { timeout: projectHtmxMajor() === '2' ? 8_000 : 3_000 }

    // started and at once cancelled in the other tab (the recompute takes 2.5 s, htmx 2 polls
    // every 5 s): the row arrives, failed, with the counts
    const res = await other.request.post('/tasks/recompute', {
      form: {},
      headers: { Origin: origin },
      maxRedirects: 0,
    })
    const id = (res.headers()['location'] ?? '').replace(/^\/tasks\//, '')
    const cancelled = await other.request.post(`/tasks/${id}/cancel`, {
      form: {},
      headers: { Origin: origin },
      maxRedirects: 0,
    })
    expect(cancelled.status()).toBe(303)
    const row = page.locator(`#task-${id}`)
    await expect(row).toContainText('Failed', wait)
    await expect(count(page, 'FAILED')).toHaveText(String(before.failed + 1), wait)

    await other.request.post(`/tasks/${id}/retry`, { form: {}, headers: { Origin: origin } })
    await expect(row.getByRole('button', { name: /^Retry/ })).toHaveCount(0, wait)
    await expect(row).toContainText(/Ready|Running|Successful/, wait)
    await expect(count(page, 'FAILED')).toHaveText(String(before.failed), wait)
    if (projectHtmxMajor() === '4') {
      // the page polled nothing: its one stream brought every change
      expect(live.length).toBe(1)
      expect(live.every(streams)).toBe(true)
    }
    await other.close()
  })

  test('the task page follows the export until it finished, then shows its download and arguments', async ({
    page,
  }) => {
    const requests = requestsTo(page, '/progress/detail')
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

    const done = page
      .locator('#task-detail')
      .getByRole('status')
      .filter({ hasText: 'Orders CSV export finished' })
    await expect(done).toBeVisible({ timeout: 15_000 })
    // the last poll refreshed the details too: finished, so no refresh link, and the result shows
    await expect(page.getByRole('link', { name: 'Refresh' })).toHaveCount(0)
    await expect(page.getByRole('heading', { level: 3, name: 'Result' })).toBeVisible()
    await expect(done.getByRole('link', { name: /^Download orders-/ })).toBeVisible()
    expect(requests.length).toBeGreaterThan(0)
    // htmx 4 streams (one request), htmx 2 polls
    expect(requests.every(streams)).toBe(projectHtmxMajor() === '4')
    if (projectHtmxMajor() === '4') {
      expect(requests.length).toBe(1)
    }
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
