import { html } from '../html/index.ts'
import type { SafeHtml } from '../html/index.ts'

/** What every chart takes besides its data. */
export interface ChartBase {
  /** The figure's id, and the prefix of the title and description ids. */
  readonly id: string
  /** The chart's name: the SVG's `<title>` and the figure's caption. */
  readonly title: string
  /** A sentence saying what the data shows (the SVG's `<desc>`); a summary is made when absent. */
  readonly description?: string | undefined
  /** The viewBox size; the SVG scales to its container. @default 600 × 240 */
  readonly width?: number | undefined
  readonly height?: number | undefined
}

export interface DataTable {
  readonly head: readonly string[]
  readonly rows: readonly (readonly (string | number)[])[]
}

/** Number formatting of chart labels and data tables (en-GB, up to 2 decimals). */
export const number: Intl.NumberFormat = new Intl.NumberFormat('en-GB', {
  maximumFractionDigits: 2,
})

export function fmt(value: number | string): string {
  return typeof value === 'number' ? number.format(value) : value
}

// Two decimals are plenty for a 600-unit viewBox and keep the markup short.
export function r(value: number): string {
  return String(Math.round(value * 100) / 100)
}

/**
 * The figure around a chart: `role="img"` SVG named by its `<title>` and described by `<desc>`
 * (its children are then presentational, so tick labels are not read twice), the caption, and
 * the data as a real table in a `<details>` for anyone who wants the numbers.
 */
export function chartFrame(
  kind: string,
  base: ChartBase,
  description: string,
  svgBody: SafeHtml,
  table: DataTable
): SafeHtml {
  const width = base.width ?? 600
  const height = base.height ?? 240
  const { id } = base
  return html`<figure class="hx-chart hx-chart--${kind}" id="${id}"><figcaption>${base.title}</figcaption><svg viewBox="0 0 ${String(width)} ${String(height)}" role="img" aria-labelledby="${id}-t ${id}-d" preserveAspectRatio="xMidYMid meet"><title id="${id}-t">${base.title}</title><desc id="${id}-d">${base.description ?? description}</desc>${svgBody}</svg><details class="hx-chart-data"><summary>Data table<span class="visually-hidden">: ${base.title}</span></summary><table><thead><tr>${table.head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${table.rows.map((row) => html`<tr>${row.map((v, i) => (i === 0 ? html`<th scope="row">${fmt(v)}</th>` : html`<td>${fmt(v)}</td>`))}</tr>`)}</tbody></table></details></figure>`
}
