import { checkKeys } from '../internal/options.ts'
import type { CursorCodec, CursorKey } from './cursor.ts'
import { elidedPageRange } from './elided-range.ts'
import type { PageRangeItem } from './elided-range.ts'

type Awaitable<T> = T | Promise<T>

/** An offset source: a slice of rows, and optionally a count (given a cap, it may stop there). */
export interface OffsetSource<Row> {
  slice(offset: number, limit: number): Awaitable<readonly Row[]>
  count?(cap?: number): Awaitable<number>
}

/** Where a keyset read starts: strictly after or before a row's key. */
export interface SeekPosition {
  readonly key: CursorKey
  readonly direction: 'after' | 'before'
}

/**
 * A keyset source: `seek(null, n)` reads the first n rows; `after` reads the next rows in list
 * order; `before` reads the rows before the key in **reverse** list order (nearest first), which
 * is the same index walked backwards. `key(row)` is the row's sort values with its primary key last.
 */
export interface KeysetSource<Row> {
  seek(position: SeekPosition | null, limit: number): Awaitable<readonly Row[]>
  key(row: Row): CursorKey
}

/** Options of an offset page. */
export interface OffsetOptions {
  readonly mode?: 'offset' | undefined
  readonly page: number
  readonly perPage: number
  /** `'exact'`: a full count; `{ cap }`: count up to `cap` ("10,000+"); `'none'`: no count. @default 'exact' */
  readonly count?: 'exact' | 'none' | { readonly cap: number } | undefined
  readonly onEachSide?: number | undefined
  readonly onEnds?: number | undefined
}

/** Options of a keyset page. */
export interface KeysetOptions {
  readonly mode: 'keyset'
  readonly perPage: number
  readonly codec: CursorCodec
  /** The `after` / `before` tokens from the query (`state.cursor`). */
  readonly cursor?:
    { readonly after?: string | undefined; readonly before?: string | undefined } | undefined
  /** What the cursor is bound to: the list's filters and sort (`list.scope(state)`). */
  readonly scope?: string | undefined
}

/** The change to a list state that shows another page: `list.href(path, state, patch)`. */
export interface PagePatch {
  readonly page?: number | undefined
  readonly after?: string | null | undefined
  readonly before?: string | null | undefined
}

/** What every page has: its rows and the patches for the neighbouring pages' links. */
export interface PageBase<Row> {
  readonly rows: readonly Row[]
  readonly perPage: number
  readonly hasNext: boolean
  readonly hasPrev: boolean
  /** The change to the list state that shows the next page (`list.href(path, state, next)`), or null. */
  readonly next: PagePatch | null
  readonly prev: PagePatch | null
  readonly first: PagePatch
}

/** A page read by offset. */
export interface OffsetPage<Row> extends PageBase<Row> {
  readonly mode: 'offset'
  readonly page: number
  /** Null when not counted. */
  readonly pageCount: number | null
  /** Null when not counted; the cap when `totalCapped`. */
  readonly total: number | null
  readonly totalCapped: boolean
  /** Django's elided page range; empty when not counted. */
  readonly range: readonly PageRangeItem[]
}

/** A page read by keyset. */
export interface KeysetPage<Row> extends PageBase<Row> {
  readonly mode: 'keyset'
}

function positive(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new TypeError(`paginate(): "${name}" must be a positive integer`)
  }
  return value
}

