import { describe, expect, it } from 'vitest'
import { disclosure } from '../../src/components/index.ts'

describe('disclosure()', () => {
  it('renders details and summary, open and grouped', () => {
    expect(disclosure({ summary: 'More', body: 'Text', name: 'faq', open: true }).value).toBe(
      '<details class="hx-disclosure" name="faq" open><summary>More</summary><div class="hx-disclosure-body">Text</div></details>'
    )
  })

  it('loads its body on first open, with a link without JavaScript', () => {
    const out = disclosure({ summary: 'Address', get: '/orders/7/address' }).value

    expect(out).toContain(
      'hx-get="/orders/7/address" hx-target="find .hx-disclosure-body" hx-swap="innerHTML" hx-trigger="toggle once"'
    )
    expect(out).toContain('<a href="/orders/7/address">Show</a>')
    expect(disclosure({ summary: 'Empty' }).value).toContain(
      '<div class="hx-disclosure-body"></div>'
    )
  })
})
