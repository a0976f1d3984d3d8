import type { Context, Env, MiddlewareHandler } from 'hono'
import type { HtmlValue, Renderable, SafeHtml } from '../html/index.ts'
import { checkKeys } from '../internal/options.ts'
import { formDataPairs, readPairs, urlencodedPairs } from './body.ts'
import { compileSchema, fileSlots } from './compile.ts'
import { decodePairs } from './decode.ts'
import type { FieldOptions } from './field.ts'
import { renderField } from './field.ts'
import { respondWithState } from './flow.ts'
import { renderForm } from './form-element.ts'
import type { RenderOptions } from './form-element.ts'
import { deriveJsonSchema } from './json-schema.ts'
import type { JsonSchema } from './json-schema.ts'
import { resolveLimits } from './limits.ts'
import type { FormLimits } from './limits.ts'
import { actionOf, checkOptions } from './options.ts'
import type { FormOptions, InitialOptions } from './options.ts'
import type { FormInput, FormOutput, FormSchema } from './standard.ts'
import { messageResolver, toFormState } from './state.ts'
import type { FieldPath, FormResult, FormState, FormValues, FormViews } from './types.ts'
import { createValidator } from './validator.ts'
import type { FormHook, FormValidation, FormValidatorOptions } from './validator.ts'

/**
 * A form declared from a schema: decoding, the validator middleware, rendering, the 422 flow.
 *
 * @see docs/forms.md
 * @example
 * app.post('/signup', signup.validator({ view }), (c) => c.json(c.req.valid('form')))
 */
export interface Form<S extends FormSchema> {
  readonly schema: S
  /** DOM id of the `<form>`. */
  readonly id: string
  /** `'#' + id`: a target for `hx()`. */
  readonly selector: string
  readonly limits: FormLimits
  /** The input JSON Schema the field tree was compiled from (`undefined`: values stay strings). */
  readonly jsonSchema: JsonSchema | undefined
  /** Decodes a body into the schema's shape, within the limits, without validating. */
  decode(body: string | URLSearchParams | FormData): FormValues<FormInput<S>>
  /** Reads, decodes and validates the request's body (the validator's first step). */
  parse(c: Context): Promise<FormResult<S>>
  /**
   * A middleware that decodes and validates the body: the handler after it runs for valid data
   * only, `c.req.valid('form')`; an invalid submit gets the view again (422), a live validation
   * the one field.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as hono's validator(): built once, mounted on any app
  validator<E extends Env = any, P extends string = string>(
    options: FormValidatorOptions<FormInput<S>>,
    hook?: FormHook<S, E, P>
  ): MiddlewareHandler<E, P, FormValidation<S>>
  /** Answers with the form for `state` (422): views from `validator()` unless given here. */
  respond(
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
 * Declares a form once from a schema (zod 4, or any Standard Schema v1). The schema is compiled
 * here, once, into the field tree that decoding, fields and constraints read.
 *
 * @param schema - a zod object schema (or a Standard Schema; metadata from its JSON Schema)
 * @param [options] - id, action, messages, limits, live validation; see `FormOptions`
 * @returns the form
 * @throws TypeError for an unknown option or a bad value, naming it
 * @see docs/forms.md
 * @example
 * const signup = form(z.object({ email: z.email() }), { id: 'signup', action: '/signup' })
 * app.post('/signup', signup.validator({ view }), (c) => completeSubmit(c, { redirect: '/welcome' }))
 */
export function form<S extends FormSchema>(
  schema: S,
  options: FormOptions<FormInput<S>> = {}
): Form<S> {
  type T = FormInput<S>
  const id = checkOptions(options)
  const jsonSchema = deriveJsonSchema(schema, options.jsonSchema)
  const tree = compileSchema(jsonSchema)
  const files = fileSlots(tree)
  const limits = resolveLimits(options.limits, files)
  const resolveMessage = messageResolver(options)
  const fieldContext = {
    id,
    tree,
    hasFiles: files.slots > 0,
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
    jsonSchema,
    decode(body) {
      const pairs =
        body instanceof FormData ? formDataPairs(body, limits) : urlencodedPairs(body, limits)
      return decodePairs(pairs, tree, limits) as FormValues<T>
    },
    async parse(c) {
      const values = decodePairs(await readPairs(c.req, limits), tree, limits)
      return check(values, actionOf(c))
    },
    validator(validatorOptions, hook) {
      const views = validatorOptions as FormValidatorOptions<never>
      return createValidator({ id, htmx2Status, parse: (c) => self.parse(c) }, views, hook)
    },
    respond(c, state, views) {
      return respondWithState(c, state as FormState<never>, views, htmx2Status)
    },
    initial(record, initialOptions = {}) {
      checkKeys('initial()', initialOptions, ['action'])
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
