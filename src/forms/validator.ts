import type { Context, Env, MiddlewareHandler, Next, ValidationTargets } from 'hono'
import { checkKeys } from '../internal/options.ts'
import { FormDecodeError } from './errors.ts'
import { liveField, liveResponse, respondWithState } from './flow.ts'
import type { FailureStatus } from './flow.ts'
import type { FormOutput, FormSchema } from './standard.ts'
import type { FormResult, FormState, FormViews } from './types.ts'

/**
 * What a form's validator leaves on the context (`c.var.formSubmission`) for the rest of the
 * request: the hook, the handler and `respond()` read it.
 *
 * @see docs/forms.md
 * @example
 * const values = c.var.formSubmission?.state.values
 */
export interface FormSubmission {
  /** The id of the form whose validator ran. */
  readonly formId: string
  /** The submitted state: values as decoded, errors (none when valid), the URL posted to. */
  readonly state: FormState<unknown>
  /** The views given to `validator()`: `respond(c, state)` uses them. */
  readonly views: FormViews<never>
  /** The field validated live (`?_validate=`), or undefined for a submit. */
  readonly live: string | undefined
}

/**
 * The context variables of the forms, for `new Hono<{ Variables: FormVariables }>()`; every
 * app also gets them through `ContextVariableMap`.
 *
 * @see docs/forms.md
 * @example
 * const app = new Hono<{ Variables: FormVariables }>()
 */
export interface FormVariables {
  /** Set by a form's `validator()`; undefined before one ran on this request (a GET). */
  formSubmission: FormSubmission | undefined
}

/**
 * The hook of `validator()`, as in `@hono/zod-validator`: called with every result of a submit
 * (not of a live validation). A Response it returns is the answer; otherwise a valid submit goes
 * on to the handler and an invalid one gets the form again (422).
 *
 * @see docs/forms.md
 * @example
 * const hook: FormHook<typeof schema> = async (result, c) =>
 *   result.ok && (await taken(result.value.email)) ? signup.respond(c, { ...result.state, errors: { email: ['Taken'] } }) : undefined
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as hono's validator(): fits any app
export type FormHook<S extends FormSchema, E extends Env = any, P extends string = string> = (
  result: FormResult<S>,
  c: Context<E, P>
) => Response | undefined | Promise<Response | undefined>

/**
 * The views of `validator()`, and what to show when the body is refused.
 *
 * @see docs/forms.md
 * @example
 * signup.validator({ view, page: (form) => layout(form), refused: (error, c) => undefined })
 */
export interface FormValidatorOptions<T> extends FormViews<T> {
  /**
   * A state to show when the decoder refuses the body (413 for an upload over the cap): the form
   * is answered with it and the refusal's status. `undefined` lets the plain-text refusal through.
   */
  readonly refused?: ((error: FormDecodeError, c: Context) => FormState<T> | undefined) | undefined
}

/**
 * The input types `validator()` gives a route: `c.req.valid('form')` is the schema's output.
 *
 * @see docs/forms.md
 * @example
 * const handler = (c: Context<Env, '/signup', FormValidation<typeof schema>>) => c.json(c.req.valid('form'))
 */
export interface FormValidation<S extends FormSchema> {
  in: { form: ValidationTargets['form'] }
  out: { form: FormOutput<S> }
}

/** What the validator needs from its form. */
export interface ValidatorContext<S extends FormSchema> {
  readonly id: string
  readonly htmx2Status: 200 | 422
  parse(c: Context): Promise<FormResult<S>>
}

const VALIDATOR_OPTIONS: readonly string[] = ['view', 'page', 'refused']

async function refuse(
  c: Context,
  error: unknown,
  options: FormValidatorOptions<never>,
  htmx2Status: 200 | 422
): Promise<Response> {
  const state = error instanceof FormDecodeError ? options.refused?.(error, c) : undefined
  if (state === undefined) {
    throw error
  }
  const status = (error as FormDecodeError).status as FailureStatus
  return respondWithState(c, state, options, htmx2Status, status)
}

/** Builds the validator middleware of a form; options are checked here, once. */
export function createValidator<S extends FormSchema, E extends Env, P extends string>(
  form: ValidatorContext<S>,
  options: FormValidatorOptions<never>,
  hook: FormHook<S, E, P> | undefined
): MiddlewareHandler<E, P, FormValidation<S>> {
  checkKeys('validator()', options, VALIDATOR_OPTIONS)
  if (typeof (options.view as unknown) !== 'function') {
    throw new TypeError('validator(): "view" must be a function rendering the form for a state')
  }
  const views: FormViews<never> = { view: options.view, page: options.page }
  return async function formValidator(c: Context<E, P, FormValidation<S>>, next: Next) {
    let result: FormResult<S>
    try {
      result = await form.parse(c)
    } catch (error) {
      return refuse(c, error, options, form.htmx2Status)
    }
    const live = liveField(c)
    const submission: FormSubmission = { formId: form.id, state: result.state, views, live }
    ;(c as Context).set('formSubmission', submission)
    if (live !== undefined) {
      return liveResponse(c, result.state as FormState<never>, live, views, form.id)
    }
    const answer = await hook?.(result, c)
    if (answer !== undefined) {
      return answer
    }
    if (!result.ok) {
      return respondWithState(c, result.state as FormState<never>, views, form.htmx2Status)
    }
    c.req.addValidatedData('form', result.value as object)
    await next()
    return undefined
  }
}
