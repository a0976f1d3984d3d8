import { describe, expect, it } from 'vitest'
import { donut } from '../../src/components/index.ts'
import { expectCleanSvg } from './charts.ts'

describe('donut()', () => {
  it('renders slices, the total, shares and the table', () => {
    const out = donut({
      id: 'status',
      title: 'Orders by status',
      slices: [
        { label: 'Pending', value: 25, class: 'status-pending' },
        { label: 'Shipped', value: 75 },
      ],
    }).value

    expect(out).toContain('<path class="slice status-pending" d="M')
    expect(out).toContain('<path class="slice series-1" d="M')
    expect(out).toContain('>100</text>')
    expect(out).toContain('Shipped: 75 (75%)')
    expect(out).toContain('<desc id="status-d">Total 100: Pending 25%, Shipped 75%.</desc>')
    expectCleanSvg(out)
  })

  it('renders an empty donut', () => {
    const out = donut({ id: 'e', title: 'Empty', slices: [{ label: 'A', value: 0 }] }).value

    expect(out).toContain('No data.')
    expect(out).toContain('A: 0 (0%)')
  })
})
