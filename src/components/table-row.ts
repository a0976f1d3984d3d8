import { escapeHtml, raw } from '../html/index.ts'
import type { SafeHtml } from '../html/index.ts'
import { markup } from './markup.ts'
import type { SyncHtml } from './markup.ts'

/** One column of `dataTable()`. */
export interface Column<Row> {
  /** Names the column (`column-<key>` class) and, by default, the row property shown. */
  readonly key: string
  readonly label: string
  /** The list's sort key for this column (`true`: the same as `key`); absent: not sortable. */
  readonly sort?: string | true | undefined
  /** The cell's content; default `String(row[key])`, escaped. */
  readonly cell?: ((row: Row) => SyncHtml) | undefined
  /** Right-aligned, tabular figures. */
  readonly numeric?: boolean | undefined
  /** Renders the cell as `<th scope="row">` (the row's name for screen readers). */
  readonly rowHeader?: boolean | undefined
  /** A link to the row's page around this cell's content (works without JavaScript). */
  readonly href?: ((row: Row) => string) | undefined
}

/** What a body row needs: the columns and the optional checkbox, actions and row id. */
export interface TableRowProps<Row> {
  readonly columns: readonly Column<Row>[]
  /** A checkbox per row (`name`, the row's value and an accessible label): bulk actions. */
  readonly select?:
    | {
        readonly name: string
        readonly value: (row: Row) => string
        readonly label: (row: Row) => string
      }
    | undefined
  /** Extra markup at the end of each row, e.g. `rowActions()`. */
  readonly actions?: ((row: Row) => SyncHtml) | undefined
  /** The row's id attribute, for inline edit and delete (`row-7`). */
  readonly rowId?: ((row: Row) => string) | undefined
}

/** The `class` of a column's header and body cells. */
export function columnClass(column: Column<unknown>): string {
  return escapeHtml(`column-${column.key}${column.numeric === true ? ' num' : ''}`)
}

// a property's text, escaped: numbers never need it
function text(value: unknown): string {
  return typeof value === 'string'
    ? escapeHtml(value)
    : typeof value === 'number' || typeof value === 'bigint'
      ? String(value)
      : ''
}

// Everything that is the same on every row (the tag, its class) is rendered once per column;
// a row then only escapes its own values.
function cellRenderer<Row>(column: Column<Row>): (row: Row) => string {
  const head = column.rowHeader === true
  const open = `<${head ? 'th scope="row"' : 'td'} class="${columnClass(column as Column<unknown>)}">`
  const close = head ? '</th>' : '</td>'
  const { cell, href, key } = column
  const content =
    cell === undefined
      ? (row: Row) => text((row as Record<string, unknown>)[key])
      : (row: Row) => markup(cell(row))
  if (href === undefined) {
    return (row) => open + content(row) + close
  }
  return (row) => `${open}<a href="${escapeHtml(href(row))}">${content(row)}</a>${close}`
}

/**
 * Prepares the body rows of a table once (per-column markup rendered ahead) and returns the
 * function that renders one row's markup.
 *
 * @param props - the columns, select, actions and row id
 * @returns the row renderer
 * @example
 * const render = rowRenderer(props)
 * const body = rows.map(render).join('')
 */
export function rowRenderer<Row>(props: TableRowProps<Row>): (row: Row) => string {
  const cells = props.columns.map(cellRenderer)
  const { actions, rowId, select } = props
  const box =
    select === undefined
      ? null
      : `<td class="hx-select"><input type="checkbox" name="${escapeHtml(select.name)}" value="`
  return (row) => {
    let out = rowId === undefined ? '<tr>' : `<tr id="${escapeHtml(rowId(row))}">`
    if (box !== null && select !== undefined) {
      out += `${box}${escapeHtml(select.value(row))}" aria-label="${escapeHtml(select.label(row))}" /></td>`
    }
    for (const render of cells) {
      out += render(row)
    }
    if (actions !== undefined) {
      out += `<td class="hx-row-actions">${markup(actions(row))}</td>`
    }
    return out + '</tr>'
  }
}

/**
 * One body row of a data table: the same markup the table renders, for inline edit (the display
 * row a PUT answers with) and for load-more responses.
 *
 * @param props - the table's props (columns, select, actions, rowId)
 * @param row - the row
 * @see docs/components.md
 * @example
 * return c.html(tableRow(ordersTableProps, order))
 */
export function tableRow<Row>(props: TableRowProps<Row>, row: Row): SafeHtml {
  return raw(rowRenderer(props)(row))
}
