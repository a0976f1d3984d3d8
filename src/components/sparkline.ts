import { scaleLinear } from 'd3-scale'
import { line } from 'd3-shape'
import { html } from '../html/index.ts'
import type { SafeHtml } from '../html/index.ts'
import { fmt } from './chart-frame.ts'

/** What `sparkline()` takes. */
export interface SparklineProps {
  readonly values: readonly number[]
  /** The accessible name, e.g. "Orders, last 14 days". */
  readonly label: string
  readonly width?: number | undefined
  readonly height?: number | undefined
}

/**
 * A small inline line chart (in a table cell or a stat card): an SVG `role="img"` whose name
 * says the range and the last value. Geometry from d3-scale and d3-shape; colour from the kit
 * stylesheet (`.hx-spark`), so it follows the theme and dark mode.
 *
 * @param props - values, label, size (default 100 × 24)
 * @see docs/components.md
 * @example
 * sparkline({ values: [3, 5, 2, 8], label: 'Orders, last 4 days' })
 */
export function sparkline(props: SparklineProps): SafeHtml {
  const width = props.width ?? 100
  const height = props.height ?? 24
  const values = props.values
  const min = Math.min(...values)
  const max = Math.max(...values)
  const x = scaleLinear([0, Math.max(1, values.length - 1)], [1, width - 1])
  const y = scaleLinear([min, max === min ? min + 1 : max], [height - 2, 2])
  const d =
    line<number>(
      (_, i) => x(i),
      (v) => y(v)
    ).digits(1)(values) ?? ''
  const last = values.at(-1)
  const name =
    last === undefined
      ? `${props.label}: no data`
      : `${props.label}: from ${fmt(min)} to ${fmt(max)}, last ${fmt(last)}`
  return html`<svg class="hx-spark" viewBox="0 0 ${String(width)} ${String(height)}" width="${String(width)}" height="${String(height)}" role="img" aria-label="${name}"><path d="${d}" /></svg>`
}
