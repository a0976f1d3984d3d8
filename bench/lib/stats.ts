// Small statistics for the benchmarks: medians and quantiles over plain number arrays.

/**
 * The q-quantile (0 ≤ q ≤ 1) of the values, by linear interpolation; NaN for no values.
 *
 * @param values - the samples (not modified)
 * @param q - which quantile, e.g. 0.5 for the median, 0.99 for p99
 * @example
 * quantile([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) {
    return Number.NaN
  }
  const sorted = [...values].sort((a, b) => a - b)
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q))
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  const a = sorted[lo] as number
  const b = sorted[hi] as number
  return a + (b - a) * (pos - lo)
}

/**
 * The median of the values; NaN for no values.
 *
 * @param values - the samples
 * @example
 * median([3, 1, 2]) // 2
 */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5)
}

/**
 * The arithmetic mean; NaN for no values.
 *
 * @param values - the samples
 * @example
 * mean([1, 2, 3]) // 2
 */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length
}

/**
 * Formats a number with a fixed number of decimals; `n/a` for NaN or infinity.
 *
 * @param value - the number
 * @param digits - decimals
 * @example
 * fixed(0.8123, 2) // '0.81'
 */
export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a'
}
