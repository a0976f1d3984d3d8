// Dialogs, modal dialogs, confirm, async authentication: the examples that ask before a request.
import { expect, test } from './fixture.ts'

/** What Chromium and htmx 4 log for a 422 the example expects. */
const EXPECTED_422 = ['the server responded with a status of 422', '[hxkit] htmx:response:error:']

test.describe('dialogs', () => {
  test('prompts, confirms, and sends the answer in HX-Prompt', async ({ page }) => {
    await page.goto('/dialogs')
    const seen: string[] = []
    page.on('dialog', (dialog) => {
      seen.push(`${dialog.type()}: ${dialog.message()}`)
      void dialog.accept('café')
    })
    await page.getByRole('button', { name: 'Ask me' }).click()
    const confirmation = page.getByRole('alertdialog', { name: 'Please confirm' })
    await expect(confirmation).toContainText('Send your word?')
    await confirmation.getByRole('button', { name: 'Confirm' }).click()

    await expect(page.locator('#dialog-answer')).toHaveText('You entered “café”.')
    expect(seen).toEqual(['prompt: Enter a word'])
  })

  test('sends nothing when the prompt is cancelled', async ({ page }) => {
    await page.goto('/dialogs')
    page.on('dialog', (dialog) => void dialog.dismiss())
    let posts = 0
    page.on('request', (req) => {
      if (req.method() === 'POST') {
        posts++
      }
    })
    await page.getByRole('button', { name: 'Ask me' }).click()
    await page.waitForTimeout(300)

    expect(posts).toBe(0)
    await expect(page.locator('#dialog-answer')).toHaveText('')
  })
})

test.describe('modal dialogs', () => {
  test('opens with the keyboard, traps focus, closes on Escape, returns focus', async ({
    page,
  }) => {
    await page.goto('/modal-dialogs')
    const opener = page.getByRole('button', { name: 'Rename project' })
    await opener.focus()
    await page.keyboard.press('Enter')

    const dialog = page.getByRole('dialog', { name: 'Rename the project' })
    await expect(dialog).toBeVisible()
    await expect(page.getByLabel('Project name')).toHaveValue(/.+/)
    // Tab cycles inside the modal dialog: the page behind it is inert (Chromium passes focus
    // through its own toolbar between rounds, where document.activeElement is the body)
    const where = () =>
      page.evaluate(
        () => document.activeElement?.closest('dialog')?.id ?? document.activeElement?.tagName
      )
    expect(await where()).toBe('modal')
    const seen = new Set<string | undefined>()
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab')
      seen.add(await where())
    }
    expect([...seen].filter((place) => place !== 'modal' && place !== 'BODY')).toEqual([])
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(opener).toBeFocused()
  })

  test('saves a good name, closes, and updates the page', async ({ page }) => {
    await page.goto('/modal-dialogs')
    await page.getByRole('button', { name: 'Rename project' }).click()
    await page.getByLabel('Project name').fill('Apollo')
    await page.getByRole('button', { name: 'Save' }).click()

    await expect(page.getByRole('dialog')).toBeHidden()
    await expect(page.locator('#project-name')).toHaveText('Apollo')
  })

  test.describe('with a short name', () => {
    test.use({ expectConsoleErrors: EXPECTED_422 })

    test('keeps the dialog open with the message (422)', async ({ page }) => {
      await page.goto('/modal-dialogs')
      await page.getByRole('button', { name: 'Rename project' }).click()
      await page.getByLabel('Project name').fill('ab')
      await page.locator('#rename-form').evaluate((form) => {
        form.setAttribute('novalidate', '')
      })
      await page.getByRole('button', { name: 'Save' }).click()

      await expect(page.locator('#rename-form-name-error')).toHaveText('Use at least 3 characters')
      await expect(page.getByRole('dialog', { name: 'Rename the project' })).toBeVisible()
    })
  })
})

