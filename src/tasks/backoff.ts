import { checkKeys } from '../internal/options.ts'

/** Ms to wait before the next attempt, or `null` for no retry. `attempt` is the one that failed. */
export type BackoffFunction = (attempt: number, error: unknown) => number | null

/** The default exponential backoff's knobs. */
export interface BackoffOptions {
  /** ms before the first retry @default 1000 */
  delay?: number | undefined
  /** @default 2 */
  factor?: number | undefined
  /** the cap, ms @default 600_000 (10 minutes) */
  max?: number | undefined
  /** fraction taken off at random, 0..1 @default 0.2 */
  jitter?: number | undefined
}

function positive(caller: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) {
    return fallback
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`${caller}: "${name}" must be a finite number ≥ 0.`)
  }
  return value
}

/** The backoff of a definition: `delay · factor^(attempt−1)`, capped at `max`, less up to `jitter`. */
export function toBackoff(caller: string, given: unknown): BackoffFunction {
  if (typeof given === 'function') {
    return given as BackoffFunction
  }
  checkKeys(caller, given, ['delay', 'factor', 'max', 'jitter'], 'backoff.')
  const options = (given ?? {}) as BackoffOptions
  const delay = positive(caller, 'backoff.delay', options.delay, 1000)
  const factor = positive(caller, 'backoff.factor', options.factor, 2)
  const max = positive(caller, 'backoff.max', options.max, 600_000)
  const jitter = positive(caller, 'backoff.jitter', options.jitter, 0.2)
  if (jitter > 1) {
    throw new TypeError(`${caller}: "backoff.jitter" must be between 0 and 1.`)
  }
  return (attempt) => {
    const full = Math.min(max, delay * factor ** (attempt - 1))
    return Math.round(full * (1 - jitter * Math.random()))
  }
}
