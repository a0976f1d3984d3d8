import type { Context } from 'hono'
import type { Renderable, SafeHtml } from '../html/index.ts'
import type { FormInput, FormIssue, FormOutput, FormSchema } from './standard.ts'

type Leaf = string | number | boolean | bigint | Date | Blob | null | undefined
type Prev = [never, 0, 1, 2, 3, 4]

type KeyPaths<K extends string, V, D extends number> = V extends Leaf
  ? K
  : V extends readonly (infer U)[]
    ? Exclude<U, null | undefined> extends Leaf
      ? K | `${K}.${number}`
      : `${K}.${number}.${FieldPath<Exclude<U, null | undefined>, D>}`
    : `${K}.${FieldPath<V, D>}`

/**
 * The dotted names of the fields of `T` (a schema's input type), five levels deep at most:
 * `'email'`, `'address.city'`, `'items.${number}.qty'`, and `'tags'` for a list of scalars.
 * A misspelt name is a compile error.
 *
 * @see docs/forms.md
 * @example
 * const path: FieldPath<{ address: { city: string } }> = 'address.city'
 */
export type FieldPath<T, D extends number = 5> = [D] extends [never]
  ? never
  : T extends Leaf | readonly unknown[]
    ? never
    : {
        [K in keyof T & string]-?: KeyPaths<K, Exclude<T[K], null | undefined>, Prev[D]>
      }[keyof T & string]

/**
 * The submitted values as decoded, in the shape of `T`: a value that did not convert (`'12abc'`
 * for a number) stays the string the user typed, so it can be shown again.
 *
 * @see docs/forms.md
 * @example
 * const kept: FormValues<{ age: number }> = { age: '12abc' }
 */
export type FormValues<T> = T extends Date | Blob
  ? T | string
  : T extends readonly (infer U)[]
    ? readonly FormValues<U>[]
    : T extends object
      ? { readonly [K in keyof T]?: FormValues<T[K]> }
      : T | string

/**
 * Error messages per field path (`'address.city'`, `'items.0.qty'`).
 *
 * @see docs/forms.md
 * @example
 * const errors: FieldErrors = { 'address.city': ['Enter a city'] }
 */
export type FieldErrors = Readonly<Partial<Record<string, readonly string[]>>>

/**
 * What a form shows: the values kept, the errors per field, the errors of the whole form. Plain
 * data: build one with `initial()`, `empty()`, or by spreading another.
 *
 * @see docs/forms.md
 * @example
 * const state: FormState<Fields> = { ...result.state, errors: { email: ['Already registered'] } }
 */
export interface FormState<T = Record<string, unknown>> {
  readonly values: FormValues<T>
  readonly errors: FieldErrors
  /** Errors not tied to one field (a root `.refine()`, unknown fields). */
  readonly formErrors: readonly string[]
  /** The URL the form posts to (and live validation posts to); the request path after a submit. */
  readonly action?: string | undefined
  /**
   * The field that renders with `autofocus` while it has errors. `respond()` sets it to the
   * first field with an error when the state has none.
   */
  readonly focus?: string | undefined
}

/**
 * The outcome of a submit: the parsed value, or the state to render again.
 *
 * @see docs/forms.md
 * @example
 * const hook = (result: FormResult<typeof schema>) => (result.ok ? undefined : log(result.issues))
 */
export type FormResult<S extends FormSchema> =
  | {
      readonly ok: true
      readonly value: FormOutput<S>
      readonly state: FormState<FormInput<S>>
    }
  | {
      readonly ok: false
      readonly state: FormState<FormInput<S>>
      readonly issues: readonly FormIssue[]
    }

/**
 * A message: fixed text, or built from the schema's issue.
 *
 * @see docs/forms.md
 * @example
 * const message: FormMessage = (issue) => `Check this: ${issue.message}`
 */
export type FormMessage = string | ((issue: FormIssue) => string)

/**
 * Renders the form partial for a state: the GET route, the 422 re-render and live validation
 * all use it.
 *
 * @see docs/forms.md
 * @example
 * const view: FormView<Fields> = (state) => signup.render(state, signup.field(state, 'email'))
 */
export type FormView<T> = (state: FormState<T>, c: Context) => Renderable

/**
 * Wraps the rendered form in the full page, for a submit without JavaScript.
 *
 * @see docs/forms.md
 * @example
 * const page: FormPage = (form) => layout(form)
 */
export type FormPage = (form: SafeHtml, c: Context) => Renderable | Response | Promise<Response>

/**
 * Where a form's views come from: given to `validator()`, or to `respond()` directly.
 *
 * @see docs/forms.md
 * @example
 * const views: FormViews<Fields> = { view, page: (form) => layout(form) }
 */
export interface FormViews<T> {
  /** The form partial: the element the form's `hx-target` selects (the `<form>` by default). */
  readonly view: FormView<T>
  /** The whole page around the form, for requests without htmx (JavaScript off). */
  readonly page?: FormPage | undefined
}
