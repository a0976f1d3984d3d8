import { escapeHtml, hx, raw } from '../html/index.ts'
import type { PartialLike, SafeHtml } from '../html/index.ts'
import type { FieldSchema, ListCodec, ListState, SortTerm } from './list-state.ts'
import { markup } from './markup.ts'
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

// A header cell: once per column, as a string (the table's parts are joined as strings).
function header<Row, F extends Record<string, FieldSchema>, K extends string>(
  props: DataTableProps<Row, F, K>,
  column: Column<Row>
): string {
  const open = `<th scope="col" class="${columnClass(column as Column<unknown>)}"`
  const label = escapeHtml(column.label)
  const key = sortKeyOf(column as Column<unknown>)
  if (key === null) {
    return `${open}>${label}</th>`
  }
  const sort = props.state.sort
  const at = sort.findIndex((t) => t.key === key)
  const term: SortTerm | undefined = sort[at]
  const href = props.list.href(props.path, props.state, {
    sort: props.list.toggleSort(props.state, key as K),
  })
  const ariaSort =
    at === 0 && term !== undefined
      ? ` aria-sort="${term.dir === 'asc' ? 'ascending' : 'descending'}"`
      : ''
  const glyph =
    term === undefined
      ? ''
      : `<span class="hx-sort-glyph" aria-hidden="true">${GLYPH[term.dir]}</span>`
  const priority =
    sort.length > 1 && at >= 0 ? `<sup class="hx-sort-priority">${String(at + 1)}</sup>` : ''
  const enhance =
    props.target === undefined ? '' : hx({ get: href, target: props.target, pushUrl: true }).value
  return `${open}${ariaSort}><a class="hx-sort" href="${escapeHtml(href)}"${enhance}>${label}${glyph}${priority}</a></th>`
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
  const id = escapeHtml(props.id)
  let out =
    props.count === undefined
      ? ''
      : `<p class="hx-table-count" id="${id}-count">${escapeHtml(props.count)}</p>`
  out += `<div class="hx-table-wrap"><table class="hx-table" id="${id}-table"><caption>${escapeHtml(props.caption)}`
  if (props.columns.some((c) => c.sort !== undefined)) {
    out += '<span class="visually-hidden">, column headers with links are sortable</span>'
  }
  out += '</caption><thead><tr>'
  if (props.select !== undefined) {
    out += `<td class="hx-select"><input type="checkbox" data-hxkit-select-all="${escapeHtml(props.select.name)}" aria-label="Select all rows on this page" /></td>`
  }
  for (const column of props.columns) {
    out += header(props, column)
  }
  if (props.actions !== undefined) {
    out += '<td class="hx-row-actions"></td>'
  }
  out += `</tr></thead><tbody id="${id}-rows">`
  out +=
    props.rows.length === 0
      ? `<tr class="hx-empty"><td colspan="${String(width)}">${markup(props.empty ?? 'Nothing matches these filters.')}</td></tr>`
      : rowsMarkup(props)
  return raw(`${out}${markup(props.tail)}</tbody></table></div>${markup(props.footer)}`)
}
