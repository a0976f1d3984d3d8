import { expect, test } from '../src/testing/playwright.ts'
import { expectOneLayout, logIn, projectHtmxMajor, requestsTo, streams } from './helpers.ts'

// the console's edits are an operator's
test.beforeEach(async ({ page }) => {
  await logIn(page, 'operator')
})

test.describe('orders console', () => {
  test.beforeEach(async ({ page }) => {
    page.on('dialog', (dialog) => {
      throw new Error(`unexpected window dialog: ${dialog.message()}`)
    })
    await page.goto('/orders')
    await expectOneLayout(page, 'Orders')
  })

  test('sorting, filtering and keyset paging swap the table and keep the URL canonical', async ({
    page,
  }) => {
    const table = page.getByRole('table', { name: /Orders/ })
    await page.getByRole('link', { name: 'Total' }).click()
    await expect(page).toHaveURL('/orders?sort=total%2C-created')
    await expect(page.getByRole('columnheader', { name: /Total/ })).toHaveAttribute(
      'aria-sort',
      'ascending'
    )

    await page.getByLabel('Status').selectOption('shipped')
    await expect(page).toHaveURL('/orders?status=shipped&sort=total%2C-created')
    await expect(table.locator('.status-pending')).toHaveCount(0)

    const firstRow = await table.locator('tbody tr').first().getAttribute('id')
    await page
      .getByRole('navigation', { name: 'Orders pages' })
      .getByRole('link', { name: 'Next' })
      .click()
    await expect(page).toHaveURL(/after=/)
    await expect(table.locator('tbody tr').first()).not.toHaveAttribute('id', firstRow ?? '')
    await page
      .getByRole('navigation', { name: 'Orders pages' })
      .getByRole('link', { name: 'Previous' })
      .click()
    await expect(table.locator('tbody tr').first()).toHaveAttribute('id', firstRow ?? '')

    await page.goBack()
    await expect(page).toHaveURL(/after=/)
    await page.reload()
    await expect(page.getByLabel('Status')).toHaveValue('shipped')
  })

  test('searching by customer keeps the focus in the search box', async ({ page }) => {
    const search = page.getByLabel('Customer')
    await search.fill('Hooli')
    await expect(page).toHaveURL('/orders?q=Hooli')
    await expect(search).toBeFocused()
    await expect(
      page
        .getByRole('table', { name: /Orders/ })
        .getByRole('cell', { name: /Hooli/ })
        .first()
    ).toBeVisible()
  })

  test('bulk: a few checked rows ship inline, in place, with a toast', async ({ page }) => {
    await page.getByLabel('Status').selectOption('pending')
    await expect(page).toHaveURL('/orders?status=pending')
    const table = page.getByRole('table', { name: /Orders/ })
    const ids = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.slice(0, 2).map((row) => row.id))
    for (const id of ids) {
      await page.locator(`#${id}`).getByRole('checkbox').check()
    }
    await page.getByRole('button', { name: 'Mark shipped' }).click()
    await expect(page.locator('#toasts')).toContainText('2 orders marked shipped')
    for (const id of ids) {
      await expect(page.locator(`#${id}`)).toHaveCount(0)
    }
  })

  test('bulk: all across pages is handed off to a task; the Tasks progress view follows it and ends in a toast and a fresh table', async ({
    page,
  }) => {
    await page.getByLabel('Status').selectOption('pending')
    await expect(page).toHaveURL('/orders?status=pending')
    await page.getByLabel('Select all rows on this page').check()
    const across = page.getByLabel(/Select all [\d,]+ orders across pages/)
    await expect(across).toBeVisible()
    const count = /Select all ([\d,]+) orders/.exec(
      (await across.locator('..').textContent()) ?? ''
    )?.[1]
    await across.check()
    const progress = requestsTo(page, '/progress')
    const handedOff = page.waitForResponse(
      (res) => res.url().includes('/orders/bulk/ship') && res.request().method() === 'POST'
    )
    await page.getByRole('button', { name: 'Mark shipped' }).click()
    expect((await handedOff).status()).toBe(202)

    // the Tasks' own progress partial, as an export's, linking to the task's page
    const bar = page.getByRole('group', { name: 'Bulk actions' })
    await expect(bar.getByRole('link', { name: 'Bulk shipping of orders' })).toHaveAttribute(
      'href',
      /^\/tasks\/[\w-]+$/
    )
    await expect(bar.getByRole('progressbar')).toBeVisible()
    await expect(bar.getByRole('button', { name: 'Mark shipped' })).toHaveCount(0)

    // the task pauses between its chunks (TASKS_STEP_MS); htmx 4 streams, htmx 2 polls every second
    await expect(page.locator('#toasts')).toContainText(
      `Bulk shipping of orders finished (${count ?? '?'} orders).`,
      { timeout: 20_000 }
    )
    await expect(page.getByText('No orders match these filters.')).toBeVisible()
    await expect(page.getByRole('table', { name: /Orders/ }).getByRole('row')).toHaveCount(2)
    await expect(page).toHaveURL('/orders?status=pending')
    await expect(page.getByRole('link', { name: 'Bulk shipping of orders' })).toHaveCount(0)
    // the fresh table's bulk bar is the plain one again (hidden: nothing is checked)
    await expect(page.locator('#orders-bulk')).not.toHaveClass(/hx-bulk-bar--task/)
    if (projectHtmxMajor() === '4') {
      expect(progress.length).toBe(1)
      expect(progress.every(streams)).toBe(true)
    } else {
      expect(progress.length).toBeGreaterThan(0)
      expect(progress.some(streams)).toBe(false)
    }
    // nothing follows the task once it finished: no new stream, no further poll
    const seen = progress.length
    await page.waitForTimeout(2_500)
    expect(progress.length).toBe(seen)
  })

  test('inline edit of a status saves the row in place', async ({ page }) => {
    const row = page.locator('#order-5400')
    await row.getByRole('link', { name: 'Edit order 5400' }).click()
    await row.getByLabel('Status').selectOption('delivered')
    await row.getByRole('button', { name: 'Save order 5400' }).click()
    await expect(page.locator('#order-5400 .status')).toHaveText('delivered')
    await expect(page.locator('#toasts')).toContainText('Order #5400 marked delivered')
  })

  test('delete asks in an accessible dialog; Cancel keeps the row, Confirm removes it', async ({
    page,
  }) => {
    const row = page.locator('#order-5399')
    const remove = row.getByRole('button', { name: 'Delete order 5399' })
    await remove.click()
    const confirm = page.getByRole('alertdialog', { name: 'Please confirm' })
    await expect(confirm).toContainText('Delete order #5399?')
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    await expect(confirm).toBeHidden()
    await expect(row).toBeVisible()
    await expect(remove).toBeFocused()

    await remove.click()
    await confirm.getByRole('button', { name: 'Confirm' }).click()
    await expect(row).toHaveCount(0)
    await expect(page.locator('#toasts')).toContainText('Order #5399 deleted')
  })
})

