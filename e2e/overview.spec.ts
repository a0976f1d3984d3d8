import { expect, expectNoFullReload, expectSwap, test } from '../src/testing/playwright.ts'
import {
  expectOneLayout,
  historyRestore,
  logIn,
  markNode,
  projectHtmxMajor,
  readMark,
  responseWith,
} from './helpers.ts'

// every demo page needs a signed-in user: the admin sees them all
test.beforeEach(async ({ page }) => {
  await logIn(page)
})

test.describe('overview', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/')
    await expectOneLayout(page, 'Overview')
  })

  test('loads the htmx version of the project', async ({ page }) => {
    const version = await page.evaluate((): unknown =>
      Reflect.get(Reflect.get(window, 'htmx') as object, 'version')
    )
    expect(String(version).split('.')[0]).toBe(projectHtmxMajor())
  })

  test('sorting swaps only the orders table and pushes the URL', async ({ page }) => {
    const stats = page.getByRole('region', { name: 'Key figures' })
    const orders = page.getByRole('region', { name: 'Orders', exact: true })
    await markNode(stats, 'kept')
    const response = await expectSwap(
      page,
      () => orders.getByRole('link', { name: 'Total' }).click(),
      { target: '#orders', status: 200 }
    )
    expect(new URL(response.url()).searchParams.get('sort')).toBe('total')
    expect((await response.text()).startsWith('<section id="orders"')).toBe(true)
    await expect(page).toHaveURL('/?sort=total&dir=asc')
    await expect(
      orders.getByRole('table', { name: 'Orders sorted by total, ascending' })
    ).toBeVisible()
    await expect(orders.getByRole('columnheader', { name: 'Total' })).toHaveAttribute(
      'aria-sort',
      'ascending'
    )
    expect(await readMark(stats)).toBe('kept')
  })

  test('paging swaps only the orders table and pushes the URL', async ({ page }) => {
    const stats = page.getByRole('region', { name: 'Key figures' })
    const pages = page.getByRole('navigation', { name: 'Orders pages' })
    await markNode(stats, 'kept')
    await expect(pages.getByText('Page 1 of')).toBeVisible()
    const response = responseWith(page, 'page', '2')
    await expectNoFullReload(page, async () => {
      await pages.getByRole('link', { name: 'Next' }).click()
      await response
    })
    await expect(page).toHaveURL('/?page=2')
    await expect(pages.getByText('Page 2 of')).toBeVisible()
    expect(await readMark(stats)).toBe('kept')
  })

  test('back restores the previous sort inside exactly one layout', async ({ page }) => {
    const orders = page.getByRole('region', { name: 'Orders', exact: true })
    const ascending = responseWith(page, 'dir', 'asc')
    await orders.getByRole('link', { name: 'Total' }).click()
    await ascending
    await expect(
      orders.getByRole('table', { name: 'Orders sorted by total, ascending' })
    ).toBeVisible()
    const descending = responseWith(page, 'dir', 'desc')
    await orders.getByRole('link', { name: 'Total' }).click()
    await descending
    await expect(page).toHaveURL('/?sort=total&dir=desc')
    await expect(
      orders.getByRole('table', { name: 'Orders sorted by total, descending' })
    ).toBeVisible()

    const restored = historyRestore(page)
    await page.goBack()
    await restored
    await expect(page).toHaveURL('/?sort=total&dir=asc')
    await expect(
      orders.getByRole('table', { name: 'Orders sorted by total, ascending' })
    ).toBeVisible()
    await expectOneLayout(page, 'Overview')
    await expect(page.getByRole('region', { name: 'Key figures' })).toHaveCount(1)
  })

  test('reload at a pushed URL renders the same table', async ({ page }) => {
    const orders = page.getByRole('region', { name: 'Orders', exact: true })
    const sorted = responseWith(page, 'sort', 'customer')
    await orders.getByRole('link', { name: 'Customer' }).click()
    await sorted
    const paged = responseWith(page, 'page', '3')
    await orders.getByRole('link', { name: 'Next' }).click()
    await expect(page).toHaveURL('/?sort=customer&dir=asc&page=2')
    await orders.getByRole('link', { name: 'Next' }).click()
    await paged
    await expect(page).toHaveURL('/?sort=customer&dir=asc&page=3')
    const rows = orders.getByRole('row')
    const before = await rows.allInnerTexts()

    await page.reload()
    await expectOneLayout(page, 'Overview')
    await expect(orders.getByText('Page 3 of')).toBeVisible()
    await expect(
      orders.getByRole('table', { name: 'Orders sorted by customer, ascending' })
    ).toBeVisible()
    expect(await rows.allInnerTexts()).toEqual(before)
  })

  test('boosted navigation to customers keeps the document and updates the title', async ({
    page,
  }) => {
    await page.evaluate(() => {
      Reflect.set(window, 'hxkitMark', 'same document')
    })
    const boosted = page.waitForResponse((r) => new URL(r.url()).pathname === '/customers')
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Customers' })
      .click()
    expect((await boosted).request().headers()['hx-boosted']).toBe('true')
    await expect(page).toHaveURL('/customers')
    await expect(page).toHaveTitle('Customers · hxkit demo')
    await expectOneLayout(page, 'Customers')
    expect(await page.evaluate((): unknown => Reflect.get(window, 'hxkitMark'))).toBe(
      'same document'
    )

    const restored = historyRestore(page)
    await page.goBack()
    await restored
    await expect(page).toHaveURL('/')
    await expect(page).toHaveTitle('Overview · hxkit demo')
    await expectOneLayout(page, 'Overview')
    await expect(page.getByRole('region', { name: 'Orders', exact: true })).toBeVisible()
  })
})
