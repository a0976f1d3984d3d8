import { scaleBand, scaleLinear } from 'd3-scale'
import { stack } from 'd3-shape'
import { html } from '../html/index.ts'
import type { SafeHtml } from '../html/index.ts'
import { chartFrame, fmt, r } from './chart-frame.ts'
import type { ChartBase } from './chart-frame.ts'

/** What `barChart()` takes: categories, and one value per category for each series. */
export interface BarChartProps extends ChartBase {
  readonly categories: readonly string[]
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[]
  /** `'grouped'` side by side, `'stacked'` on top of each other. @default 'grouped' */
  readonly layout?: 'grouped' | 'stacked' | undefined
  readonly formatY?: ((value: number) => string) | undefined
}

const M = { top: 12, right: 12, bottom: 28, left: 56 }

/**
 * A bar chart, grouped or stacked (d3-shape's `stack`), with a y axis, category labels, a legend
 * for several series and the data table; bars are `<rect class="bar series-N">`, coloured by the
 * stylesheet.
 *
 * @param props - id, title, categories, series, layout
 * @see docs/components.md
 * @example
 * barChart({ id: 'by-city', title: 'Orders by city', categories: ['Lyon', 'Oslo'],
 *   series: [{ name: 'Orders', values: [120, 80] }] })
 */
export function barChart(props: BarChartProps): SafeHtml {
  const width = props.width ?? 600
  const height = props.height ?? 240
  const formatY = props.formatY ?? fmt
  const stacked = props.layout === 'stacked'
  const value = (s: number, c: number): number => props.series[s]?.values[c] ?? 0
  const x = scaleBand([...props.categories], [M.left, width - M.right]).padding(0.2)
  const totals = props.categories.map((_, c) =>
    stacked
      ? props.series.reduce((sum, _s, s) => sum + value(s, c), 0)
      : Math.max(0, ...props.series.map((_s, s) => value(s, c)))
  )
  const top = Math.max(0, ...totals)
  const y = scaleLinear([0, top === 0 ? 1 : top], [height - M.bottom, M.top]).nice()
  const inner = scaleBand(
    props.series.map((_, s) => String(s)),
    [0, x.bandwidth()]
  ).padding(0.05)
  let bars: SafeHtml[]
  if (stacked) {
    const rows = props.categories.map((_, c) => props.series.map((_s, s) => value(s, c)))
    const layers = stack<number[], number>()
      .keys(props.series.map((_, s) => s))
      .value((row, key) => row[key] ?? 0)(rows)
    bars = layers.flatMap((layer, s) =>
      layer.map(
        ([y0, y1], c) =>
          html`<rect class="bar series-${String(s)}" x="${r(x(props.categories[c] ?? '') ?? 0)}" y="${r(y(y1))}" width="${r(x.bandwidth())}" height="${r(Math.max(0, y(y0) - y(y1)))}" />`
      )
    )
  } else {
    bars = props.categories.flatMap((category, c) =>
      props.series.map(
        (_s, s) =>
          html`<rect class="bar series-${String(s)}" x="${r((x(category) ?? 0) + (inner(String(s)) ?? 0))}" y="${r(y(value(s, c)))}" width="${r(inner.bandwidth())}" height="${r(y(0) - y(value(s, c)))}" />`
      )
    )
  }
  const yTicks = y
    .ticks(5)
    .map(
      (t) =>
        html`<g class="tick"><line x1="${String(M.left)}" x2="${String(width - M.right)}" y1="${r(y(t))}" y2="${r(y(t))}" /><text x="${String(M.left - 6)}" y="${r(y(t))}" dy="0.32em" text-anchor="end">${formatY(t)}</text></g>`
    )
  const labels = props.categories.map(
    (category) =>
      html`<text class="tick" x="${r((x(category) ?? 0) + x.bandwidth() / 2)}" y="${String(height - M.bottom + 18)}" text-anchor="middle">${category}</text>`
  )
  const legend =
    props.series.length < 2
      ? ''
      : html`<g class="legend">${props.series.map(
          (s, i) =>
            html`<g transform="translate(${String(M.left + i * 120)},4)"><rect class="swatch series-${String(i)}" width="10" height="10" /><text x="14" y="9">${s.name}</text></g>`
        )}</g>`
  const best = totals.indexOf(top)
  const description =
    props.categories.length === 0
      ? 'No data.'
      : `${String(props.categories.length)} categories; highest ${props.categories[best] ?? ''} with ${formatY(top)}.`
  return chartFrame(
    stacked ? 'stacked' : 'bar',
    props,
    description,
    html`<g class="axis axis--y">${yTicks}</g><g class="axis axis--x">${labels}</g>${bars}${legend}`,
    {
      head: ['Category', ...props.series.map((s) => s.name)],
      rows: props.categories.map((category, c) => [
        category,
        ...props.series.map((_s, s) => formatY(value(s, c))),
      ]),
    }
  )
}
