/**
 * The timing harness: a warm-up, one batch size per (scenario, candidate) calibrated to a target
 * batch time, then interleaved rounds: each round times one batch of every candidate, in an order
 * that rotates every round, each right next to a batch of the first candidate (the LIMIT), before
 * or after it by turns. The ratio of each pair of adjacent batches cancels the drift of a shared
 * machine; the medians of ops/s and of the paired ratios are reported.
 */
import type { Candidate, Dashboard } from './data.ts'

/** How long to measure. */
export interface Timing {
  readonly rounds: number
  readonly batchMs: number
  readonly warmupMs: number
}

/** One (scenario, candidate) result. */
export interface RenderResult {
  readonly scenario: string
  readonly candidate: string
  /** Median over rounds of renders per second. */
  readonly opsPerSec: number
  /** Median over rounds of (this candidate's ops/s ÷ the LIMIT's in the adjacent batch). */
  readonly ratio: number
  /** Inter-quartile range of the per-round ratios. */
  readonly q1: number
  readonly q3: number
}

type Fn = () => string

let sink = 0

/** A checksum of the rendered strings, printed so no render can be optimised away. */
export const checksum = (): number => sink % 997

function timeBatch(fn: Fn, n: number): number {
  const start = performance.now()
  for (let i = 0; i < n; i++) {
    // Reading a character flattens the string, as writing it to a socket would.
    const markup = fn()
    sink += markup.charCodeAt(markup.length >> 1)
  }
  return performance.now() - start
}

function calibrate(fn: Fn, batchMs: number): number {
  for (let n = 1; ; n *= 2) {
    const ms = timeBatch(fn, n)
    if (ms >= batchMs / 4) {
      return Math.max(1, Math.round((n * batchMs) / ms))
    }
  }
}

const sorted = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b)

function quantile(values: readonly number[], q: number): number {
  const s = sorted(values)
  const at = (s.length - 1) * q
  const low = s[Math.floor(at)] as number
  return low + ((s[Math.ceil(at)] as number) - low) * (at - Math.floor(at))
}

/** The three scenarios: the page, the 100-row fragment, the first row. */
export function scenarios(d: Dashboard): readonly { name: string; fn: (c: Candidate) => Fn }[] {
  const first = d.orders[0]
  if (first === undefined) {
    throw new Error('the data has no orders')
  }
  return [
    { name: 'page', fn: (c) => () => c.page(d) },
    { name: `fragment (${String(d.orders.length)} rows)`, fn: (c) => () => c.fragment(d.orders) },
    { name: 'row', fn: (c) => () => c.row(first) },
  ]
}

interface Samples {
  readonly ops: number[][]
  readonly ratios: number[][]
}

// One round of one scenario: every candidate (in a rotated order) is timed right next to a batch
// of the LIMIT, first or second by turns, and its ratio is taken to that adjacent batch.
function round(row: readonly Fn[], sizes: readonly number[], r: number, out: Samples): void {
  const ops = (k: number): number => {
    const n = sizes[k] as number
    const value = (n * 1000) / timeBatch(row[k] as Fn, n)
    ;(out.ops[k] as number[]).push(value)
    return value
  }
  for (let i = 0; i < row.length - 1; i++) {
    const k = 1 + ((i + r) % (row.length - 1))
    const limitFirst = (r + i) % 2 === 0
    const base = limitFirst ? ops(0) : 0
    const mine = ops(k)
    ;(out.ratios[k] as number[]).push(mine / (limitFirst ? base : ops(0)))
  }
}

function rounds(fns: readonly (readonly Fn[])[], timing: Timing): Samples[] {
  const sizes = fns.map((row) => row.map((fn) => calibrate(fn, timing.batchMs)))
  const samples = fns.map((row) => ({
    ops: row.map((): number[] => []),
    ratios: row.map((_, k) => (k === 0 ? [1] : [])),
  }))
  for (let r = 0; r < timing.rounds; r++) {
    fns.forEach((row, s) => {
      round(row, sizes[s] as number[], r, samples[s] as Samples)
    })
  }
  return samples
}

/**
 * Times every candidate on every scenario; the first candidate is the LIMIT (ratio 1).
 *
 * @param candidates - the renderers, LIMIT first
 * @param d - the data
 * @param timing - rounds, batch and warm-up lengths
 */
export function measure(
  candidates: readonly Candidate[],
  d: Dashboard,
  timing: Timing
): RenderResult[] {
  const list = scenarios(d)
  const fns = list.map((s) => candidates.map((c) => s.fn(c)))
  const warmEach = timing.warmupMs / (fns.length * candidates.length)
  for (const fn of fns.flat()) {
    for (const until = performance.now() + warmEach; performance.now() < until;) {
      timeBatch(fn, 5)
    }
  }
  const samples = rounds(fns, timing)
  return list.flatMap((s, i) => {
    const { ops, ratios: all } = samples[i] as Samples
    return candidates.map((c, k) => {
      const mine = ops[k] as number[]
      const ratios = all[k] as number[]
      return {
        scenario: s.name,
        candidate: c.name,
        opsPerSec: quantile(mine, 0.5),
        ratio: quantile(ratios, 0.5),
        q1: quantile(ratios, 0.25),
        q3: quantile(ratios, 0.75),
      }
    })
  })
}
