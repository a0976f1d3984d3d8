// Tabs (both), keyboard shortcuts, sortable, updating other content, web components, move
// before: the examples with their own browser behaviour.
import { expect, htmxIdle, test } from './fixture.ts'

test.describe('tabs (HATEOAS)', () => {
  test('moves with the arrow keys and opens a tab with Enter, keyboard only', async ({ page }) => {
    await page.goto('/tabs-hateoas')
    await page.getByRole('tab', { name: 'Overview' }).focus()
    await page.keyboard.press('ArrowRight')
    await expect(page.getByRole('tab', { name: 'Billing' })).toBeFocused()
    await page.keyboard.press('Enter')

    await expect(page.getByRole('tab', { name: 'Billing' })).toHaveAttribute(
      'aria-selected',
      'true'
    )
    await expect(page.getByRole('tabpanel')).toHaveText(/next invoice/)
    await expect(page).toHaveURL(/tab=billing/)
    await expect(page.getByRole('tab', { name: 'Billing' })).toBeFocused()
    await page.keyboard.press('End')
    await expect(page.getByRole('tab', { name: 'Team' })).toBeFocused()
    await page.keyboard.press('ArrowRight')
    await expect(page.getByRole('tab', { name: 'Overview' })).toBeFocused()
    await page.keyboard.press(' ')
    await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute(
      'aria-selected',
      'true'
    )
    await htmxIdle(page)
    await page.keyboard.press('Tab')
    await expect(page.getByRole('tabpanel')).toBeFocused()
  })

  test('is one tab stop: the others have tabindex -1', async ({ page }) => {
    await page.goto('/tabs-hateoas?tab=team')

    await expect(page.locator('[role=tab][tabindex="0"]')).toHaveText(['Team'])
    await expect(page.locator('[role=tab][tabindex="-1"]')).toHaveCount(2)
  })
})

test.describe('tabs (JavaScript)', () => {
  test('selects the tab in the browser and loads its panel', async ({ page }) => {
    await page.goto('/tabs-javascript')
    await page.getByRole('tab', { name: 'Overview' }).focus()
    await page.keyboard.press('ArrowLeft')
    await expect(page.getByRole('tab', { name: 'Team' })).toBeFocused()
    await page.keyboard.press('Enter')

    await expect(page.getByRole('tab', { name: 'Team' })).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute(
      'aria-selected',
      'false'
    )
    await expect(page.getByRole('tabpanel')).toHaveText(/Five people/)
  })
})

test.describe('keyboard shortcuts', () => {
  test('Alt+Shift+D presses the button, clicking does too', async ({ page }) => {
    await page.goto('/keyboard-shortcuts')
    await page.keyboard.press('Alt+Shift+KeyD')

    await expect(page.locator('#shortcut-result')).toHaveText(/^Done \d+ times?\.$/)
    const first = await page.locator('#shortcut-result').textContent()
    await page.getByRole('button', { name: /Do it/ }).click()
    await expect(page.locator('#shortcut-result')).not.toHaveText(first ?? '')
  })
})

test.describe('sortable', () => {
  test('moves an item with its buttons', async ({ page }) => {
    await page.goto('/sortable')
    const before = await page.locator('.sortable-label').allTextContents()
    const second = before[1] ?? ''
    await page.getByRole('button', { name: `Move ${second} up` }).click()

    await expect(page.locator('.sortable-label').first()).toHaveText(second)
    await expect(page.locator('#sortable-status')).toHaveText(/^New order: /)
  })

  test('reorders by drag and drop and posts the order', async ({ page }) => {
    await page.goto('/sortable')
    const labels = await page.locator('.sortable-label').allTextContents()
    const first = labels[0] ?? ''
    const post = page.waitForRequest((req) => req.method() === 'POST')
    // the browser's drag events, as a pointer drag sends them (Playwright's dragTo sends no
    // dragover to an HTML5 drop target here)
    const items = page.locator('.sortable-item')
    const box = await items.last().boundingBox()
    const dataTransfer = await page.evaluateHandle(() => new DataTransfer())
    await items.first().dispatchEvent('dragstart', { dataTransfer })
    await items.last().dispatchEvent('dragover', {
      dataTransfer,
      clientY: (box?.y ?? 0) + (box?.height ?? 0) - 2,
    })
    await items.last().dispatchEvent('drop', { dataTransfer })
    await page.locator('.sortable-item.hx-dragging').dispatchEvent('dragend', { dataTransfer })

    expect((await post).postData()).toContain('item=')
    await expect(page.locator('.sortable-label').last()).toHaveText(first)
    await expect(page.locator('#sortable-status')).toHaveText(/^New order: /)
  })
})

test.describe('updating other content', () => {
  test('adds a row through an <hx-partial> and empties the form', async ({ page }) => {
    await page.goto('/update-other-content')
    const form = page.locator('#oob-form')
    await form.getByLabel('Name').fill('Lin Clark')
    await form.getByLabel('Email').fill('lin@example.com')
    await form.getByRole('button').click()

    await expect(page.locator('#oob-contacts tr').last()).toContainText('Lin Clark')
    await expect(page.locator('#oob-form').getByLabel('Name')).toHaveValue('')
  })

  test('adds a row that the table fetches on the newContact event', async ({ page }) => {
    await page.goto('/update-other-content')
    const form = page.locator('#event-form')
    await form.getByLabel('Name').fill('Kay Ada')
    await form.getByLabel('Email').fill('kay@example.com')
    const refetch = page.waitForRequest((req) => req.url().endsWith('/events/table'))
    await form.getByRole('button').click()

    await refetch
    await expect(page.locator('#event-contacts tr').last()).toContainText('Kay Ada')
  })
})

test.describe('web components', () => {
  test('runs htmx inside the shadow root', async ({ page }) => {
    await page.goto('/web-components')
    const counter = page.locator('gallery-counter')
    const before = Number(await counter.locator('#count').textContent())
    await counter.getByRole('button', { name: 'Click me' }).click()

    await expect(counter.locator('#count')).toHaveText(String(before + 1))
  })
})

test.describe('move before', () => {
  test('keeps the scratch pad and its text across boosted navigation', async ({ page }) => {
    await page.goto('/move-before')
    await page.getByLabel('Scratch pad').fill('kept across pages')
    await page.evaluate(() => {
      document.getElementById('scratchpad')?.setAttribute('data-marker', 'same element')
    })
    await page.getByRole('link', { name: 'Go to the second page' }).click()

    await expect(page.getByText('You are on the second page')).toBeVisible()
    await expect(page).toHaveURL(/\/move-before\/other$/)
    await expect(page.getByLabel('Scratch pad')).toHaveValue('kept across pages')
    await expect(page.locator('#scratchpad')).toHaveAttribute('data-marker', 'same element')
  })
})
