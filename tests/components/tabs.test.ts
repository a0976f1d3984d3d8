import { describe, expect, it } from 'vitest'
import { tabs } from '../../src/components/index.ts'
import { scanCspSafety } from '../../src/csp/index.ts'

const list = [
  { key: 'items', label: 'Items', href: '/orders/7?tab=items' },
  { key: 'log', label: 'Activity', href: '/orders/7?tab=log' },
]

describe('tabs()', () => {
  it('renders the tab list with the selection and roving tabindex set on the server', () => {
    const out = tabs({
      id: 't',
      label: 'Order',
      tabs: list,
      selected: 'log',
      panel: 'the log',
    }).value

    expect(out).toContain('<div role="tablist" aria-label="Order">')
    expect(out).toContain(
      '<a role="tab" id="t-tab-items" href="/orders/7?tab=items" aria-selected="false" tabindex="-1">Items</a>'
    )
    expect(out).toContain(
      '<a role="tab" id="t-tab-log" href="/orders/7?tab=log" aria-selected="true" tabindex="0" aria-controls="t-panel">'
    )
    expect(out).toContain(
      '<div role="tabpanel" id="t-panel" aria-labelledby="t-tab-log" tabindex="0">the log</div>'
    )
  })

  it('swaps the tabs partial with htmx', () => {
    const out = tabs({
      id: 't',
      label: 'Order',
      tabs: list,
      selected: 'items',
      panel: '',
      target: { name: 'tabs', selector: '#tabs' },
    }).value

    expect(out).toContain(
      'hx-get="/orders/7?tab=log" hx-target="#tabs" hx-swap="outerHTML" hx-push-url="true"'
    )
    expect(scanCspSafety(out)).toEqual([])
  })
})
