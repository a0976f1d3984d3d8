// The overview's charts: revenue by day (the last 30 days of orders) and orders by status.
import type { Database } from 'better-sqlite3'
import { donut, lineChart } from '../../src/components/index.ts'
import { html } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { ORDER_STATUSES } from '../seed.ts'

const euros = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
})

/**
 * The two charts, side by side.
 *
 * @param db - the demo database
 * @example
 * overviewCharts(db.sqlite())
 */
export function overviewCharts(db: Database): SafeHtml {
  const days = db
    .prepare(
      `SELECT substr(created_at, 1, 10) AS day, SUM(total_cents) AS cents FROM orders
       WHERE status != 'cancelled' AND created_at >= (SELECT date(MAX(created_at), '-29 days') FROM orders)
       GROUP BY day ORDER BY day`
    )
    .all() as { day: string; cents: number }[]
  const statuses = new Map(
    (
      db.prepare('SELECT status, COUNT(*) AS n FROM orders GROUP BY status').all() as {
        status: string
        n: number
      }[]
    ).map((r) => [r.status, r.n])
  )
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
        slices: ORDER_STATUSES.map((s) => ({ label: s, value: statuses.get(s) ?? 0 })),
      })}
    </div>`
}
