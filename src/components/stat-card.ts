import { html } from '../html/index.ts'
import type { SafeHtml } from '../html/index.ts'
import { sparkline } from './sparkline.ts'

/** What `statCard()` takes. */
export interface StatCardProps {
  readonly label: string
  /** The figure, formatted. */
  readonly value: string
  /** The change against the previous period, as a fraction (0.12 = +12 %). */
  readonly trend?: number | undefined
  /** What the trend compares with. @default 'vs previous period' */
  readonly period?: string | undefined
  /** `true` when a fall is good news (refunds). */
  readonly lowerIsBetter?: boolean | undefined
  /** Values for a sparkline under the figure. */
  readonly history?: readonly number[] | undefined
}

const pct = new Intl.NumberFormat('en-GB', {
  style: 'percent',
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
})

/**
 * A stat card: label, figure, trend (arrow and sign as text, "up"/"down" for screen readers,
 * `hx-trend--good`/`--bad` for colour) and an optional sparkline. A `<div>` of a `<dl>`: put the
 * cards inside `<dl class="hx-stat-grid">`.
 *
 * @param props - label, value, trend, history
 * @see docs/components.md
 * @example
 * html`<dl class="hx-stat-grid">${statCard({ label: 'Orders', value: '5,400', trend: 0.12, history })}</dl>`
 */
export function statCard(props: StatCardProps): SafeHtml {
  let trend: SafeHtml | string = ''
  if (props.trend !== undefined) {
    const up = props.trend > 0
    const flat = props.trend === 0
    const good = flat ? 'flat' : up !== (props.lowerIsBetter === true) ? 'good' : 'bad'
    const arrow = flat ? '→' : up ? '↑' : '↓'
    const word = flat ? 'unchanged' : up ? 'up' : 'down'
    trend = html`<span class="hx-trend hx-trend--${good}"><span aria-hidden="true">${arrow}</span><span class="visually-hidden">${word}</span> ${pct.format(props.trend)} <span class="hx-trend-period">${props.period ?? 'vs previous period'}</span></span>`
  }
  const spark =
    props.history === undefined || props.history.length === 0
      ? ''
      : sparkline({ values: props.history, label: `${props.label} history` })
  return html`<div class="hx-stat-card"><dt>${props.label}</dt><dd><span class="hx-stat-value">${props.value}</span>${trend}${spark}</dd></div>`
}
