// The order detail page's tabs (details, activity, customer): server-side tabs with a URL each,
// swapped by htmx, driven from the keyboard (hxkit.js: arrows, Home, End, Space), and Back.
import { expect, test } from '../src/testing/playwright.ts'
import { expectOneLayout, historyRestore, logIn, markNode, readMark } from './helpers.ts'

test.beforeEach(async ({ page }) => {
  await logIn(page, 'viewer')
})

test.describe('order detail tabs', () => {
  test('arrow keys move the focus, Enter and Space open a tab, Back restores', async ({ page }) => {
    await page.goto('/orders/12')
    await expectOneLayout(page, 'Order #12')
    const tab = (name: string) => page.getByRole('tab', { name })
    const panel = page.getByRole('tabpanel')
    await expect(tab('Details')).toHaveAttribute('aria-selected', 'true')
    await expect(panel).toContainText('Customer')
    await markNode(page.locator('main'), 'same page')

    // Tab reaches the selected tab only: the others are out of the tab order (roving tabindex)
    await expect(page.locator('[role=tab][tabindex="0"]')).toHaveText(['Details'])
    await tab('Details').focus()
    await page.keyboard.press('ArrowRight')
    await expect(tab('Activity')).toBeFocused()
    // moving the focus selects nothing yet (manual activation: the panel loads from the server)
    await expect(tab('Details')).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('Enter')

    await expect(page).toHaveURL('/orders/12?tab=activity')
    await expect(tab('Activity')).toHaveAttribute('aria-selected', 'true')
    await expect(tab('Details')).toHaveAttribute('aria-selected', 'false')
    await expect(panel).toContainText('Order placed')
    await expect(tab('Activity')).toBeFocused()
    await expect(page.locator('[role=tab][tabindex="0"]')).toHaveText(['Activity'])

    await page.keyboard.press('End')
    await expect(tab('Customer')).toBeFocused()
    await page.keyboard.press('ArrowRight')
    await expect(tab('Details')).toBeFocused()
    await page.keyboard.press('ArrowLeft')
    await expect(tab('Customer')).toBeFocused()
    await page.keyboard.press(' ')
    await expect(page).toHaveURL('/orders/12?tab=customer')
    await expect(tab('Customer')).toHaveAttribute('aria-selected', 'true')
    await expect(panel).toContainText('All orders of')
    await expect(tab('Customer')).toBeFocused()
    await page.keyboard.press('Home')
    await expect(tab('Details')).toBeFocused()
    // the panel is the next stop after the tab list
    await page.keyboard.press('Tab')
    await expect(panel).toBeFocused()
    // htmx swapped the tabs: still the page that was loaded
    expect(await readMark(page.locator('main'))).toBe('same page')

    const restored = historyRestore(page)
    await page.goBack()
    await restored
    await expect(page).toHaveURL('/orders/12?tab=activity')
    await expect(tab('Activity')).toHaveAttribute('aria-selected', 'true')
    await expect(panel).toContainText('Order placed')
    await page.goBack()
    await expect(page).toHaveURL('/orders/12')
    await expect(tab('Details')).toHaveAttribute('aria-selected', 'true')
    await expect(panel).toContainText('Total')
  })

  test('a tab URL opened directly shows that tab; the tabs are links', async ({ page }) => {
    await page.goto('/orders/12?tab=customer')
    await expectOneLayout(page, 'Order #12')

    await expect(page.getByRole('tab', { name: 'Customer' })).toHaveAttribute(
      'aria-selected',
      'true'
    )
    await expect(page.getByRole('tab', { name: 'Activity' })).toHaveAttribute(
      'href',
      '/orders/12?tab=activity'
    )
    await expect(page.getByRole('tab', { name: 'Details' })).toHaveAttribute('href', '/orders/12')
  })
})
