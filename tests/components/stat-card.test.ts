import { describe, expect, it } from 'vitest'
import { statCard } from '../../src/components/index.ts'

describe('statCard()', () => {
  it('renders the figure, the trend in words and a sparkline', () => {
    const out = statCard({ label: 'Orders', value: '5,400', trend: 0.12, history: [1, 2, 3] }).value

    expect(out).toContain(
      '<div class="hx-stat-card"><dt>Orders</dt><dd><span class="hx-stat-value">5,400</span>'
    )
    expect(out).toContain(
      '<span class="hx-trend hx-trend--good"><span aria-hidden="true">↑</span><span class="visually-hidden">up</span> +12%'
    )
    expect(out).toContain('class="hx-spark"')
  })

  it.each([
    [-0.05, false, 'hx-trend--bad', 'down'],
    [-0.05, true, 'hx-trend--good', 'down'],
    [0, false, 'hx-trend--flat', 'unchanged'],
  ])('marks %d (lower is better: %s) as %s', (trend, lowerIsBetter, cls, word) => {
    const out = statCard({
      label: 'Refunds',
      value: '3',
      trend,
      lowerIsBetter,
      period: 'vs last week',
    }).value

    expect(out).toContain(cls)
    expect(out).toContain(`>${word}</span>`)
    expect(out).toContain('vs last week')
  })

  it('renders without trend or history', () => {
    expect(statCard({ label: 'A', value: '1', history: [] }).value).toBe(
      '<div class="hx-stat-card"><dt>A</dt><dd><span class="hx-stat-value">1</span></dd></div>'
    )
  })
})
