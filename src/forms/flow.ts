import type { Context, Handler } from 'hono'
import { html } from '../html/index.ts'
import { getHtmx } from '../htmx/index.ts'
import { LIVE_PARAM } from './body.ts'
import { FormDecodeError } from './errors.ts'
import { settle } from './form-element.ts'
import { focusFirstError, startCapture } from './tracking.ts'
import type { FormState, FormViews } from './types.ts'

const registered = new WeakMap<Context, FormViews<never>>()

function finish(res: Response): Response {
  // the body depends on HX-Request: keep caches from mixing the fragment and the page
  res.headers.append('Vary', 'HX-Request')
  return res
}

/** Remembers the views `validate()` was given, for `rerender(c, state)` in its hook. */
export function registerViews(c: Context, views: FormViews<never> | undefined): void {
  if (views !== undefined) {
    registered.set(c, views)
  }
}

/**
 * Answers a failed submit with status 422: the form partial for htmx (`htmx2Status` for htmx 2,
 * which swaps 4xx only when configured), the whole page without JavaScript.
 */
export async function rerenderState(
  c: Context,
  state: FormState<never>,
  views: FormViews<never> | undefined,
  htmx2Status: 200 | 422
): Promise<Response> {
  const chosen = views ?? registered.get(c)
  if (chosen === undefined) {
    throw new Error('rerender(): no view is provided: pass { view } to validate() or rerender().')
  }
  focusFirstError(state)
  const markup = await settle(chosen.view(state, c))
  const request = getHtmx(c)
  if (request !== null) {
    return finish(c.html(markup.value, request.version === 2 ? htmx2Status : 422))
  }
  const page = chosen.page === undefined ? markup : await chosen.page(markup, c)
  return finish(page instanceof Response ? page : c.html((await settle(page)).value, 422))
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
  views: FormViews<never>
): Promise<Response> {
  const fields = startCapture(state)
  await settle(views.view(state, c))
  const markup = fields.get(path)
  if (markup === undefined) {
    throw new FormDecodeError(
      'bad-name',
      `Field "${path.slice(0, 64)}" is not rendered by this form`
    )
  }
  c.header('Cache-Control', 'no-store')
  return finish(c.html(html`${markup}`.value))
}

/** Wraps a hook as a hono handler; the hook is typed by the caller. */
export type ValidateHandler = Handler
