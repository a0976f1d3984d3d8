// The orders console's table: columns, the row markup (shared with inline edit), the bulk form.
import {
  bulkBar,
  dataTable,
  filterForm,
  filterHidden,
  pager,
  paginate,
  rowActions,
  tableRow,
} from '../../src/components/index.ts'
import type {
  BulkScopes,
  Column,
  CursorCodec,
  KeysetPage,
  PagePatch,
} from '../../src/components/index.ts'
import { html } from '../../src/html/index.ts'
import type { PartialLike, SafeHtml } from '../../src/html/index.ts'
import { formatDate, formatMoney } from '../components.ts'
import { ORDER_STATUSES } from '../seed.ts'
import { ordersList } from './list.ts'
import type { OrdersListState } from './list.ts'
import type { ConsoleOrder, ConsoleStore } from './store.ts'

/** Where the console lives. */
export const ORDERS_PATH = '/orders'

/** Counts stop here ("10,000+ orders"). */
export const COUNT_CAP = 10_000

const count = new Intl.NumberFormat('en-GB')

/** A status as a badge. */
export function statusBadge(status: string): SafeHtml {
  return html`<span class="status status-${status}">${status}</span>`
}

const columns: Column<ConsoleOrder>[] = [
  {
    key: 'id',
    label: 'Order',
    sort: true,
    numeric: true,
    rowHeader: true,
    cell: (o) => `#${String(o.id)}`,
    href: (o) => `${ORDERS_PATH}/${String(o.id)}`,
  },
  { key: 'customer', label: 'Customer' },
  { key: 'status', label: 'Status', sort: true, cell: (o) => statusBadge(o.status) },
  {
    key: 'total',
    label: 'Total',
    sort: true,
    numeric: true,
    cell: (o) => formatMoney(o.totalCents),
  },
  {
    key: 'created',
    label: 'Placed',
    sort: true,
    cell: (o) => html`<time datetime="${o.createdAt}">${formatDate(o.createdAt)}</time>`,
  },
]

/** The row's markup pieces, the same for the table and for an inline edit's answer. */
export const rowProps = {
  columns,
  select: {
    name: 'ids',
    value: (o: ConsoleOrder) => String(o.id),
    label: (o: ConsoleOrder) => `Select order ${String(o.id)}`,
  },
  rowId: (o: ConsoleOrder) => `order-${String(o.id)}`,
  actions: (o: ConsoleOrder) =>
    rowActions({
      label: `order ${String(o.id)}`,
      edit: {
        get: `${ORDERS_PATH}/${String(o.id)}/row/edit`,
        href: `${ORDERS_PATH}/${String(o.id)}/edit`,
      },
      delete: {
        url: `${ORDERS_PATH}/${String(o.id)}`,
        confirm: `Delete order #${String(o.id)}? This cannot be undone.`,
      },
      nested: true,
    }),
}

/** One display row. */
export function orderRow(order: ConsoleOrder): SafeHtml {
  return tableRow(rowProps, order)
}

/** The filter form above the table (outside it, so typing keeps the focus). */
export function ordersFilters(state: OrdersListState, target: PartialLike): SafeHtml {
  return filterForm({
    id: 'order-filters',
    path: ORDERS_PATH,
    list: ordersList,
    state,
    target,
    label: 'Order filters',
    hiddenOutside: true,
    fields: [
      { type: 'search', name: 'q', label: 'Customer' },
      {
        type: 'select',
        name: 'status',
        label: 'Status',
        options: ORDER_STATUSES.map((s) => [s, s.charAt(0).toUpperCase() + s.slice(1)] as const),
      },
      { type: 'date-range', from: 'from', to: 'to', label: 'Placed' },
    ],
  })
}

/** What rendering the table needs. */
export interface TableDeps {
  store: ConsoleStore
  cursors: CursorCodec
  scopes: BulkScopes
}

/** What the bulk bar shows after an action: the 409 notice (the set changed) or a hand-off's progress. */
export interface BulkNotice {
  notice?: string | undefined
  /** The progress of the background task a large selection was handed to. */
  task?: SafeHtml | undefined
}

/** Reads one keyset page of the orders for a list state. */
export function readPage(
  deps: TableDeps,
  state: OrdersListState
): Promise<KeysetPage<ConsoleOrder>> {
  return paginate(
    {
      seek: (position, limit) => deps.store.seek(state.filters, state.sort, position, limit),
      key: (row) => deps.store.key(state.sort, row),
    },
    {
      mode: 'keyset',
      perPage: state.perPage,
      codec: deps.cursors,
      cursor: state.cursor,
      scope: ordersList.scope(state),
    }
  )
}

/**
 * The table partial's content: the bulk form (bar, table, pager) for a list state.
 */
export async function ordersTable(
  deps: TableDeps,
  state: OrdersListState,
  self: PartialLike,
  notice?: BulkNotice
): Promise<SafeHtml> {
  const page = await readPage(deps, state)
  const total = deps.store.count(state.filters, COUNT_CAP + 1)
  const capped = total > COUNT_CAP
  const href = (patch: PagePatch): string => ordersList.href(ORDERS_PATH, state, patch)
  const query = ordersList.serialize(state)
  const scope = ordersList.scope(state)
  const shown = capped
    ? `${count.format(COUNT_CAP)}+ orders`
    : `${count.format(total)} ${total === 1 ? 'order' : 'orders'}`
  const bar = bulkBar({
    id: 'orders-bulk',
    target: self,
    actions: [
      { label: 'Mark shipped', post: `${ORDERS_PATH}/bulk/ship${query === '' ? '' : `?${query}`}` },
    ],
    ...(capped || total === 0
      ? {}
      : { all: { count: total, token: deps.scopes.sign(scope, total), noun: 'orders' } }),
    ...(notice?.notice === undefined ? {} : { notice: notice.notice, across: true }),
    ...(notice?.task === undefined ? {} : { task: notice.task }),
  })
  const table = dataTable({
    id: 'orders-data',
    caption: 'Orders',
    ...rowProps,
    rows: page.rows,
    list: ordersList,
    state,
    path: ORDERS_PATH,
    target: self,
    count: shown,
    empty: 'No orders match these filters.',
    footer: pager(page, { label: 'Orders pages', href, target: self }),
  })
  return html`<form class="bulk-form" method="post" action="${ORDERS_PATH}/bulk/ship${query === '' ? '' : `?${query}`}">${bar}${table}</form>${filterHidden({ id: 'order-filters', list: ordersList, state })}`
}
