// File upload, preserving file inputs, reset user input: the form examples.
import { expect, test } from './fixture.ts'

/** What Chromium and htmx 4 log for a 422 the example expects. */
const EXPECTED_422 = ['the server responded with a status of 422', '[hxkit] htmx:response:error:']

const textFile = (name: string, size: number) => ({
  name,
  mimeType: 'text/plain',
  buffer: Buffer.alloc(size, 'a'),
})

test.describe('file upload', () => {
  test('uploads a file and fills the progress bar', async ({ page }) => {
    await page.goto('/file-upload')
    await page.getByLabel('File').setInputFiles(textFile('notes.txt', 300_000))
    const upload = page.waitForRequest((req) => req.url().endsWith('/file-upload'))
    await page.getByRole('button', { name: 'Upload' }).click()

    expect((await upload).method()).toBe('POST')
    await expect(page.getByRole('status').filter({ hasText: 'Received' })).toHaveText(
      /Received notes\.txt: 300000 bytes\./
    )
  })

  test('advances the <progress> during the upload; the answer keeps its htmx', async ({ page }) => {
    await page.goto('/file-upload')
    // a slow uplink (about 1 MB/s), so the upload takes a while and reports progress on its way
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 1_000_000,
    })
    await page.getByLabel('File').setInputFiles(textFile('big.txt', 1_500_000))
    const values: number[] = []
    await page.exposeFunction('recordProgress', (value: number) => values.push(value))
    await page.evaluate(() => {
      const bar = document.getElementById('upload-progress') as HTMLProgressElement
      const record = (window as unknown as { recordProgress: (v: number) => void }).recordProgress
      // value changes are properties, not attributes: sample them while the upload runs
      const timer = setInterval(() => {
        record(bar.value)
        if (!bar.isConnected) {
          clearInterval(timer)
        }
      }, 20)
    })
    await page.getByRole('button', { name: 'Upload' }).click()

    await expect(page.getByRole('status').filter({ hasText: 'Received' })).toHaveText(
      /Received big\.txt: 1500000 bytes\./,
      { timeout: 15_000 }
    )
    const between = values.filter((value) => value > 0 && value < 100)
    expect(between.length, `progress values seen: ${values.join(', ')}`).toBeGreaterThan(1)
    expect(values).toEqual([...values].sort((a, b) => a - b))
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    })
    // the answer came through htmx and hx-csp: its hx-get kept its nonce and still works
    await page.getByRole('link', { name: 'Upload another file' }).click()
    await expect(page.getByLabel('File')).toBeVisible()
    await expect(page.locator('#upload-progress')).toHaveJSProperty('value', 0)
    await expect(page).toHaveURL(/\/file-upload$/)
  })

  test.describe('without a file', () => {
    test.use({ expectConsoleErrors: EXPECTED_422 })

    test('answers 422 with the message', async ({ page }) => {
      await page.goto('/file-upload')
      await page.locator('#upload-form').evaluate((form) => {
        form.setAttribute('novalidate', '')
      })
      await page.getByRole('button', { name: 'Upload' }).click()

      await expect(page.locator('#upload-form-upload-error')).toHaveText(
        'Choose a file of at most 2 MB'
      )
    })
  })
})

test.describe('preserving file inputs', () => {
  test.use({ expectConsoleErrors: EXPECTED_422 })

  test('keeps the chosen file across a 422 re-render, then sends it', async ({ page }) => {
    await page.goto('/preserving-file-inputs')
    await page.getByLabel('Attachment').setInputFiles(textFile('plan.txt', 1000))
    await page.getByLabel('Title').fill('ab')
    await page.locator('#attachment-form').evaluate((form) => {
      form.setAttribute('novalidate', '')
    })
    await page.getByRole('button', { name: 'Send' }).click()

    await expect(page.locator('#attachment-form-title-error')).not.toBeEmpty()
    const files = await page
      .getByLabel('Attachment')
      .evaluate((input) => (input as HTMLInputElement).files?.length ?? 0)
    expect(files).toBe(1)
    await page.getByLabel('Title').fill('The plan')
    await page.getByRole('button', { name: 'Send' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Sent' })).toHaveText(
      /Sent “The plan” with plan\.txt\./
    )
  })
})

test.describe('reset user input', () => {
  test('empties the input after a note is added', async ({ page }) => {
    await page.goto('/reset-input')
    await page.getByRole('textbox', { name: 'Note' }).fill('Call Ada')
    await page.getByRole('button', { name: 'Add note' }).click()

    await expect(page.getByRole('list', { name: 'Notes' }).locator('li').first()).toHaveText(
      'Call Ada'
    )
    await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue('')
  })

  test.describe('with an empty note', () => {
    test.use({ expectConsoleErrors: EXPECTED_422 })

    test('keeps the form and shows the message (422)', async ({ page }) => {
      await page.goto('/reset-input')
      await page.getByRole('textbox', { name: 'Note' }).fill('   ')
      await page.getByRole('button', { name: 'Add note' }).click()

      await expect(page.locator('#note-form-note-error')).toHaveText('Write a note first')
      await expect(page.getByRole('textbox', { name: 'Note' })).toHaveValue('   ')
    })
  })
})
