import { describe, expect, it } from 'vitest'
import { lineChart } from '../../src/components/index.ts'
import { expectCleanSvg } from './charts.ts'

const day = (d: number) => new Date(Date.UTC(2026, 10, d))

describe('lineChart()', () => {
  it('renders a figure with title, description, axes, paths and the data table', () => {
    const out = lineChart({
      id: 'rev',
      title: 'Revenue by day',
      area: true,
      formatY: (v) => `€${String(v)}`,
      series: [
        { name: 'Revenue', points: [1, 2, 3].map((d) => ({ x: day(d), y: d * 100 })) },
        { name: 'Refunds', points: [{ x: day(2), y: 20 }] },
      ],
    }).value

    expect(out).toContain(
      '<figure class="hx-chart hx-chart--area" id="rev"><figcaption>Revenue by day</figcaption><svg viewBox="0 0 600 240" role="img" aria-labelledby="rev-t rev-d"'
    )
    expect(out).toContain('<title id="rev-t">Revenue by day</title>')
    expect(out).toContain(
      '<desc id="rev-d">Revenue: from €100 on 1 Nov to €300 on 3 Nov; peak €300 on 3 Nov. Refunds: from €20 on 2 Nov'
    )
    expect(out).toContain('<path class="area series-0"')
    expect(out).toContain('<path class="line series-1"')
    expect(out).toContain('<g class="legend">')
    expect(out).toContain('<tr><th scope="row">1 Nov</th><td>€100</td><td></td></tr>')
    expectCleanSvg(out)
  })

  it('renders an empty chart and takes a description', () => {
    const out = lineChart({
      id: 'e',
      title: 'Empty',
      description: 'Nothing yet.',
      series: [{ name: 'A', points: [] }],
    }).value

    expect(out).toContain('<desc id="e-d">Nothing yet.</desc>')
    expect(out).toContain('hx-chart--line')
    expectCleanSvg(
      lineChart({ id: 'e', title: 'Empty', series: [{ name: 'A', points: [] }] }).value
    )
  })
})
