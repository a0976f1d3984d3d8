import { expect, test } from '../src/testing/playwright.ts'
import {
  expectOneLayout,
  historyRestore,
  logIn,
  markNode,
  readMark,
  responseWith,
} from './helpers.ts'

// every demo page needs a signed-in user: the admin sees them all
test.beforeEach(async ({ page }) => {
  await logIn(page)
})

test.describe('customers', () => {
  test.beforeEach(async ({ page }) => {
    page.on('dialog', (dialog) => {
      throw new Error(`unexpected dialog: ${dialog.message()}`)
    })
    await page.goto('/customers')
    await expectOneLayout(page, 'Customers')
  })

  test('shows hostile customer names as text', async ({ page }) => {
    const list = page.getByRole('region', { name: 'Customers' })
    await expect(list.getByRole('cell', { name: '<script>alert(1)</script> GmbH' })).toBeVisible()
    await expect(
      list.getByRole('cell', { name: '<img src=x onerror=alert(1)> Imports' })
    ).toBeVisible()
    await expect(list.locator('img, script')).toHaveCount(0)
  })

  test('searching swaps only the list and pushes the URL', async ({ page }) => {
    const search = page.getByRole('search')
    const list = page.getByRole('region', { name: 'Customers' })
    await markNode(search, 'kept')
    await page.getByLabel('Search customers').fill("O'Brien")
    const response = responseWith(page, 'q', "O'Brien")
    await search.getByRole('button', { name: 'Search' }).click()
    await response
    await expect(page).toHaveURL('/customers?q=O%27Brien')
    await expect(list.getByRole('status')).toHaveText("1 customer matching “O'Brien”")
    await expect(list.getByRole('cell', { name: "O'Brien & Sons <Ltd>" })).toBeVisible()
    expect(await readMark(search)).toBe('kept')
  })

  test('paging swaps only the list; back restores page 1 in one layout', async ({ page }) => {
    const search = page.getByRole('search')
    const list = page.getByRole('region', { name: 'Customers' })
    const pages = page.getByRole('navigation', { name: 'Customer pages' })
    await markNode(search, 'kept')
    const firstPage = await list.getByRole('row').allInnerTexts()
    const response = responseWith(page, 'page', '2')
    await pages.getByRole('link', { name: 'Next' }).click()
    await response
    await expect(page).toHaveURL('/customers?page=2')
    await expect(pages.getByText('Page 2 of')).toBeVisible()
    expect(await readMark(search)).toBe('kept')

    const restored = historyRestore(page)
    await page.goBack()
    await restored
    await expect(page).toHaveURL('/customers')
    await expect(pages.getByText('Page 1 of')).toBeVisible()
    await expectOneLayout(page, 'Customers')
    expect(await list.getByRole('row').allInnerTexts()).toEqual(firstPage)
  })

  test('boosted navigation to the overview and back keeps one layout', async ({ page }) => {
    const main = page.getByRole('navigation', { name: 'Main' })
    await main.getByRole('link', { name: 'Overview' }).click()
    await expect(page).toHaveURL('/')
    await expect(page).toHaveTitle('Overview · hxkit demo')
    await expectOneLayout(page, 'Overview')
    await expect(main.getByRole('link', { name: 'Overview' })).toHaveAttribute(
      'aria-current',
      'page'
    )

    const restored = historyRestore(page)
    await page.goBack()
    await restored
    await expect(page).toHaveURL('/customers')
    await expect(page).toHaveTitle('Customers · hxkit demo')
    await expectOneLayout(page, 'Customers')
  })
})