test.describe('confirm', () => {
  test('asks in the page dialog and sends on Confirm', async ({ page }) => {
    await page.goto('/confirm')
    page.on('dialog', () => {
      throw new Error('window.confirm must not be used')
    })
    await page.getByRole('button', { name: 'Archive finished projects' }).click()

    const dialog = page.getByRole('alertdialog', { name: 'Please confirm' })
    await expect(dialog).toBeVisible()
    await expect(dialog).toContainText('Archive every finished project?')
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
    await dialog.getByRole('button', { name: 'Confirm' }).click()
    await expect(page.locator('#confirm-result')).toHaveText(/^Archived \(\d+ times?\)\.$/)
  })

  test('drops the request on Escape, with the keyboard only', async ({ page }) => {
    await page.goto('/confirm')
    let posts = 0
    page.on('request', (req) => {
      if (req.method() === 'POST') {
        posts++
      }
    })
    const button = page.getByRole('button', { name: 'Archive finished projects' })
    await button.focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('alertdialog', { name: 'Please confirm' })).toBeVisible()
    await page.keyboard.press('Escape')

    await expect(page.getByRole('alertdialog')).toBeHidden()
    await expect(button).toBeFocused()
    expect(posts).toBe(0)
    await expect(page.locator('#confirm-result')).toHaveText('Nothing archived yet.')
  })
})

test.describe('confirm, opted out of the kit dialog', () => {
  test('data-hxkit-confirm="native" leaves the question to window.confirm', async ({ page }) => {
    await page.goto('/confirm')
    const seen: string[] = []
    page.on('dialog', (dialog) => {
      seen.push(`${dialog.type()}: ${dialog.message()}`)
      void dialog.accept()
    })
    await page.getByRole('button', { name: 'Archive, asked by the browser' }).click()

    await expect(page.locator('#confirm-result')).toHaveText(/^Archived \(\d+ times?\)\.$/)
    expect(seen).toEqual(['confirm: Archive every finished project (asked by the browser)?'])
    await expect(page.locator('#hxkit-confirm[open]')).toHaveCount(0)
  })

  test('on <body> it opts the whole page out; a cancelled window.confirm sends nothing', async ({
    page,
  }) => {
    await page.goto('/confirm')
    await page.evaluate(() => {
      document.body.setAttribute('data-hxkit-confirm', 'native')
    })
    let posts = 0
    page.on('request', (req) => {
      if (req.method() === 'POST') {
        posts++
      }
    })
    const seen: string[] = []
    page.on('dialog', (dialog) => {
      seen.push(dialog.type())
      void dialog.dismiss()
    })
    await page.getByRole('button', { name: 'Archive finished projects' }).click()

    await expect.poll(() => seen).toEqual(['confirm'])
    await expect(page.locator('#hxkit-confirm[open]')).toHaveCount(0)
    expect(posts).toBe(0)
  })

  test("the app's own htmx:confirm listener answers an opted-out element", async ({ page }) => {
    await page.goto('/confirm')
    page.on('dialog', () => {
      throw new Error('window.confirm must not be used')
    })
    // what an app's own script would do: answer the question itself
    await page.evaluate(() => {
      document.addEventListener('htmx:confirm', (event) => {
        const detail = (event as CustomEvent<{ issueRequest: () => void }>).detail
        event.preventDefault()
        document.body.setAttribute('data-app-asked', '')
        detail.issueRequest()
      })
    })
    await page.getByRole('button', { name: 'Archive, asked by the browser' }).click()

    await expect(page.locator('#confirm-result')).toHaveText(/^Archived \(\d+ times?\)\.$/)
    await expect(page.locator('body')).toHaveAttribute('data-app-asked', '')
    await expect(page.locator('#hxkit-confirm[open]')).toHaveCount(0)
  })
})

test.describe('async authentication', () => {
  test('waits for the token and sends it', async ({ page }) => {
    await page.goto('/async-auth')
    const secret = page.waitForRequest((req) => req.url().endsWith('/async-auth/secret'))
    await page.getByRole('button', { name: 'Get the secret' }).click()

    expect((await secret).headers()['x-auth-token']).toMatch(/^[0-9a-f-]{36}$/)
    await expect(page.locator('#auth-result')).toHaveText('The secret is 42.')
  })
})
