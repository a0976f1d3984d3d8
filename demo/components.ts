// Small presentational pieces shared by the demo pages: money, dates, stat cards, pager.
import { html } from '../src/html/index.ts'
import type { SafeHtml } from '../src/html/index.ts'
import type { Stats } from './db.ts'

const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' })
const count = new Intl.NumberFormat('en-GB')

/**
 * Formats cents as euros.
 *
 * @param cents - an amount in cents
 * @example
 * formatMoney(123456) // '€1,234.56'
 */
export function formatMoney(cents: number): string {
  return money.format(cents / 100)
}

/**
 * Formats an ISO timestamp as `YYYY-MM-DD HH:MM` (UTC), the same on every machine.
 *
 * @param iso - an ISO 8601 timestamp
 * @example
 * formatDate('2025-01-02T03:04:05Z') // '2025-01-02 03:04'
 */
export function formatDate(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ')
}

/**
 * The overview's eight figures as `[label, formatted value]` pairs (the benchmarks render the
 * same list, so their hand-built pages cannot drift from the demo's).
 *
 * @param stats - the numbers
 * @example
 * statItems(db.stats())[0] // ['Orders', '5,400']
 */
export function statItems(stats: Stats): [label: string, value: string][] {
  return [
    ['Orders', count.format(stats.orders)],
    ['Revenue', formatMoney(stats.revenueCents)],
    ['Average order', formatMoney(stats.averageCents)],
    ['Customers', count.format(stats.customers)],
    ['Pending', count.format(stats.pending)],
    ['Shipped', count.format(stats.shipped)],
    ['Delivered', count.format(stats.delivered)],
    ['Cancelled', count.format(stats.cancelled)],
  ]
}

/**
 * The eight stat cards of the overview.
 *
 * @param stats - the numbers
 * @example
 * statCards(db.stats())
 */
export function statCards(stats: Stats): SafeHtml {
  const cards = statItems(stats)
  return html`<h2 id="stats-heading" class="visually-hidden">Key figures</h2>
    <dl class="stat-grid">
      ${cards.map(
        ([label, value]) =>
          html`<div class="stat-card">
            <dt>${label}</dt>
            <dd>${value}</dd>
          </div>`
      )}
    </dl>`
}

/** A link that works without JavaScript and, with htmx, swaps only one partial. */
export interface RegionLink {
  href: string
  label: string
  /** Markup of the htmx attributes (from `hx()`), rendered after `href`. */
  enhance: (href: string) => SafeHtml
  current?: boolean | undefined
  rel?: string | undefined
}

/**
 * A pager: Previous, the page count, Next. The ends render as text, not dead links.
 *
 * @param options - label, page numbers and a URL builder per page
 * @example
 * pager({ label: 'Orders pages', page: 2, pageCount: 9, url: (p) => `/?page=${p}`, enhance })
 */
export function pager(options: {
  label: string
  page: number
  pageCount: number
  url: (page: number) => string
  enhance: (href: string) => SafeHtml
}): SafeHtml {
  const { label, page, pageCount, url, enhance } = options
  const link = (target: number, text: string, rel: string): SafeHtml => {
    if (target < 1 || target > pageCount || target === page) {
      return html`<span class="pager-end" aria-disabled="true">${text}</span>`
    }
    const href = url(target)
    return html`<a href="${href}" rel="${rel}" ${enhance(href)}>${text}</a>`
  }
  return html`<nav class="pager" aria-label="${label}">
    ${link(page - 1, 'Previous', 'prev')}
    <span class="pager-status">Page ${page} of ${pageCount}</span>
    ${link(page + 1, 'Next', 'next')}
  </nav>`
}
