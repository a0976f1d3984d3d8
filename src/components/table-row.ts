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

// The parts of a row: a row property's text (escaped; numbers as they are), a function's markup
// (`SyncHtml`), a function's text for an attribute (escaped).
const PROPERTY = 0
const MARKUP = 1
const ATTRIBUTE = 2
type Part = typeof PROPERTY | typeof MARKUP | typeof ATTRIBUTE

// A row as the static markup between its dynamic parts, prepared once per table: every tag and
// class is rendered ahead, so a row only renders and escapes its own values.
class RowPlan<Row> {
  readonly statics: string[] = []
  readonly parts: Part[] = []
  readonly keys: string[] = []
  readonly fns: ((row: Row) => unknown)[] = []
  private pending = ''

  markup(text: string): void {
    this.pending += text
  }

  part(part: Part, key: string, fn: (row: Row) => unknown): void {
    this.statics.push(this.pending)
    this.parts.push(part)
    this.keys.push(key)
    this.fns.push(fn)
    this.pending = ''
  }

  end(): void {
    this.statics.push(this.pending)
  }
}

const nothing = (): undefined => undefined

function planCell<Row>(plan: RowPlan<Row>, column: Column<Row>): void {
  const head = column.rowHeader === true
  plan.markup(
    `<${head ? 'th scope="row"' : 'td'} class="${columnClass(column as Column<unknown>)}">`
  )
  if (column.href !== undefined) {
    plan.markup('<a href="')
    plan.part(ATTRIBUTE, '', column.href)
    plan.markup('">')
  }
  if (column.cell === undefined) {
    plan.part(PROPERTY, column.key, nothing)
  } else {
    plan.part(MARKUP, '', column.cell)
  }
  plan.markup(`${column.href === undefined ? '' : '</a>'}${head ? '</th>' : '</td>'}`)
}

function planRow<Row>(props: TableRowProps<Row>): RowPlan<Row> {
  const plan = new RowPlan<Row>()
  if (props.rowId === undefined) {
    plan.markup('<tr>')
  } else {
    plan.markup('<tr id="')
    plan.part(ATTRIBUTE, '', props.rowId)
    plan.markup('">')
  }
  const select = props.select
  if (select !== undefined) {
    plan.markup(
      `<td class="hx-select"><input type="checkbox" name="${escapeHtml(select.name)}" value="`
    )
    plan.part(ATTRIBUTE, '', select.value)
    plan.markup('" aria-label="')
    plan.part(ATTRIBUTE, '', select.label)
    plan.markup('" /></td>')
  }
  for (const column of props.columns) {
    planCell(plan, column)
  }
  if (props.actions !== undefined) {
    plan.markup('<td class="hx-row-actions">')
    plan.part(MARKUP, '', props.actions)
    plan.markup('</td>')
  }
  plan.markup('</tr>')
  plan.end()
  return plan
}

function propertyText(value: unknown): string {
  return typeof value === 'string'
    ? escapeHtml(value)
    : typeof value === 'number' || typeof value === 'bigint'
      ? String(value)
      : ''
}

/**
 * Prepares the body rows of a table once (per-column markup rendered ahead) and returns the
 * function that renders one row's markup.
 *
 * @param props - the columns, select, actions and row id
 * @returns the row renderer
 * @example
 * const render = rowRenderer(props)
 * let body = ''
 * for (const row of rows) body += render(row)
 */
export function rowRenderer<Row>(props: TableRowProps<Row>): (row: Row) => string {
  const { statics, parts, keys, fns } = planRow(props)
  const count = parts.length
  // one loop over the parts, not a closure per cell: the checks inline and the calls stay few
  return (row) => {
    let out = ''
    for (let i = 0; i < count; i++) {
      out += statics[i] as string
      const fn = fns[i] as (row: Row) => unknown
      switch (parts[i]) {
        case PROPERTY:
          out += propertyText((row as Record<string, unknown>)[keys[i] as string])
          break
        case MARKUP:
          out += markup(fn(row) as SyncHtml)
          break
        default:
          out += escapeHtml(fn(row) as string)
      }
    }
    return out + (statics[count] as string)
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
