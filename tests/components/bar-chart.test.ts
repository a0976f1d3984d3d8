import { describe, expect, it } from 'vitest'
import { barChart } from '../../src/components/index.ts'
import { expectCleanSvg } from './charts.ts'

const props = {
  id: 'cities',
  title: 'Orders by city',
  categories: ['Lyon', 'Oslo', 'Porto'],
  series: [
    { name: 'Pending', values: [3, 5, 1] },
    { name: 'Shipped', values: [4, 2, 6] },
  ],
}

describe('barChart()', () => {
  it('renders grouped bars with labels, legend and table', () => {
    const out = barChart(props).value

    expect(out.match(/<rect class="bar series-/g)).toHaveLength(6)
    expect(out).toContain('>Oslo</text>')
    expect(out).toContain('<desc id="cities-d">3 categories; highest Porto with 6.</desc>')
    expect(out).toContain('<tr><th scope="row">Lyon</th><td>3</td><td>4</td></tr>')
    expectCleanSvg(out)
  })

  it('stacks the series', () => {
    const out = barChart({
      ...props,
      layout: 'stacked',
      formatY: (v) => `${String(v)} orders`,
    }).value

    expect(out).toContain('hx-chart--stacked')
    expect(out).toContain('highest Lyon with 7 orders')
    expectCleanSvg(out)
  })

  it('renders no data', () => {
    const out = barChart({
      id: 'n',
      title: 'None',
      categories: [],
      series: [{ name: 'x', values: [] }],
    }).value

    expect(out).toContain('<desc id="n-d">No data.</desc>')
    expectCleanSvg(out)
  })
})
