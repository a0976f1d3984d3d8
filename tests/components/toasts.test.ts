import { describe, expect, it } from 'vitest'
import { toastItem, toastRegion, toasts } from '../../src/components/index.ts'

describe('toastItem()', () => {
  it('renders an info toast without a role and an error as an alert', () => {
    expect(toastItem({ message: '<b>Saved</b>' }).value).toBe(
      '<div class="hx-toast hx-toast--info"><p>&lt;b&gt;Saved&lt;/b&gt;</p><button type="button" class="hx-toast-close" data-hxkit-dismiss aria-label="Dismiss">×</button></div>'
    )
    expect(toastItem({ message: 'Failed', kind: 'error' }).value).toContain(
      'class="hx-toast hx-toast--error" role="alert"'
    )
  })
})

describe('toastRegion()', () => {
  it('renders the polite region, empty or with the first toasts', () => {
    expect(toastRegion().value).toBe(
      '<div id="toasts" class="hx-toasts" role="status" aria-live="polite" aria-atomic="false"></div>'
    )
    expect(toastRegion([{ message: 'Hi', kind: 'success' }]).value).toContain('hx-toast--success')
  })
})

describe('toasts()', () => {
  it('appends the toasts to the region with an hx-partial', () => {
    const out = toasts({ message: 'One' }, { message: 'Two', kind: 'error' }).value

    expect(out.startsWith('<hx-partial hx-target="#toasts" hx-swap="beforeend">')).toBe(true)
    expect(out.match(/class="hx-toast /g)).toHaveLength(2)
  })
})
