import { html, hx, raw } from '../html/index.ts'
import type { PartialLike, SafeHtml } from '../html/index.ts'
import type { FieldSchema, ListCodec, ListState, SortTerm } from './list-state.ts'
import type { SyncHtml } from './markup.ts'
import { columnClass, rowRenderer } from './table-row.ts'
import type { Column, TableRowProps } from './table-row.ts'

/** What `dataTable()` takes. */
export interface DataTableProps<
  Row,
  F extends Record<string, FieldSchema>,
  K extends string,
> extends TableRowProps<Row> {
  /** Prefix of the ids inside (`<id>-rows` is the `<tbody>`). */
  readonly id: string
  readonly caption: string
  readonly rows: readonly Row[]
  readonly list: ListCodec<F, K>
  readonly state: ListState<F, K>
  /** The list's path, for sort links. */
  readonly path: string
  /** The partial the sort links replace (with `hx-push-url`); without it the links are plain. */
  readonly target?: PartialLike | undefined
  /** Shown in one cell when there are no rows. @default 'Nothing matches these filters.' */
  readonly empty?: SyncHtml | undefined
  /** The result count line, e.g. `'2,104 orders'`; none when absent. */
  readonly count?: string | undefined
  /** After the table: a pager, or a load-more row goes in `tail`. */
  readonly footer?: SyncHtml | undefined
  /** Extra rows at the end of the `<tbody>` (a load-more or infinite-scroll row). */
  readonly tail?: SyncHtml | undefined
}

const GLYPH = { asc: '▲', desc: '▼' } as const

function sortKeyOf(column: Column<unknown>): string | null {
  return column.sort === undefined ? null : column.sort === true ? column.key : column.sort
}

function header<Row, F extends Record<string, FieldSchema>, K extends string>(
  props: DataTableProps<Row, F, K>,
  column: Column<Row>
): SafeHtml {
  const cls = raw(columnClass(column as Column<unknown>))
  const key = sortKeyOf(column as Column<unknown>)
  if (key === null) {
    return html`<th scope="col" class="${cls}">${column.label}</th>`
  }
  const sort = props.state.sort
  const at = sort.findIndex((t) => t.key === key)
  const term: SortTerm | undefined = sort[at]
  const href = props.list.href(props.path, props.state, {
    sort: props.list.toggleSort(props.state, key as K),
  })
  const ariaSort =
    at === 0 && term !== undefined ? (term.dir === 'asc' ? 'ascending' : 'descending') : null
  const priority =
    sort.length > 1 && at >= 0 ? html`<sup class="hx-sort-priority">${String(at + 1)}</sup>` : ''
  const glyph =
    term === undefined
      ? ''
      : html`<span class="hx-sort-glyph" aria-hidden="true">${GLYPH[term.dir]}</span>`
  const enhance =
    props.target === undefined ? '' : hx({ get: href, target: props.target, pushUrl: true })
  return html`<th scope="col" class="${cls}"${ariaSort === null ? '' : html` aria-sort="${ariaSort}"`}><a class="hx-sort" href="${href}"${enhance}>${column.label}${glyph}${priority}</a></th>`
}

// one string grown row by row: a join would copy every row into a flat string first
function rowsMarkup<Row>(props: TableRowProps<Row> & { readonly rows: readonly Row[] }): string {
  const render = rowRenderer(props)
  let out = ''
  for (const row of props.rows) {
    out += render(row)
  }
  return out
}

/**
 * A server-rendered data table: a caption, sortable headers (links carrying the whole list state,
 * `aria-sort` on the first sort key, priority numbers for multi-column sorts), formatted cells,
 * row links, an optional checkbox column and an empty state. Every control is a link, so it works
 * without JavaScript; with `target`, htmx swaps only the table's partial and pushes the URL.
 *
 * @param props - columns, rows, the list codec and state, the partial to swap
 * @returns the table markup (put it inside the list's partial)
 * @see docs/components.md
 * @example
 * dataTable({ id: 'orders', caption: 'Orders', columns, rows: page.rows, list, state, path: '/orders', target: self })
 */
export function dataTable<Row, F extends Record<string, FieldSchema>, K extends string>(
  props: DataTableProps<Row, F, K>
): SafeHtml {
  const width =
    props.columns.length +
    (props.select === undefined ? 0 : 1) +
    (props.actions === undefined ? 0 : 1)
  const sortable = props.columns.some((c) => c.sort !== undefined)
  const body =
    props.rows.length === 0
      ? html`<tr class="hx-empty"><td colspan="${String(width)}">${props.empty ?? 'Nothing matches these filters.'}</td></tr>`
      : raw(rowsMarkup(props))
  const selectHead =
    props.select === undefined
      ? ''
      : html`<td class="hx-select"><input type="checkbox" data-hxkit-select-all="${props.select.name}" aria-label="Select all rows on this page" /></td>`
  const actionsHead = props.actions === undefined ? '' : html`<td class="hx-row-actions"></td>`
  const count =
    props.count === undefined
      ? ''
      : html`<p class="hx-table-count" id="${props.id}-count">${props.count}</p>`
  return html`${count}<div class="hx-table-wrap"><table class="hx-table" id="${props.id}-table"><caption>${props.caption}${sortable ? html`<span class="visually-hidden">, column headers with links are sortable</span>` : ''}</caption><thead><tr>${selectHead}${props.columns.map((column) => header(props, column))}${actionsHead}</tr></thead><tbody id="${props.id}-rows">${body}${props.tail}</tbody></table></div>${props.footer}`
}
