// axe-core at WCAG 2.1 AA over every gallery page, and over the states the examples swap in.
import { EXAMPLES } from '../../examples/catalogue.ts'
import { expect, expectAccessible, htmxIdle, test } from './fixture.ts'

const PAGES = ['/', ...EXAMPLES.map((example) => `/${example.slug}`)]

test.describe('every gallery page', () => {
  for (const path of PAGES) {
    test(`${path} has no WCAG 2.1 AA violations`, async ({ page }) => {
      await page.goto(path)
      await htmxIdle(page, { timeout: 10_000 })

      await expectAccessible(page)
    })
  }

  test('the navigation lists every example, the current one marked', async ({ page }) => {
    await page.goto('/tabs-hateoas')
    const nav = page.getByRole('navigation', { name: 'Examples' })

    await expect(nav.getByRole('link')).toHaveCount(EXAMPLES.length + 1)
    await expect(nav.locator('[aria-current="page"]')).toHaveText('Tabs (HATEOAS)')
  })
})

test.describe('swapped-in states', () => {
  test('an open modal dialog with its form', async ({ page }) => {
    await page.goto('/modal-dialogs')
    await page.getByRole('button', { name: 'Rename project' }).click()
    await expect(page.getByLabel('Project name')).toBeVisible()

    await expectAccessible(page)
  })

  test('the confirmation dialog', async ({ page }) => {
    await page.goto('/confirm')
    await page.getByRole('button', { name: 'Archive finished projects' }).click()
    await expect(page.getByRole('alertdialog')).toBeVisible()

    await expectAccessible(page)
  })

  test('a table row in edit mode, and the edit form', async ({ page }) => {
    await page.goto('/edit-row')
    await page.getByRole('button', { name: 'Edit Ada Lovelace' }).click()
    await expect(page.locator('tr.editing')).toHaveCount(1)
    await expectAccessible(page)

    await page.goto('/click-to-edit')
    await page.getByRole('link', { name: 'Edit', exact: true }).click()
    await expect(page.getByLabel('First name')).toBeVisible()
    await expectAccessible(page)
  })

  test('a field with its live validation message', async ({ page }) => {
    await page.goto('/inline-validation')
    await page.getByLabel('Email').pressSequentially('test@test.com')
    await expect(page.locator('#signup-email-error')).not.toBeEmpty()

    await expectAccessible(page)
  })

  test('a finished job and loaded rows', async ({ page }) => {
    await page.goto('/progress-bar')
    await page.getByRole('button', { name: /Start job|Restart/ }).click()
    await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible({ timeout: 10_000 })
    await expectAccessible(page)

    await page.goto('/click-to-load')
    await page.getByRole('link', { name: 'Load more' }).click()
    await htmxIdle(page)
    await expectAccessible(page)
  })
})
