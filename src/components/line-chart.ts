import { scaleLinear, scaleUtc } from 'd3-scale'
import { area, line } from 'd3-shape'
import { html } from '../html/index.ts'
import type { SafeHtml } from '../html/index.ts'
import { chartFrame, fmt, r } from './chart-frame.ts'
import type { ChartBase } from './chart-frame.ts'

/** One series of `lineChart()`: points with a date (UTC) and a value. */
export interface LineSeries {
  readonly name: string
  readonly points: readonly { readonly x: Date; readonly y: number }[]
}

/** What `lineChart()` takes. */
export interface LineChartProps extends ChartBase {
  readonly series: readonly LineSeries[]
  /** Fill the area under each line. */
  readonly area?: boolean | undefined
  /** How a y tick reads, e.g. money. @default en-GB number */
  readonly formatY?: ((value: number) => string) | undefined
}

const M = { top: 12, right: 12, bottom: 28, left: 56 }
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })

/**
 * A line or area chart over time: UTC x axis, nice y axis, one path per series (`series-0`,
 * `series-1`… coloured by the stylesheet's `--hx-series-N`), a legend when there are several
 * series, and the data table. No DOM, no style attributes: d3-scale and d3-shape compute the
 * numbers, `html` writes the SVG.
 *
 * @param props - id, title, series, area, y formatter
 * @see docs/components.md
 * @example
 * lineChart({ id: 'revenue', title: 'Revenue by day', area: true,
 *   series: [{ name: 'Revenue', points: days.map((d) => ({ x: d.date, y: d.total })) }] })
 */
export function lineChart(props: LineChartProps): SafeHtml {
  const width = props.width ?? 600
  const height = props.height ?? 240
  const formatY = props.formatY ?? fmt
  const all = props.series.flatMap((s) => s.points)
  const times = all.map((p) => p.x.getTime())
  const x0 = times.length === 0 ? 0 : Math.min(...times)
  const x1 = times.length === 0 ? 86_400_000 : Math.max(...times)
  const x = scaleUtc(
    [new Date(x0), new Date(x1 === x0 ? x0 + 86_400_000 : x1)],
    [M.left, width - M.right]
  )
  const top = Math.max(0, ...all.map((p) => p.y))
  const y = scaleLinear([0, top === 0 ? 1 : top], [height - M.bottom, M.top]).nice()
  const path = line<{ x: Date; y: number }>(
    (p) => x(p.x),
    (p) => y(p.y)
  ).digits(1)
  const fill = area<{ x: Date; y: number }>(
    (p) => x(p.x),
    y(0),
    (p) => y(p.y)
  ).digits(1)
  const yTicks = y
    .ticks(5)
    .map(
      (t) =>
        html`<g class="tick"><line x1="${String(M.left)}" x2="${String(width - M.right)}" y1="${r(y(t))}" y2="${r(y(t))}" /><text x="${String(M.left - 6)}" y="${r(y(t))}" dy="0.32em" text-anchor="end">${formatY(t)}</text></g>`
    )
  const xTicks = x
    .ticks(6)
    .map(
      (t) =>
        html`<text class="tick" x="${r(x(t))}" y="${String(height - M.bottom + 18)}" text-anchor="middle">${day.format(t)}</text>`
    )
  const paths = props.series.map(
    (s, i) =>
      html`${props.area === true ? html`<path class="area series-${String(i)}" d="${fill([...s.points]) ?? ''}" />` : ''}<path class="line series-${String(i)}" d="${path([...s.points]) ?? ''}" />`
  )
  const legend =
    props.series.length < 2
      ? ''
      : html`<g class="legend">${props.series.map(
          (s, i) =>
            html`<g transform="translate(${String(M.left + i * 120)},4)"><rect class="swatch series-${String(i)}" width="10" height="10" /><text x="14" y="9">${s.name}</text></g>`
        )}</g>`
  const summary = props.series
    .map((s) => {
      const first = s.points[0]
      const last = s.points.at(-1)
      const peak = s.points.reduce<{ x: Date; y: number } | undefined>(
        (a, p) => (a === undefined || p.y > a.y ? p : a),
        undefined
      )
      return first === undefined || last === undefined || peak === undefined
        ? `${s.name}: no data`
        : `${s.name}: from ${formatY(first.y)} on ${day.format(first.x)} to ${formatY(last.y)} on ${day.format(last.x)}; peak ${formatY(peak.y)} on ${day.format(peak.x)}`
    })
    .join('. ')
  const dates = [...new Set(all.map((p) => p.x.getTime()))].sort((a, b) => a - b)
  const rows = dates.map((t) => [
    day.format(new Date(t)),
    ...props.series.map((s) => {
      const hit = s.points.find((p) => p.x.getTime() === t)
      return hit === undefined ? '' : formatY(hit.y)
    }),
  ])
  const body = html`<g class="axis axis--y">${yTicks}</g><g class="axis axis--x">${xTicks}</g>${paths}${legend}`
  return chartFrame(props.area === true ? 'area' : 'line', props, `${summary}.`, body, {
    head: ['Date', ...props.series.map((s) => s.name)],
    rows,
  })
}
