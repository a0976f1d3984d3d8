import type { Context } from 'hono'
import { getHtmx, redirectTo } from '../htmx/index.ts'
import { checkKeys } from '../internal/options.ts'

/**
 * How `completeSubmit()` answers a valid submit.
 *
 * @see docs/forms.md
 * @example
 * completeSubmit(c, { redirect: '/orders/7/edit', htmx: () => ordersPage.respond(c, ['orders']) })
 */
export interface SubmitOptions {
  /**
   * Where the browser goes next: a 303 without JavaScript (Post/Redirect/Get), `HX-Location`
   * for htmx unless `htmx` is given. A same-origin path (see `redirectTo()`).
   */
  readonly redirect: string
  /** The answer to an htmx request instead of the redirect: update the page in place. */
  readonly htmx?: (() => Response | Promise<Response>) | undefined
}

/**
 * Answers a valid submit the way the request needs: the `htmx` answer for htmx (the partials
 * that changed, a toast), a redirect otherwise, so a form works the same with JavaScript off.
 *
 * @param c - the hono context
 * @param options - `redirect` (required) and `htmx`
 * @returns the response
 * @see docs/forms.md
 * @example
 * app.post('/orders', orderForm.validator(views), (c) =>
 *   completeSubmit(c, { redirect: `/orders/${save(c.req.valid('form'))}`, htmx: () => ordersPage.respond(c, ['orders']) }))
 */
export async function completeSubmit(c: Context, options: SubmitOptions): Promise<Response> {
  checkKeys('completeSubmit()', options, ['redirect', 'htmx'])
  if (typeof (options.redirect as unknown) !== 'string') {
    throw new TypeError('completeSubmit(): "redirect" must be a path such as /orders/1')
  }
  if (options.htmx === undefined || getHtmx(c) === null) {
    return redirectTo(c, options.redirect)
  }
  return options.htmx()
}
