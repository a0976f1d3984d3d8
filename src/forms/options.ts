import type { Context } from 'hono'
import { checkKeys } from '../internal/options.ts'
import { LIVE_PARAM } from './body.ts'
import type { JsonSchema } from './json-schema.ts'
import type { FormLimits } from './limits.ts'
import type { MessageOptions } from './state.ts'
import type { FieldPath, FormMessage } from './types.ts'

/**
 * Options of `form()`; everything is optional. Unknown keys are refused with a TypeError.
 *
 * @see docs/forms.md
 * @example
 * form(schema, { id: 'signup', action: '/signup', live: true, messages: { email: 'Enter a work email' } })
 */
export interface FormOptions<T> {
  /** DOM id of the `<form>` and prefix of its field ids (default `'form'`). */
  readonly id?: string | undefined
  /** Where the form posts when the state carries no action (a create form's URL). */
  readonly action?: string | undefined
  /** Messages per field path (`'address.city'`; `'items.0.qty'` covers every item). */
  readonly messages?: Readonly<Partial<Record<FieldPath<T>, FormMessage>>> | undefined
  /** One function for every message (translation); `undefined` keeps the schema's. */
  readonly message?: MessageOptions['message']
  /** Caps on the body; see docs/forms.md for the defaults. */
  readonly limits?: Partial<FormLimits> | undefined
  /** Live validation of fields as they change (default false). */
  readonly live?: boolean | undefined
  /** How a live field is swapped: `'outerMorph'` (htmx 4, default) or `'outerHTML'` (htmx 2). */
  readonly liveSwap?: 'outerMorph' | 'outerHTML' | undefined
  /** `hx-trigger` of live text fields (default `'change, keyup delay:500ms changed'`). */
  readonly liveTrigger?: string | undefined
  /**
   * `hx-sync` of live fields (default `'this:replace'`). htmx 2 logs every aborted request as an
   * error (`htmx:sendAbort`): use `'this:queue last'` there.
   */
  readonly liveSync?: 'this:replace' | 'this:queue last' | 'this:drop' | undefined
  /** Status of a failed htmx 2 submit: 422 (configure `responseHandling`) or 200. */
  readonly htmx2Status?: 200 | 422 | undefined
  /** The input JSON Schema, for Standard Schemas that cannot produce one. */
  readonly jsonSchema?: JsonSchema | undefined
}

/**
 * Options of `initial()` and `empty()`.
 *
 * @see docs/forms.md
 * @example
 * customerForm.initial(customer, { action: `/customers/${customer.id}` })
 */
export interface InitialOptions {
  /** Where this form posts (an edit form's URL). */
  readonly action?: string | undefined
}

const ID = /^[A-Za-z][\w-]*$/
const SWAPS: readonly string[] = ['outerMorph', 'outerHTML']
const SYNCS: readonly string[] = ['this:replace', 'this:queue last', 'this:drop']

/** The keys `form()` accepts. */
export const FORM_OPTIONS: readonly string[] = [
  'id',
  'action',
  'messages',
  'message',
  'limits',
  'live',
  'liveSwap',
  'liveTrigger',
  'liveSync',
  'htmx2Status',
  'jsonSchema',
]

/** Refuses a value outside a list: `form(): "liveSwap" must be one of outerMorph, outerHTML`. */
export function checkOneOf(
  fn: string,
  name: string,
  value: unknown,
  allowed: readonly unknown[]
): void {
  if (value !== undefined && !allowed.includes(value)) {
    throw new TypeError(`${fn}: "${name}" must be one of ${allowed.map(String).join(', ')}`)
  }
}

/** Checks the options once, in the factory; returns the form id. */
export function checkOptions(options: {
  readonly id?: string | undefined
  readonly liveSwap?: string | undefined
  readonly liveSync?: string | undefined
  readonly htmx2Status?: number | undefined
}): string {
  checkKeys('form()', options, FORM_OPTIONS)
  const id = options.id ?? 'form'
  if (!ID.test(id)) {
    throw new TypeError(`form(): "id" must match ${String(ID)}, got ${JSON.stringify(id)}`)
  }
  checkOneOf('form()', 'liveSwap', options.liveSwap, SWAPS)
  checkOneOf('form()', 'liveSync', options.liveSync, SYNCS)
  checkOneOf('form()', 'htmx2Status', options.htmx2Status, [200, 422])
  return id
}

/**
 * The URL a submit came to, as the action of the re-rendered form: path and query without the
 * live marker, leading slashes collapsed so `//evil.example` never becomes a form action.
 */
export function actionOf(c: Context): string {
  const url = new URL(c.req.url)
  url.searchParams.delete(LIVE_PARAM)
  const path = `/${url.pathname.replace(/^[/\\]+/, '')}`
  return url.search === '' ? path : `${path}${url.search}`
}
