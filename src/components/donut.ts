import { arc, pie } from 'd3-shape'
import type { PieArcDatum } from 'd3-shape'
import { html } from '../html/index.ts'
import type { SafeHtml } from '../html/index.ts'
import { chartFrame, fmt } from './chart-frame.ts'
import type { ChartBase } from './chart-frame.ts'

/** One slice of `donut()`. */
export interface DonutSlice {
  readonly label: string
  readonly value: number
  /** A class for the slice's colour (`status-shipped`); default `series-<index>`. */
  readonly class?: string | undefined
}

/** What `donut()` takes. */
export interface DonutProps extends ChartBase {
  readonly slices: readonly DonutSlice[]
}

const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 })

/**
 * A donut chart (d3-shape's `pie` and `arc`) with the total in the middle, a legend with each
 * slice's share, and the data table. Slices are `<path class="slice series-N">` (or your class).
 *
 * @param props - id, title, slices
 * @see docs/components.md
 * @example
 * donut({ id: 'by-status', title: 'Orders by status',
 *   slices: [{ label: 'Pending', value: 120 }, { label: 'Shipped', value: 300 }] })
 */
export function donut(props: DonutProps): SafeHtml {
  const width = props.width ?? 600
  const height = props.height ?? 240
  const radius = Math.min(height / 2 - 8, width / 4)
  const total = props.slices.reduce((sum, s) => sum + s.value, 0)
  const arcs = pie<DonutSlice>()
    .value((s) => s.value)
    .sort(null)([...props.slices])
  const path = arc<PieArcDatum<DonutSlice>>()
    .innerRadius(radius * 0.6)
    .outerRadius(radius)
    .digits(1)
  const cx = radius + 16
  const cy = height / 2
  const cls = (s: DonutSlice, i: number): string => s.class ?? `series-${String(i)}`
  const share = (v: number): string => percent.format(total === 0 ? 0 : v / total)
  const slices = arcs.map(
    (a, i) => html`<path class="slice ${cls(a.data, i)}" d="${path(a) ?? ''}" />`
  )
  const legend = props.slices.map(
    (s, i) =>
      html`<g transform="translate(${String(cx + radius + 32)},${String(cy - (props.slices.length * 22) / 2 + i * 22)})"><rect class="swatch ${cls(s, i)}" width="12" height="12" /><text x="18" y="11">${s.label}: ${fmt(s.value)} (${share(s.value)})</text></g>`
  )
  const description =
    total === 0
      ? 'No data.'
      : `Total ${fmt(total)}: ${props.slices.map((s) => `${s.label} ${share(s.value)}`).join(', ')}.`
  return chartFrame(
    'donut',
    props,
    description,
    html`<g transform="translate(${String(cx)},${String(cy)})">${slices}<text class="donut-total" text-anchor="middle" dy="0.32em">${fmt(total)}</text></g><g class="legend">${legend}</g>`,
    {
      head: ['Slice', 'Value', 'Share'],
      rows: props.slices.map((s) => [s.label, s.value, share(s.value)]),
    }
  )
}
