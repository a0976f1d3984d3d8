// Click to edit, bulk update, click to load, delete row, edit row: the record and table examples.
import { expect, htmxIdle, test } from './fixture.ts'

/** What Chromium and htmx 4 log for a 422 the example expects. */
const EXPECTED_422 = ['the server responded with a status of 422', '[hxkit] htmx:response:error:']

test.describe('click to edit', () => {
  test('edits the contact in place and shows it again', async ({ page }) => {
    await page.goto('/click-to-edit')
    await page.getByRole('link', { name: 'Edit', exact: true }).click()
    await page.getByLabel('First name').fill('Augusta')
    await page.getByRole('button', { name: 'Save' }).click()

    await expect(page.locator('#contact dd').first()).toHaveText('Augusta')
    await expect(page.locator('#contact form')).toHaveCount(0)
    await expect(page.locator('#contact')).toHaveCount(1)
  })

  test('cancel shows the contact unchanged', async ({ page }) => {
    await page.goto('/click-to-edit')
    await page.getByRole('link', { name: 'Edit', exact: true }).click()
    await page.getByLabel('Last name').fill('Changed')
    await page.getByRole('link', { name: 'Cancel' }).click()

    await expect(page.locator('#contact dd').nth(1)).toHaveText('Lovelace')
  })

  test.describe('with a wrong email', () => {
    test.use({ expectConsoleErrors: EXPECTED_422 })

    test('re-renders the form with the error (422)', async ({ page }) => {
      await page.goto('/click-to-edit')
      await page.getByRole('link', { name: 'Edit', exact: true }).click()
      await page.getByLabel('Email').fill('not-an-email')
      await page.locator('#contact-form').evaluate((form) => {
        form.setAttribute('novalidate', '')
      })
      await page.getByRole('button', { name: 'Save' }).click()

      await expect(page.locator('#contact-form-email-error')).not.toBeEmpty()
      await expect(page.locator('#contact #contact-form')).toHaveCount(1)
    })
  })
})

test.describe('bulk update', () => {
  test('deactivates the checked rows and says how many', async ({ page }) => {
    await page.goto('/bulk-update')
    await page.getByLabel('Select Ada Lovelace').check()
    await page.getByLabel('Select Grace Hopper').check()
    await page.getByRole('button', { name: 'Deactivate' }).click()

    await expect(page.locator('#bulk-result')).toHaveText(
      /^Deactivated [0-2] of 2 selected contacts\.$/
    )
    await expect(page.locator('#bulk-rows tr').first().locator('td').nth(3)).toHaveText('Inactive')
  })

  test('selects every row with the keyboard and activates them', async ({ page }) => {
    await page.goto('/bulk-update')
    const all = page.getByLabel('Select all')
    await expect(all).toBeVisible()
    await all.focus()
    await page.keyboard.press('Space')

    await expect(page.locator('#bulk-rows input[type=checkbox]:checked')).toHaveCount(6)
    await page.keyboard.press('Space')
    await expect(page.locator('#bulk-rows input[type=checkbox]:checked')).toHaveCount(0)
    await page.keyboard.press('Space')
    // Tab through the row boxes to the Activate button, and press it
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab')
    }
    await expect(page.getByRole('button', { name: 'Activate', exact: true })).toBeFocused()
    await page.keyboard.press('Enter')

    await expect(page.locator('#bulk-result')).toHaveText(/^Activated \d of 6 selected contacts\.$/)
    await expect(page.locator('#bulk-rows td:nth-child(4)')).toHaveText(Array(6).fill('Active'))
  })

  test('shows a mixed select-all box when some rows are checked', async ({ page }) => {
    await page.goto('/bulk-update')
    await page.getByLabel('Select Alan Turing').check()

    await expect(page.getByLabel('Select all')).toHaveJSProperty('indeterminate', true)
  })
})

test.describe('click to load', () => {
  test('loads five rows per click until the end', async ({ page }) => {
    await page.goto('/click-to-load')
    await expect(page.locator('#contacts tr')).toHaveCount(6)
    for (const rows of [10, 15, 17]) {
      await page.getByRole('link', { name: 'Load more' }).click()
      await htmxIdle(page)
      await expect(page.locator('#contacts tr:not(#load-more)')).toHaveCount(rows)
    }

    await expect(page.getByRole('link', { name: 'Load more' })).toHaveCount(0)
  })
})

test.describe('delete row', () => {
  test('asks in the kit dialog, fades the row out and removes it', async ({ page }) => {
    await page.goto('/delete-row')
    await page.getByRole('button', { name: 'Delete Ada Lovelace' }).click()
    const dialog = page.getByRole('alertdialog', { name: 'Please confirm' })
    await expect(dialog).toContainText('Delete this contact?')
    await dialog.getByRole('button', { name: 'Confirm' }).click()

    await expect(page.locator('#contact-1')).toHaveClass(/htmx-swapping/)
    await expect(page.locator('#contact-1')).toHaveCount(0)
    await expect(page.locator('tbody tr')).toHaveCount(4)
  })

  test('keeps the row when the confirmation is cancelled', async ({ page }) => {
    await page.goto('/delete-row')
    await page.getByRole('button', { name: 'Delete Grace Hopper' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click()
    await htmxIdle(page)

    await expect(page.locator('#contact-2')).toHaveCount(1)
  })
})

test.describe('edit row', () => {
  test('edits a row, and opening another puts the first back', async ({ page }) => {
    await page.goto('/edit-row')
    await page.getByRole('button', { name: 'Edit Ada Lovelace' }).click()
    await expect(page.locator('#row-1.editing')).toHaveCount(1)
    await page.getByRole('button', { name: 'Edit Grace Hopper' }).click()

    await expect(page.locator('#row-2.editing')).toHaveCount(1)
    await expect(page.locator('#row-1.editing')).toHaveCount(0)
    await page.locator('#row-2-name').fill('Grace B. Hopper')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.locator('#row-2 td').first()).toHaveText('Grace B. Hopper')
    await expect(page.locator('tr.editing')).toHaveCount(0)
  })

  test('edits a row with the keyboard only', async ({ page }) => {
    await page.goto('/edit-row')
    const edit = page.getByRole('button', { name: 'Edit Barbara Liskov' })
    await edit.focus()
    await page.keyboard.press('Enter')
    await expect(page.locator('#row-5.editing')).toHaveCount(1)
    // the opened row's first input takes the focus (autofocus), and gives it back when saved
    await expect(page.locator('#row-5-name')).toBeFocused()
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.type('Barbara H. Liskov')
    await page.keyboard.press('Tab')
    await expect(page.locator('#row-5-email')).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: 'Save' })).toBeFocused()
    await page.keyboard.press('Enter')

    await expect(page.locator('#row-5 td').first()).toHaveText('Barbara H. Liskov')
    await expect(page.getByRole('button', { name: 'Edit Barbara H. Liskov' })).toBeFocused()
  })

  test.describe('with a wrong email', () => {
    test.use({ expectConsoleErrors: EXPECTED_422 })

    test('keeps the row in edit mode with the message (422)', async ({ page }) => {
      await page.goto('/edit-row')
      await page.getByRole('button', { name: 'Edit Alan Turing' }).click()
      await page.locator('#row-3-email').fill('nope')
      await page.getByRole('button', { name: 'Save' }).click()

      await expect(page.locator('#row-3-email-error')).toHaveText('Enter an email address')
      await expect(page.locator('#row-3-email')).toHaveAttribute('aria-invalid', 'true')
    })
  })
})
