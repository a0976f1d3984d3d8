import { Context } from 'hono'
import { describe, expect, it } from 'vitest'
import { html } from '../../src/html/index.ts'
import { hxPartial, partial } from '../../src/partials/index.ts'

const rows = partial(
  'rows',
  () =>
    // prettier-ignore
    html`<tr><td>1</td></tr>`,
  { tag: 'tbody', id: 'order-rows' }
)

describe('hxPartial', () => {
  describe('without a swap', () => {
    it('targets the partial with outerHTML and keeps table rows intact', async () => {
      const markup = await rows.render(new Context(new Request('http://localhost/')))

      const block = hxPartial(rows, markup)

      expect(String(block)).toBe(
        '<hx-partial hx-target="#order-rows" hx-swap="outerHTML"><tbody id="order-rows"><tr><td>1</td></tr></tbody></hx-partial>'
      )
    })
  })

  describe('with a swap', () => {
    it('uses it, escaped', () => {
      const block = hxPartial(rows, html`<tr></tr>`, 'beforeend "x"')

      expect(String(block)).toBe(
        '<hx-partial hx-target="#order-rows" hx-swap="beforeend &quot;x&quot;"><tr></tr></hx-partial>'
      )
    })
  })
})
