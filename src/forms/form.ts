import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { Context, Handler } from 'hono'
import type { HtmlValue, Renderable, SafeHtml } from '../html/index.ts'
import { formDataPairs, readPairs, urlencodedPairs } from './body.ts'
import { decodePairs } from './decode.ts'
import type { FieldOptions } from './field.ts'
import { renderField } from './field.ts'
import { liveField, liveResponse, registerViews, rerenderState } from './flow.ts'
import { renderForm } from './form-element.ts'
import type { RenderOptions } from './form-element.ts'
import { fileSlots, resolveLimits } from './limits.ts'
import type { FormLimits } from './limits.ts'
import { actionOf, checkOptions } from './options.ts'
import type { JsonSchema } from './schema-meta.ts'
import { deriveJsonSchema } from './schema-meta.ts'
import type { MessageOptions } from './state.ts'
import { messageResolver, toFormState } from './state.ts'
import type {
  FieldPath,
  FormInput,
  FormMessage,
  FormOutput,
  FormResult,
  FormState,
  FormValues,
  FormViews,
} from './types.ts'

/** Options of `form()`; everything is optional. */
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
  /** Live validation of fields as they change (default false; `validate()` then needs a view). */
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

/** Options of `initial()` and `empty()`. */
export interface InitialOptions {
  /** Where this form posts (an edit form's URL). */
  readonly action?: string | undefined
}

/** A form declared from a schema: decoding, validation, rendering and the 422 flow. */
export interface Form<S extends StandardSchemaV1> {
  readonly schema: S
  /** DOM id of the `<form>`. */
  readonly id: string
  /** `'#' + id`: a target for `hx()`. */
  readonly selector: string
  readonly limits: FormLimits
  /** The input JSON Schema the metadata comes from (`undefined`: none, values stay strings). */
  readonly jsonSchema: JsonSchema | undefined
  decode(body: string | URLSearchParams | FormData): FormValues<FormInput<S>>
  parse(c: Context): Promise<FormResult<S>>
  validate(
    hook: (result: FormResult<S>, c: Context) => Response | Promise<Response>,
    views?: FormViews<FormInput<S>>
  ): Handler
  rerender(
    c: Context,
    state: FormState<FormInput<S>>,
    views?: FormViews<FormInput<S>>
  ): Promise<Response>
  initial(record: FormValues<FormInput<S>>, options?: InitialOptions): FormState<FormInput<S>>
  empty(options?: InitialOptions): FormState<FormInput<S>>
  field(
    state: FormState<FormInput<S>>,
    path: FieldPath<FormInput<S>>,
    options?: FieldOptions
  ): SafeHtml
  render(state: FormState<FormInput<S>>, body: SafeHtml, options?: RenderOptions): SafeHtml
  render(state: FormState<FormInput<S>>, body: HtmlValue, options?: RenderOptions): Renderable
}

/**
 * Declares a form once from a schema (zod 4, or any Standard Schema v1): decoding of urlencoded
 * and multipart bodies into the schema's shape within limits, a typed result with a `FormState`,
 * fields rendered from the schema, the 422 re-render and live validation of one field.
 *
 * @param schema - a zod object schema (or a Standard Schema; metadata from its JSON Schema)
 * @param [options] - id, action, messages, limits, live validation; see `FormOptions`
 * @returns the form
 * @see docs/forms.md
 * @example
 * const signup = form(z.object({ email: z.email(), age: z.number().int().min(18) }), { id: 'signup', action: '/signup' })
 * app.post('/signup', signup.validate(async (result, c) => (result.ok ? c.redirect('/welcome', 303) : signup.rerender(c, result.state)), { view }))
 */
export function form<S extends StandardSchemaV1>(
  schema: S,
  options: FormOptions<FormInput<S>> = {}
): Form<S> {
  type T = FormInput<S>
  const id = checkOptions(options)
  const root = deriveJsonSchema(schema, options.jsonSchema)
  const files = fileSlots(root)
  const limits = resolveLimits(options.limits, files)
  const resolveMessage = messageResolver(options)
  const hasFiles = files.slots > 0
  const fieldContext = {
    id,
    root,
    hasFiles,
    action: options.action,
    live: options.live === true,
    liveSwap: options.liveSwap ?? 'outerMorph',
    liveTrigger: options.liveTrigger ?? 'change, keyup delay:500ms changed',
    liveSync: options.liveSync ?? 'this:replace',
  } as const
  const htmx2Status = options.htmx2Status ?? 422

  async function check(values: unknown, action: string | undefined): Promise<FormResult<S>> {
    let result = schema['~standard'].validate(values)
    if (result instanceof Promise) {
      result = await result
    }
    const issues = result.issues ?? []
    const state = toFormState<T>(values, issues, resolveMessage, action)
    return result.issues === undefined
      ? { ok: true, value: result.value as FormOutput<S>, state }
      : { ok: false, state, issues }
  }

  const self: Form<S> = {
    schema,
    id,
    selector: `#${id}`,
    limits,
    jsonSchema: root,
    decode(body) {
      const pairs =
        body instanceof FormData ? formDataPairs(body, limits) : urlencodedPairs(body, limits)
      return decodePairs(pairs, root, limits) as FormValues<T>
    },
    async parse(c) {
      const values = decodePairs(await readPairs(c.req, limits), root, limits)
      return check(values, actionOf(c))
    },
    validate(hook, views) {
      if (fieldContext.live && views === undefined) {
        throw new TypeError('validate(): live validation needs the form view: pass { view }')
      }
      return async (c: Context) => {
        const result = await self.parse(c)
        const live = liveField(c)
        if (live !== undefined && views !== undefined) {
          return liveResponse(c, result.state as FormState<never>, live, views)
        }
        registerViews(c, views)
        return hook(result, c)
      }
    },
    rerender(c, state, views) {
      return rerenderState(c, state as FormState<never>, views, htmx2Status)
    },
    initial(record, initialOptions = {}) {
      return {
        values: record,
        errors: {},
        formErrors: [],
        action: initialOptions.action ?? options.action,
      }
    },
    empty(initialOptions) {
      return self.initial({} as FormValues<T>, initialOptions)
    },
    field(state, path, fieldOptions) {
      return renderField(fieldContext, state as FormState<never>, path, fieldOptions)
    },
    render(state: FormState<T>, body: HtmlValue, renderOptions?: RenderOptions) {
      return renderForm(fieldContext, state as FormState<never>, body, renderOptions) as SafeHtml
    },
  }
  return self
}
