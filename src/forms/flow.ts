import type { Context } from 'hono'
import { HTMX_REQUEST_HEADERS, getHtmx } from '../htmx/index.ts'
import { addVary, editHeaders } from '../internal/vary.ts'
import { LIVE_PARAM } from './body.ts'
import { FormDecodeError } from './errors.ts'
import { cutField } from './field.ts'
import { settle } from './form-element.ts'
import type { FormState, FormViews } from './types.ts'

/** What a failed submit is answered with: 422 for a schema's errors, the status of a refusal. */
export type FailureStatus = 400 | 413 | 415 | 422

function finish(res: Response): Response {
  // the body and status depend on the htmx headers: keep caches from mixing fragment and page
  return editHeaders(res, (headers) => {
    addVary(headers, HTMX_REQUEST_HEADERS)
  })
}

function firstError(state: FormState<never>): string | undefined {
  return Object.keys(state.errors).find((path) => (state.errors[path]?.length ?? 0) > 0)
}

/** The views `validator()` left on the context for this request, if one ran. */
export function submittedViews(c: Context): FormViews<never> | undefined {
  // undefined when no validator ran: the variable map's type says so
  return c.get('formSubmission')?.views
}

/**
 * Answers a failed submit: the form partial for htmx, the whole page without JavaScript, with
 * `status` (422, or the refusal's 413). htmx 2 swaps 2xx only unless configured, so it gets 200
 * instead when the form says `htmx2Status: 200`. The first field with an error takes the focus.
 */
export async function respondWithState(
  c: Context,
  state: FormState<never>,
  views: FormViews<never> | undefined,
  htmx2Status: 200 | 422,
  status: FailureStatus = 422
): Promise<Response> {
  const chosen = views ?? submittedViews(c)
  if (chosen === undefined) {
    throw new Error('respond(): no view is provided: pass { view } to validator() or respond().')
  }
  const shown = state.focus === undefined ? { ...state, focus: firstError(state) } : state
  const markup = await settle(chosen.view(shown, c))
  const request = getHtmx(c)
  if (request !== null) {
    return finish(c.html(markup.value, request.version === 2 && htmx2Status === 200 ? 200 : status))
  }
  const page = chosen.page === undefined ? markup : await chosen.page(markup, c)
  return finish(page instanceof Response ? page : c.html((await settle(page)).value, status))
}

/** The field named by `?_validate=`, or undefined for a normal submit. */
export function liveField(c: Context): string | undefined {
  return c.req.query(LIVE_PARAM)
}

/** Renders the form for `state` and answers with the one field's wrapper (200, no-store). */
export async function liveResponse(
  c: Context,
  state: FormState<never>,
  path: string,
  views: FormViews<never>,
  formId: string
): Promise<Response> {
  const markup = await settle(views.view(state, c))
  const field = cutField(markup.value, formId, path)
  if (field === undefined) {
    throw new FormDecodeError(
      'bad-name',
      `Field "${path.slice(0, 64)}" is not rendered by this form`
    )
  }
  c.header('Cache-Control', 'no-store')
  return finish(c.html(field))
}
