// Query-string parsing for the demo's tables: whitelists and clamps, never an error.

/** Rows per page in every demo table. */
export const PAGE_SIZE = 25

/** Sortable order columns: the query-string key and the SQL it maps to (the only SQL it can be). */
export const SORT_COLUMNS = {
  id: 'o.id',
  customer: 'c.name COLLATE NOCASE',
  status: 'o.status',
  total: 'o.total_cents',
  created: 'o.created_at',
} as const

/** A sortable column key. */
export type SortKey = keyof typeof SORT_COLUMNS

/** A sort direction. */
export type SortDir = 'asc' | 'desc'

/** The orders table's state, as the query string carries it. */
export interface OrdersQuery {
  sort: SortKey
  dir: SortDir
  page: number
}

/** A searchable list's state. */
export interface SearchQuery {
  q: string
  page: number
}

/** The default orders state: newest first. */
export const DEFAULT_ORDERS: OrdersQuery = { sort: 'created', dir: 'desc', page: 1 }

function isSortKey(value: string | undefined): value is SortKey {
  return value !== undefined && Object.hasOwn(SORT_COLUMNS, value)
}

/**
 * Reads a page number: digits only, at least 1; anything else is page 1 (the db clamps the top).
 *
 * @param value - the raw `page` parameter
 * @example
 * parsePage('3') // 3
 */
export function parsePage(value: string | undefined): number {
  if (value === undefined || !/^\d{1,9}$/.test(value)) {
    return 1
  }
  return Math.max(1, Number(value))
}

/**
 * Reads the orders table state from a query string; bad values fall back to the defaults.
 *
 * @param query - `c.req.query()`
 * @example
 * parseOrdersQuery({ sort: 'total', dir: 'asc' }) // { sort: 'total', dir: 'asc', page: 1 }
 */
export function parseOrdersQuery(query: Record<string, string | undefined>): OrdersQuery {
  const sort = query['sort']
  const dir = query['dir']
  if (!isSortKey(sort)) {
    return { ...DEFAULT_ORDERS, page: parsePage(query['page']) }
  }
  const fallbackDir: SortDir = sort === 'created' ? 'desc' : 'asc'
  return {
    sort,
    dir: dir === 'asc' || dir === 'desc' ? dir : fallbackDir,
    page: parsePage(query['page']),
  }
}

/**
 * Reads a search list's state: the search text (trimmed, at most 100 characters) and the page.
 *
 * @param query - `c.req.query()`
 * @example
 * parseSearchQuery({ q: ' acme ' }) // { q: 'acme', page: 1 }
 */
export function parseSearchQuery(query: Record<string, string | undefined>): SearchQuery {
  return { q: (query['q'] ?? '').trim().slice(0, 100), page: parsePage(query['page']) }
}

/**
 * Builds the URL of an orders state; default values are left out so URLs stay short.
 *
 * @param path - the page path
 * @param query - the state
 * @example
 * ordersUrl('/', { sort: 'total', dir: 'asc', page: 2 }) // '/?sort=total&dir=asc&page=2'
 */
export function ordersUrl(path: string, query: OrdersQuery): string {
  const params = new URLSearchParams()
  if (query.sort !== DEFAULT_ORDERS.sort || query.dir !== DEFAULT_ORDERS.dir) {
    params.set('sort', query.sort)
    params.set('dir', query.dir)
  }
  if (query.page > 1) {
    params.set('page', String(query.page))
  }
  const search = params.toString()
  return search === '' ? path : `${path}?${search}`
}

/**
 * Builds the URL of a search list state.
 *
 * @param path - the page path
 * @param query - the state
 * @example
 * searchUrl('/customers', { q: 'acme', page: 2 }) // '/customers?q=acme&page=2'
 */
export function searchUrl(path: string, query: SearchQuery): string {
  const params = new URLSearchParams()
  if (query.q !== '') {
    params.set('q', query.q)
  }
  if (query.page > 1) {
    params.set('page', String(query.page))
  }
  const search = params.toString()
  return search === '' ? path : `${path}?${search}`
}

// The orders console's list state (filters, sort, cursor) lives with the console; it is
// re-exported here so every reader of the orders filters (the console, an export) uses one codec.
export { ordersList } from './orders/list.ts'
export type { OrdersListState } from './orders/list.ts'
