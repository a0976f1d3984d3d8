/** @module Dashboard components: data table, list state, async pagination, and the pieces around them. */
export { cursorCodec } from './cursor.ts'
export type { CursorCodec, CursorKey } from './cursor.ts'
export { dataTable, tableRow } from './data-table.ts'
export type { Column, DataTableProps } from './data-table.ts'
export { elidedPageRange } from './elided-range.ts'
export type { PageRangeItem } from './elided-range.ts'
export { filterForm } from './filter-form.ts'
export type { FilterField, FilterFormProps } from './filter-form.ts'
export { listState } from './list-state.ts'
export type {
  FieldSchema,
  ListCodec,
  ListPatch,
  ListState,
  ListStateOptions,
  SortTerm,
} from './list-state.ts'
export { loadMore } from './load-more.ts'
export type { LoadMoreProps } from './load-more.ts'
export { paginate } from './paginate.ts'
export type {
  KeysetOptions,
  KeysetPage,
  KeysetSource,
  OffsetOptions,
  OffsetPage,
  OffsetSource,
  PageBase,
  PagePatch,
  SeekPosition,
} from './paginate.ts'
export { pager } from './pager.ts'
export type { PagerProps } from './pager.ts'
export type { SyncHtml } from './markup.ts'
