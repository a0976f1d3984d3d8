// The "Export to CSV" form above the orders table: it carries the table's current sort, offers a
// status filter, and shows the export's progress below it.
import { html, hx } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import type { OrdersQuery } from '../query.ts'
import { ORDER_STATUSES } from '../seed.ts'

/**
 * The export form for the orders table in state `query`; without JavaScript it posts and lands on
 * the task's page, with htmx the progress partial appears in `#export-progress`.
 *
 * @param query - the orders table's state
 * @example
 * overviewPage(db, layout, { ordersTools: exportForm })
 */
export function exportForm(query: OrdersQuery): SafeHtml {
  return html`<form
      class="orders-export"
      method="post"
      action="/tasks/export"
      ${hx({ post: '/tasks/export', target: '#export-progress' })}
    >
      <input type="hidden" name="sort" value="${query.sort}" />
      <input type="hidden" name="dir" value="${query.dir}" />
      <label for="export-status-filter">Orders to export</label>
      <select id="export-status-filter" name="status">
        <option value="">All statuses</option>
        ${ORDER_STATUSES.map((status) => html`<option value="${status}">${status}</option>`)}
      </select>
      <button type="submit">Export to CSV</button>
    </form>
    <div id="export-progress" class="export-progress"></div>`
}
