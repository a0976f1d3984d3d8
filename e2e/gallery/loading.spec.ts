// Lazy loading, inline validation, infinite scroll, active search, progress bar, cascading
// selects, animations: the examples that load or refresh content.
import { expect, htmxIdle, test } from './fixture.ts'

test.describe('lazy loading', () => {
  test('loads the panel by itself after the page', async ({ page }) => {
    await page.goto('/lazy-loading')

    await expect(page.getByRole('heading', { name: 'Quarterly revenue' })).toBeVisible()
    await expect(page.locator('#lazy-panel')).toHaveClass(/lazy-panel/)
  })
})

test.describe('inline validation', () => {
  test('says a taken email is taken while typing, then signs up', async ({ page }) => {
    await page.goto('/inline-validation')
    await page.getByLabel('Email').pressSequentially('test@test.com')

    await expect(page.locator('#signup-email-error')).toHaveText('That email is already taken')
    await expect(page.getByLabel('Email')).toBeFocused()
    await page.getByLabel('Email').fill('')
    await page.getByLabel('Email').pressSequentially('ada@example.com')
    await expect(page.locator('#signup-email-error')).toBeEmpty()
    await page.getByLabel('First name').fill('Ada')
    await page.getByLabel('Last name').fill('Lovelace')
    await htmxIdle(page)
    await page.getByRole('button', { name: 'Sign up' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'signed up' })).toHaveText(
      /Thanks Ada, you are signed up\./
    )
  })
})

test.describe('infinite scroll', () => {
  test('loads the next rows as the end scrolls into view, until the list ends', async ({
    page,
  }) => {
    await page.goto('/infinite-scroll')
    await expect(page.locator('#scroll-rows tr:not(.scroll-sentinel)')).toHaveCount(10)
    for (const rows of [20, 30, 40]) {
      await page.locator('#scroll-rows tr').last().scrollIntoViewIfNeeded()
      await expect(page.locator('#scroll-rows tr:not(.scroll-sentinel)')).toHaveCount(rows)
    }
    await page.locator('#scroll-rows tr').last().scrollIntoViewIfNeeded()

    await expect(page.getByText('All 45 contacts shown.')).toBeVisible()
  })
})

test.describe('active search', () => {
  test('filters while typing, searches on Enter, shows all when cleared', async ({ page }) => {
    await page.goto('/active-search')
    const count = page.locator('.result-count')
    await expect(count).toHaveText('24 contacts match')
    await page.getByLabel('Search contacts').pressSequentially('grace')

    await expect(count).toHaveText('2 contacts match')
    await expect(page).toHaveURL(/q=grace/)
    await page.getByLabel('Search contacts').fill('ada lovelace 2')
    await page.getByLabel('Search contacts').press('Enter')
    await expect(count).toHaveText('1 contact matches')
    await page.getByLabel('Search contacts').press('Escape')
    await expect(count).toHaveText('24 contacts match')
  })
})

test.describe('progress bar', () => {
  test('polls the job to 100 % and stops polling', async ({ page }) => {
    await page.goto('/progress-bar')
    await page.getByRole('button', { name: /^(Start job|Restart)$/ }).click()
    await expect(page.locator('#job-progress')).toHaveAttribute('value', /^(0|25|50|75)$/)

    await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible({ timeout: 10_000 })
    await expect(page.locator('#job-progress')).toHaveAttribute('value', '100')
    await expect(page.locator('#job')).not.toHaveAttribute('hx-trigger')
    let polls = 0
    page.on('request', (req) => {
      if (req.url().includes('/progress-bar/job')) {
        polls++
      }
    })
    await page.waitForTimeout(1500)
    expect(polls).toBe(0)
  })
})

test.describe('cascading selects', () => {
  test('loads the models of the chosen make', async ({ page }) => {
    await page.goto('/cascading-selects')
    await expect(page.getByLabel('Model').locator('option')).toHaveText(['A1', 'A4', 'A6'])
    await page.getByLabel('Make').selectOption('toyota')

    await expect(page.getByLabel('Model').locator('option')).toHaveText([
      'Landcruiser',
      'Tacoma',
      'Yaris',
    ])
  })
})

test.describe('animations', () => {
  test('throbs through colour classes and then stops', async ({ page }) => {
    await page.goto('/animations')
    await expect(page.locator('#colour-demo')).toHaveClass(/throb-blue/)
    await expect(page.locator('#colour-demo')).toHaveClass(/throb-green/)
  })

  test('fades a button out, fades lines in, flips a card with a view transition', async ({
    page,
  }) => {
    await page.goto('/animations')
    await page.getByRole('button', { name: 'Fade me out' }).click()
    await expect(page.locator('#fade-me-out')).toHaveClass(/htmx-swapping/)
    await expect(page.locator('#fade-me-out')).toHaveCount(0)

    await page.getByRole('button', { name: 'Add a line' }).click()
    await expect(page.locator('#fade-in-list .fade-in')).toHaveCount(1)
    await expect(page.locator('#fade-in-list .fade-in')).not.toHaveClass(/htmx-added/)

    await page.getByRole('button', { name: 'Flip' }).click()
    await expect(page.locator('#transition-demo')).toHaveClass(/transition-b/)
  })
})