test.describe('order detail', () => {
  test('edits the status in a dialog; focus returns to the opener', async ({ page }) => {
    await page.goto('/orders/12')
    await expectOneLayout(page, 'Order #12')
    const opener = page.getByRole('button', { name: 'Edit status' })
    await opener.click()
    const dialog = page.getByRole('dialog', { name: 'Edit status' })
    await expect(dialog).toBeVisible()
    await dialog.getByLabel('Status').selectOption('cancelled')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.locator('#order-facts .status')).toHaveText('cancelled')
    await expect(page.locator('#toasts')).toContainText('Order #12 marked cancelled')
    await expect(page.getByRole('button', { name: 'Edit status' })).toBeFocused()
    await page.getByRole('tab', { name: 'Activity' }).click()
    await expect(page.locator('#order-timeline')).toContainText('Order #12 marked cancelled')
  })
})

test.describe('keyboard only', () => {
  test('sorts, selects a row, opens and closes a dialog without a pointer', async ({ page }) => {
    await page.goto('/orders')
    const sortTotal = page.getByRole('link', { name: 'Total' })
    await sortTotal.focus()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL('/orders?sort=total%2C-created')

    const box = page.getByLabel('Select order', { exact: false }).first()
    await box.focus()
    await page.keyboard.press('Space')
    await expect(box).toBeChecked()
    await expect(page.getByRole('group', { name: 'Bulk actions' })).toBeVisible()

    const remove = page
      .locator('tbody tr')
      .first()
      .getByRole('button', { name: /Delete order/ })
    await remove.focus()
    await page.keyboard.press('Enter')
    const confirm = page.getByRole('alertdialog', { name: 'Please confirm' })
    await expect(confirm).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(confirm).toBeHidden()
    await expect(remove).toBeFocused()

    await page.goto('/orders/20')
    const opener = page.getByRole('button', { name: 'Edit status' })
    await opener.focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('dialog', { name: 'Edit status' })).toBeVisible()
    await expect(page.getByRole('dialog').getByLabel('Status')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog', { name: 'Edit status' })).toBeHidden()
    await expect(opener).toBeFocused()
    expect(projectHtmxMajor()).toMatch(/[24]/)
  })
})
