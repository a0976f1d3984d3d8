// CSV for the orders export: RFC 4180 quoting, and a guard against spreadsheet formula injection.

// A cell a spreadsheet would read as a formula (OWASP "CSV injection"): = + - @, and tab or CR,
// which some programs skip before looking for one.
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

/**
 * One CSV cell: numbers as they are; text prefixed with `'` when it starts like a formula, and
 * quoted (inner quotes doubled) when it holds a comma, a quote or a line break.
 *
 * @param value - the cell's value
 * @example
 * csvCell('Smith, "Ada"') // '"Smith, ""Ada"""'
 * csvCell('=1+1') // "'=1+1"
 */
export function csvCell(value: string | number | null): string {
  if (value === null) {
    return ''
  }
  if (typeof value === 'number') {
    return String(value)
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * One CSV record, ended by CRLF as RFC 4180 asks.
 *
 * @param values - the cells
 * @example
 * csvLine(['id', 'customer']) // 'id,customer\r\n'
 */
export function csvLine(values: readonly (string | number | null)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`
}
