// The orders console's URL state: filters, sort and cursor, as one list-state codec. Other demo
// modules (an export of the current filters, for one) read the same codec through demo/query.ts.
import { z } from 'zod'
import { listState } from '../../src/components/index.ts'
import { ORDER_STATUSES } from '../seed.ts'

/** The orders list: search by customer, status, placed from/to (dates, UTC), sortable columns. */
export const ordersList = listState({
  filters: {
    q: z.string().max(100),
    status: z.enum(ORDER_STATUSES),
    from: z.iso.date(),
    to: z.iso.date(),
  },
  sortable: ['id', 'status', 'total', 'created'],
  defaultSort: '-created',
  maxSort: 2,
  perPage: { default: 25, max: 100 },
})

/** A parsed orders list state. */
export type OrdersListState = ReturnType<typeof ordersList.parse>
