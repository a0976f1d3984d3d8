import { describe, expect, it } from 'vitest'
import { dashboardGrid, lazyPanel } from '../../src/components/index.ts'

describe('lazyPanel()', () => {
  it('loads its body after the page, busy until then', () => {
    const out = lazyPanel({ id: 'rev', title: 'Revenue', get: '/panels/revenue' }).value

    expect(out).toContain(
      '<section class="hx-panel" id="rev" aria-labelledby="rev-title"><h2 id="rev-title">Revenue</h2>'
    )
    expect(out).toContain(
      '<div class="hx-panel-body" aria-busy="true" hx-get="/panels/revenue" hx-swap="innerHTML" hx-trigger="load">'
    )
    expect(out).toContain('<a href="/panels/revenue">Open Revenue</a>')
  })

  it('loads when revealed with a custom placeholder', () => {
    const out = lazyPanel({
      id: 'p',
      title: 'P',
      get: '/p',
      when: 'revealed',
      placeholder: 'Wait',
    }).value

    expect(out).toContain('hx-trigger="revealed">Wait</div>')
  })
})

describe('dashboardGrid()', () => {
  it('wraps the panels', () => {
    expect(dashboardGrid(['a', 'b']).value).toBe('<div class="hx-grid">ab</div>')
  })
})
