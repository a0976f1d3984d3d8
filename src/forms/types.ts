import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { Context } from 'hono'
import type { Renderable, SafeHtml } from '../html/index.ts'

/** The input type of a schema: what the form fields hold. */
export type FormInput<S extends StandardSchemaV1> = StandardSchemaV1.InferInput<S>

/** The output type of a schema: the parsed value handed to a successful submit. */
export type FormOutput<S extends StandardSchemaV1> = StandardSchemaV1.InferOutput<S>

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
 */
export type FormValues<T> = T extends Date | Blob
  ? T | string
  : T extends readonly (infer U)[]
    ? readonly FormValues<U>[]
    : T extends object
      ? { readonly [K in keyof T]?: FormValues<T[K]> }
      : T | string

/** Error messages per field path (`'address.city'`, `'items.0.qty'`). */
export type FieldErrors = Readonly<Partial<Record<string, readonly string[]>>>

/** What a form shows: the values kept, the errors per field, the errors of the whole form. */
export interface FormState<T = Record<string, unknown>> {
  readonly values: FormValues<T>
  readonly errors: FieldErrors
  /** Errors not tied to one field (a root `.refine()`, unknown fields). */
  readonly formErrors: readonly string[]
  /** The URL the form posts to (and live validation posts to); the request path after a submit. */
  readonly action?: string | undefined
}

/** The outcome of a submit: the parsed value, or the state to render again. */
export type FormResult<S extends StandardSchemaV1> =
  | {
      readonly ok: true
      readonly value: FormOutput<S>
      readonly state: FormState<FormInput<S>>
    }
  | {
      readonly ok: false
      readonly state: FormState<FormInput<S>>
      readonly issues: readonly StandardSchemaV1.Issue[]
    }

/** A message: fixed text, or built from the schema's issue. */
export type FormMessage = string | ((issue: StandardSchemaV1.Issue) => string)

/** Renders the form partial for a state: used by the GET route, the 422 re-render and live validation. */
export type FormView<T> = (state: FormState<T>, c: Context) => Renderable

/** Wraps the rendered form in the full page, for a submit without JavaScript. */
export type FormPage = (form: SafeHtml, c: Context) => Renderable | Response | Promise<Response>

/** Where a form's views come from: given to `validate()`, or to `rerender()` directly. */
export interface FormViews<T> {
  /** The form partial: the element the form's `hx-target` selects (the `<form>` by default). */
  readonly view: FormView<T>
  /** The whole page around the form, for requests without htmx (JavaScript off). */
  readonly page?: FormPage | undefined
}
