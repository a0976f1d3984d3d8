/** @module Dashboard components: data table and list state, async pagination, bulk actions, toasts, dialogs, row edit, SVG charts, tabs and panels. */
export { barChart } from './bar-chart.ts'
export type { BarChartProps } from './bar-chart.ts'
export { bulkBar, bulkScopes } from './bulk.ts'
export type { BulkAction, BulkBarProps, BulkScope, BulkScopes } from './bulk.ts'
export { cascadingSelect } from './cascading-select.ts'
export type { CascadingSelectProps } from './cascading-select.ts'
export type { ChartBase } from './chart-frame.ts'
export { cursorCodec } from './cursor.ts'
export type { CursorCodec, CursorKey } from './cursor.ts'
export { dataTable } from './data-table.ts'
export type { DataTableProps } from './data-table.ts'
export { DIALOG_CLOSE_EVENT, closeDialog, dialog, dialogButton } from './dialog.ts'
export type { DialogButtonProps, DialogProps } from './dialog.ts'
export { disclosure } from './disclosure.ts'
export type { DisclosureProps } from './disclosure.ts'
export { donut } from './donut.ts'
export type { DonutProps, DonutSlice } from './donut.ts'
export { editRow, editRowForm } from './edit-row.ts'
export type { EditRowProps } from './edit-row.ts'
export { elidedPageRange } from './elided-range.ts'
export type { PageRangeItem } from './elided-range.ts'
export { fileUpload } from './file-upload.ts'
export type { FileUploadProps } from './file-upload.ts'
export { filterForm, filterHidden } from './filter-form.ts'
export type { FilterField, FilterFormProps } from './filter-form.ts'
export { flash, flashes, takeFlashes } from './flash.ts'
export { dashboardGrid, lazyPanel } from './lazy-panel.ts'
export type { LazyPanelProps } from './lazy-panel.ts'
export { lineChart } from './line-chart.ts'
export type { LineChartProps, LineSeries } from './line-chart.ts'
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
export type { SyncHtml } from './markup.ts'
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
export { rowActions } from './row-actions.ts'
export type { RowActionsProps } from './row-actions.ts'
export { resultCount, searchInput } from './search-input.ts'
export type { SearchInputProps } from './search-input.ts'
export { sparkline } from './sparkline.ts'
export type { SparklineProps } from './sparkline.ts'
export { statCard } from './stat-card.ts'
export type { StatCardProps } from './stat-card.ts'
export { tableRow } from './table-row.ts'
export type { Column, TableRowProps } from './table-row.ts'
export { tabs } from './tabs.ts'
export type { Tab, TabsProps } from './tabs.ts'
export { taskProgress } from './task-progress.ts'
export type { TaskProgressProps } from './task-progress.ts'
export { TOAST_REGION_ID, toastItem, toastRegion, toasts } from './toasts.ts'
export type { ToastKind, ToastMessage } from './toasts.ts'
