// Start-up checks shared by the server module's factories: numbers and shown values (unknown
// keys: src/internal/options.ts).

export function shown(value: unknown): string {
  // JSON.stringify gives undefined for undefined, functions and symbols
  const text = JSON.stringify(value) as string | undefined
  return text ?? typeof value
}

/** A whole number of milliseconds (or bytes) in [min, max]; `undefined` gives the default. */
export function checkInteger(
  fn: string,
  name: string,
  value: unknown,
  fallback: number,
  range: { min: number; max?: number | undefined }
): number {
  if (value === undefined) {
    return fallback
  }
  const max = range.max ?? Number.MAX_SAFE_INTEGER
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value < range.min ||
    value > max
  ) {
    const bound =
      range.max === undefined ? `≥ ${String(range.min)}` : `${String(range.min)}–${String(max)}`
    throw new TypeError(`${fn}: "${name}" must be a whole number ${bound}, got ${shown(value)}`)
  }
  return value
}
