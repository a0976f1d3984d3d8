// The W3C Nu validator over the demo's pages and fragments (the orders console and the
// overview): zero errors other than htmx's own attribute names (hx-*, which HTML does not know).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { htmx4Element, htmx4Headers } from '../../src/testing/index.ts'
import { openTestApp } from './setup.ts'
import type { TestApp } from './setup.ts'

const JAR = join(import.meta.dirname, '../../node_modules/vnu-jar/build/dist/vnu.jar')
let t: TestApp
let dir: string
beforeAll(() => {
  t = openTestApp()
  dir = mkdtempSync(join(tmpdir(), 'hxkit-vnu-'))
})
afterAll(() => {
  t.cleanup()
  rmSync(dir, { recursive: true, force: true })
})

const fragmentPage = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fragment</title></head><body><table>${body.startsWith('<tr') ? `<tbody>${body}</tbody>` : ''}</table>${body.startsWith('<tr') ? '' : body}</body></html>`

interface VnuMessage {
  type: string
  message: string
  url: string
}

function validate(files: Record<string, string>): VnuMessage[] {
  const paths = Object.entries(files).map(([name, markup]) => {
    const path = join(dir, `${name}.html`)
    writeFileSync(path, markup)
    return path
  })
  let out: string
  try {
    out = execFileSync(
      'java',
      ['-jar', JAR, '--errors-only', '--format', 'json', '--stdout', ...paths],
      {
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      }
    )
  } catch (error) {
    out = (error as { stdout: string }).stdout
  }
  const messages = (JSON.parse(out) as { messages: VnuMessage[] }).messages
  // htmx's attributes (hx-get, hx-status:4xx, hx-nonce…) and the <hx-partial> element are htmx's own
  return messages.filter(
    (m) =>
      !/Attribute “hx-[^”]*” not allowed|Element “hx-partial” not allowed|“hx-partial”/.test(
        m.message
      )
  )
}

describe('the W3C Nu validator', () => {
  it('finds no errors in the pages and fragments', { timeout: 120_000 }, async () => {
    const get = async (path: string, headers: Record<string, string> = {}) =>
      (await t.app.request(path, { headers })).text()
    const table = htmx4Headers({ source: 'a', target: htmx4Element('section', 'orders-table') })
    const row = htmx4Headers({ source: 'a', target: htmx4Element('tr', 'order-7') })
    const files: Record<string, string> = {
      overview: await get('/'),
      orders: await get('/orders?status=pending&sort=total'),
      'orders-empty': await get('/orders?q=nobody'),
      detail: await get('/orders/12'),
      'table-partial': fragmentPage(await get('/orders?sort=-total', table)),
      'edit-row': fragmentPage(await get('/orders/7/row/edit', row)),
      'display-row': fragmentPage(await get('/orders/7/row', row)),
      'dialog-form': fragmentPage(
        `<dialog id="order-dialog">${await get('/orders/12/dialog')}</dialog>`
      ),
    }

    expect(validate(files).map((m) => `${m.url.split('/').pop() ?? ''}: ${m.message}`)).toEqual([])
  })
})
