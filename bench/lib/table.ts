// Prints result tables as Markdown, so they paste straight into docs/performance.md.

/** One table: a header row and rows of cells (already formatted). */
export interface Table {
  headers: readonly string[]
  rows: readonly (readonly string[])[]
  /** Columns to right-align (numbers), by index. */
  numeric?: readonly number[] | undefined
}

/**
 * Renders a Markdown table with padded columns.
 *
 * @param table - headers, rows and the numeric columns
 * @example
 * markdownTable({ headers: ['a', 'b'], rows: [['x', '1']], numeric: [1] })
 */
export function markdownTable(table: Table): string {
  const { headers, rows } = table
  const numeric = new Set(table.numeric ?? [])
  const widths = headers.map((h, i) =>
    Math.max(h.length, 3, ...rows.map((row) => (row[i] ?? '').length))
  )
  const pad = (cell: string, i: number): string =>
    numeric.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)
  const line = (cells: readonly string[]): string =>
    `| ${headers.map((_, i) => pad(cells[i] ?? '', i)).join(' | ')} |`
  const rule = `|${widths.map((w, i) => (numeric.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`
  return [line(headers), rule, ...rows.map(line)].join('\n')
}
