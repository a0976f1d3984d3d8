import type { HxSwap } from '../internal/swap.ts'

export type { HxDelay, HxScroll, HxSwap, HxSwapSpec, HxSwapStyle } from '../internal/swap.ts'

/**
 * A partial as `hx()` sees it: its name (sent as `HX-Partial`) and the selector of its wrapper.
 *
 * @see docs/html.md
 * @example
 * const orders: PartialLike = { name: 'orders', selector: '#orders' }
 */
export interface PartialLike {
  readonly name: string
  readonly selector: string
}

/** A value of `hx-vals` or `hx-headers`: htmx 4 flattens arrays and objects, so scalars only. */
export type HxScalar = string | number | boolean | null

type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9'
type StatusClass = '1' | '2' | '3' | '4' | '5'

/** A key of `status`: an exact code (`422`) or a pattern (`'42x'`, `'4xx'`). */
export type HxStatusPattern =
  number | `${StatusClass}${Digit}${Digit}` | `${StatusClass}${Digit}x` | `${StatusClass}xx`

/** `hx-status:<pattern>` values: HCON merged into the request context, e.g. `'swap:none'`. */
export type HxStatus = Readonly<Partial<Record<HxStatusPattern, string | undefined>>>

/** Every option whose attribute htmx 4 lets descendants inherit with `:inherited`. */
export interface HxInheritable {
  /** `hx-target`: a selector, or a partial (then `hx-swap` defaults to `outerHTML`). */
  readonly target?: string | { readonly selector: string } | undefined
  readonly swap?: HxSwap | undefined
  readonly select?: string | undefined
  readonly selectOob?: string | undefined
  readonly pushUrl?: boolean | string | undefined
  readonly replaceUrl?: boolean | string | undefined
  readonly vals?: Readonly<Record<string, HxScalar>> | undefined
  readonly headers?: Readonly<Record<string, HxScalar>> | undefined
  /** Sends `HX-Partial: <name>` in `hx-headers`, merged with `headers`. */
  readonly partial?: PartialLike | undefined
  readonly include?: string | undefined
  readonly indicator?: string | undefined
  readonly confirm?: string | undefined
  readonly boost?: boolean | undefined
  /** htmx 4 `hx-disable`: a selector of elements disabled during the request. */
  readonly disable?: string | undefined
  readonly sync?: string | undefined
  readonly encoding?: 'multipart/form-data' | undefined
  readonly status?: HxStatus | undefined
}

/** Options whose values htmx 4 joins to the inherited value with `:append`. */
export type HxAppendable = Pick<
  HxInheritable,
  'vals' | 'headers' | 'partial' | 'include' | 'indicator' | 'disable' | 'selectOob'
>

/**
 * The options of `hx()`: one per htmx 4 attribute, plus `inherited` and `append` groups.
 *
 * @see docs/html.md
 * @example
 * const options: HxOptions = { get: '/orders', target: '#orders', inherited: { boost: true } }
 */
export interface HxOptions extends HxInheritable {
  readonly get?: string | undefined
  readonly post?: string | undefined
  readonly put?: string | undefined
  readonly patch?: string | undefined
  readonly delete?: string | undefined
  /** htmx 4's `QUERY` verb. */
  readonly query?: string | undefined
  readonly trigger?: string | undefined
  /** The same options rendered as `hx-…:inherited`, for descendants to inherit. */
  readonly inherited?: HxInheritable | undefined
  /** The same options rendered as `hx-…:append`, joined to what an ancestor passes down. */
  readonly append?: HxAppendable | undefined
}
