// Inline status edit of one table row: the edit row, and reading the posted status.
import { z } from 'zod'
import { editRow } from '../../src/components/index.ts'
import { html } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { formatDate, formatMoney } from '../components.ts'
import { ORDER_STATUSES } from '../seed.ts'
import type { ConsoleOrder } from './store.ts'
import { ORDERS_PATH } from './table.ts'

/** The posted status: one of the known ones. */
export const statusSchema = z.object({
  status: z.enum(ORDER_STATUSES, { error: 'Choose a status from the list' }),
})

function statusSelect(id: string, current: string): SafeHtml {
  return html`<select id="${id}" name="status" aria-label="Status">${ORDER_STATUSES.map(
    (s) => html`<option value="${s}"${s === current ? ' selected' : ''}>${s}</option>`
  )}</select>`
}

/**
 * The edit row of an order: the status as a select, the rest as text, Save and Cancel.
 *
 * @param order - the order
 * @param [error] - the message after a bad status
 * @example
 * editOrderRow(order)
 */
export function editOrderRow(order: ConsoleOrder, error?: string): SafeHtml {
  const id = `order-${String(order.id)}`
  const url = `${ORDERS_PATH}/${String(order.id)}/row`
  return editRow({
    id,
    put: url,
    cancel: url,
    label: `order ${String(order.id)}`,
    nested: true,
    ...(error === undefined ? {} : { error }),
    cells: [
      '',
      `#${String(order.id)}`,
      order.customer,
      statusSelect(`${id}-status`, order.status),
      formatMoney(order.totalCents),
      html`<time datetime="${order.createdAt}">${formatDate(order.createdAt)}</time>`,
    ],
  })
}
