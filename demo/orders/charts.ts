// The overview's charts: revenue by day (the last 30 days of orders) and orders by status.
import { donut, lineChart } from '../../src/components/index.ts'
import { html } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import type { ChartData } from '../db.ts'
import { ORDER_STATUSES } from '../seed.ts'

const euros = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
})

let last: { data: ChartData; markup: SafeHtml } | undefined

/**
 * The two charts, side by side. The markup depends on the data alone, and `db.charts()` returns the
 * same object until an order changes, so the last rendering is kept and reused for the same data.
 *
 * @param data - the charts' data (`db.charts()`)
 * @example
 * overviewCharts(db.charts())
 */
export function overviewCharts(data: ChartData): SafeHtml {
  if (last?.data !== data) {
    last = { data, markup: renderCharts(data) }
  }
  return last.markup
}

function renderCharts({ days, statuses }: ChartData): SafeHtml {
  const counts = new Map(statuses.map((r) => [r.status, r.n]))
  return html`<h2 id="charts-heading" class="visually-hidden">Charts</h2>
    <div class="chart-grid">
      ${lineChart({
        id: 'revenue-chart',
        title: 'Revenue by day, last 30 days',
        area: true,
        formatY: (v) => euros.format(v),
        series: [
          {
            name: 'Revenue',
            points: days.map((d) => ({ x: new Date(`${d.day}T00:00:00Z`), y: d.cents / 100 })),
          },
        ],
      })}
      ${donut({
        id: 'status-chart',
        title: 'Orders by status',
        slices: ORDER_STATUSES.map((s) => ({ label: s, value: counts.get(s) ?? 0 })),
      })}
    </div>`
}