async function offsetPage<Row>(
  source: OffsetSource<Row>,
  options: OffsetOptions
): Promise<OffsetPage<Row>> {
  checkKeys('paginate()', options, ['mode', 'page', 'perPage', 'count', 'onEachSide', 'onEnds'])
  const per = positive('perPage', options.perPage)
  const count = options.count ?? 'exact'
  const cap = typeof count === 'object' ? positive('count.cap', count.cap) : null
  if (count !== 'none' && count !== 'exact' && cap === null) {
    throw new TypeError('paginate(): "count" must be exact, none or { cap }')
  }
  if (count !== 'none' && typeof source.count !== 'function') {
    throw new TypeError('paginate(): counting needs source.count(), or count: "none"')
  }
  let total: number | null = null
  let capped = false
  if (count !== 'none') {
    const counted = await (source.count as (cap?: number) => Awaitable<number>)(
      cap === null ? undefined : cap + 1
    )
    capped = cap !== null && counted > cap
    total = capped && cap !== null ? cap : counted
  }
  const pageCount = total === null ? null : Math.max(1, Math.ceil(total / per))
  // past the last counted page: the last page (Django's get_page), not an error
  let page = Math.max(1, positive('page', options.page))
  if (pageCount !== null && !capped) {
    page = Math.min(page, pageCount)
  }
  const fetched = await source.slice((page - 1) * per, per + 1)
  const hasNext = fetched.length > per
  const hasPrev = page > 1
  const shown = Math.max(pageCount ?? page, hasNext ? page + 1 : page)
  return {
    mode: 'offset',
    rows: fetched.slice(0, per),
    perPage: per,
    page,
    pageCount: capped ? shown : pageCount,
    total,
    totalCapped: capped,
    range:
      pageCount === null
        ? []
        : elidedPageRange(page, capped ? shown : pageCount, options.onEachSide, options.onEnds),
    hasNext,
    hasPrev,
    next: hasNext ? { page: page + 1 } : null,
    prev: hasPrev ? { page: page - 1 } : null,
    first: { page: 1 },
  }
}

async function keysetPage<Row>(
  source: KeysetSource<Row>,
  options: KeysetOptions
): Promise<KeysetPage<Row>> {
  checkKeys('paginate()', options, ['mode', 'perPage', 'codec', 'cursor', 'scope'])
  const per = positive('perPage', options.perPage)
  const scope = options.scope ?? ''
  const { after, before } = options.cursor ?? {}
  const position: SeekPosition | null =
    after !== undefined
      ? { key: options.codec.decode(after, scope), direction: 'after' }
      : before !== undefined
        ? { key: options.codec.decode(before, scope), direction: 'before' }
        : null
  const fetched = await source.seek(position, per + 1)
  const more = fetched.length > per
  const rows = fetched.slice(0, per)
  if (position?.direction === 'before') {
    rows.reverse()
  }
  const hasNext = position?.direction === 'before' ? true : more
  const hasPrev = position === null ? false : position.direction === 'after' ? true : more
  const edge = (row: Row | undefined): string | null =>
    row === undefined ? null : options.codec.encode(source.key(row), scope)
  const last = edge(rows.at(-1))
  const firstRow = edge(rows[0])
  const none = { after: null, before: null, page: 1 } as const
  return {
    mode: 'keyset',
    rows,
    perPage: per,
    hasNext: hasNext && last !== null,
    hasPrev: hasPrev && firstRow !== null,
    next: hasNext && last !== null ? { ...none, after: last } : null,
    prev: hasPrev && firstRow !== null ? { ...none, before: firstRow } : null,
    first: none,
  }
}

/**
 * Reads one page from any async source, by offset (Django's `Paginator` with its elided page
 * range, and exact, capped or no counts) or by keyset (an opaque signed cursor: as fast at page
 * 10,000 as at page 1, given an index on the sort columns). Each page carries `next`/`prev`
 * patches for `list.href()`, so every rendering (numbered pager, load more, infinite scroll)
 * links the same way.
 *
 * @param source - `slice`/`count` for offset, `seek`/`key` for keyset
 * @param options - the page and size, or `mode: 'keyset'` with the cursor codec
 * @returns the page
 * @see docs/pagination.md
 * @example
 * const page = await paginate(
 *   { slice: (offset, limit) => db.orders(offset, limit), count: () => db.orderCount() },
 *   { page: state.page, perPage: state.perPage }
 * )
 */
export function paginate<Row>(
  source: OffsetSource<Row>,
  options: OffsetOptions
): Promise<OffsetPage<Row>>
export function paginate<Row>(
  source: KeysetSource<Row>,
  options: KeysetOptions
): Promise<KeysetPage<Row>>
export function paginate<Row>(
  source: OffsetSource<Row> | KeysetSource<Row>,
  options: OffsetOptions | KeysetOptions
): Promise<OffsetPage<Row> | KeysetPage<Row>> {
  if (options.mode === 'keyset') {
    return keysetPage(source as KeysetSource<Row>, options)
  }
  const mode: unknown = options.mode
  if (mode !== undefined && mode !== 'offset') {
    return Promise.reject(new TypeError('paginate(): "mode" must be offset or keyset'))
  }
  return offsetPage(source as OffsetSource<Row>, options)
}
