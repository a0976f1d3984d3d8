// hxkit.js behaviours on htmx 2, which the gallery (htmx 4 only) does not reach: the async token
// held in htmx:confirm and sent from htmx:configRequest, after the kit's confirm dialog; upload
// progress from htmx 2's own htmx:xhr:progress events.
import type { Page } from '@playwright/test'
import { expect, test } from '../src/testing/playwright.ts'
import { logIn, projectHtmxMajor } from './helpers.ts'

test.beforeEach(async ({ page }) => {
  test.skip(projectHtmxMajor() !== '2', 'htmx 4 is covered by the gallery (async authentication)')
  await logIn(page, 'viewer')
})

/** Adds a button the way a page of the app would render it, and lets htmx 2 process it. */
async function addButton(page: Page, attrs: Record<string, string>) {
  await page.evaluate((attributes) => {
    const button = document.createElement('button')
    button.type = 'button'
    button.textContent = 'Load the row'
    for (const [name, value] of Object.entries(attributes)) {
      button.setAttribute(name, value)
    }
    const out = document.createElement('table')
    out.id = 'kit-out'
    document.querySelector('main')?.append(button, out)
    ;(window as unknown as { htmx: { process(elt: Element): void } }).htmx.process(button)
  }, attrs)
}

test.describe('async token on htmx 2', () => {
  test('the request waits for the token, asks first, and carries the header', async ({ page }) => {
    let tokens = 0
    await page.route('**/kit-token', (route) => {
      tokens++
      return route.fulfill({ status: 200, contentType: 'text/plain', body: 'tok-123' })
    })
    await page.goto('/orders/12')
    await addButton(page, {
      'data-hxkit-token': '/kit-token',
      'data-hxkit-token-header': 'X-Kit-Token',
      'hx-get': '/orders/12/row',
      'hx-target': '#kit-out',
      'hx-confirm': 'Load it?',
    })
    const sent = page.waitForRequest((req) => req.url().endsWith('/orders/12/row'))
    await page.getByRole('button', { name: 'Load the row' }).click()
    const dialog = page.getByRole('alertdialog', { name: 'Please confirm' })
    await expect(dialog).toContainText('Load it?')
    expect(tokens).toBe(0)
    await dialog.getByRole('button', { name: 'Confirm' }).click()

    expect((await sent).headers()['x-kit-token']).toBe('tok-123')
    await expect(page.locator('#kit-out')).toContainText('#12')
    // the token is fetched once per page
    const again = page.waitForRequest((req) => req.url().endsWith('/orders/12/row'))
    await page.getByRole('button', { name: 'Load the row' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click()
    expect((await again).headers()['x-kit-token']).toBe('tok-123')
    expect(tokens).toBe(1)
  })
})

test.describe('upload progress on htmx 2', () => {
  test('a data-hxkit-upload form fills its <progress> from htmx:xhr:progress', async ({ page }) => {
    await page.route('**/kit-upload', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<p id="kit-done">Received.</p>',
      })
    )
    await page.goto('/orders/12')
    await page.evaluate(() => {
      const form = document.createElement('form')
      form.setAttribute('data-hxkit-upload', '')
      form.setAttribute('hx-post', '/kit-upload')
      form.setAttribute('hx-encoding', 'multipart/form-data')
      form.setAttribute('hx-target', 'this')
      form.setAttribute('hx-swap', 'outerHTML')
      const text = document.createElement('textarea')
      text.name = 'notes'
      text.setAttribute('aria-label', 'Notes')
      text.value = 'a'.repeat(1_500_000)
      const bar = document.createElement('progress')
      bar.max = 100
      bar.value = 0
      bar.hidden = true
      bar.id = 'kit-progress'
      bar.setAttribute('aria-label', 'Upload progress')
      const send = document.createElement('button')
      send.textContent = 'Send the notes'
      form.append(text, bar, send)
      document.querySelector('main')?.append(form)
      ;(window as unknown as { htmx: { process(elt: Element): void } }).htmx.process(form)
      const seen: number[] = []
      Reflect.set(window, 'kitProgress', seen)
      const timer = setInterval(() => {
        seen.push(bar.value)
        if (!bar.isConnected) {
          clearInterval(timer)
        }
      }, 20)
    })
    await page.getByRole('button', { name: 'Send the notes' }).click()

    await expect(page.locator('#kit-done')).toHaveText('Received.', { timeout: 15_000 })
    const values = await page.evaluate(() => Reflect.get(window, 'kitProgress') as number[])
    // the route answers in the browser, so the upload is not throttled: the bar goes to 100 from
    // htmx 2's own progress events (the gallery checks the steps in between, on htmx 4)
    expect(values.at(-1), `progress values seen: ${values.join(', ')}`).toBe(100)
    expect(values).toEqual([...values].sort((a, b) => a - b))
  })
})
