import { attrs, html, hx } from '../html/index.ts'
import type { Attributes, ClassValue, HtmlValue, Renderable, SafeHtml } from '../html/index.ts'
import { checkKeys } from '../internal/options.ts'
import type { FormState } from './types.ts'

const RENDER_OPTIONS: readonly string[] = ['action', 'target', 'novalidate', 'class', 'attrs']

/**
 * How `render()` writes the `<form>` element; everything is optional.
 *
 * @see docs/forms.md
 * @example
 * signup.render(state, body, { target: panel, novalidate: true, class: 'card' })
 */
export interface RenderOptions {
  /** Where the form posts (default: the state's action, then the form's `action` option). */
  readonly action?: string | undefined
  /** What a 422 re-render replaces: a selector or a partial (default: the form itself). */
  readonly target?: string | { readonly selector: string } | undefined
  /** Adds `novalidate` (server-side errors only). */
  readonly novalidate?: boolean | undefined
  readonly class?: ClassValue
  /** Extra attributes of the `<form>`. */
  readonly attrs?: Attributes | undefined
}

/** What `render()` needs from its form. */
export interface FormElementContext {
  readonly id: string
  readonly hasFiles: boolean
  readonly action: string | undefined
}

/**
 * Renders the `<form>`: a plain POST that works without JavaScript, plus `hx-post` to the same
 * URL, swapping the form in place (`outerHTML`), also on 422 (`hx-status:422`, for apps that set
 * `noSwap: ['4xx']`), and the errors of the whole form before the fields.
 */
export function renderForm(
  ctx: FormElementContext,
  state: FormState<never>,
  body: HtmlValue,
  options: RenderOptions = {}
): Renderable {
  checkKeys('render()', options, RENDER_OPTIONS)
  const action = options.action ?? state.action ?? ctx.action
  if (action === undefined) {
    throw new TypeError('render(): "action" must be given to form(), initial() or render()')
  }
  const errors =
    state.formErrors.length === 0
      ? ''
      : html`<div id="${ctx.id}-errors" class="form-errors" role="alert">${state.formErrors.map(
          (message) => html`<p>${message}</p>`
        )}</div>`
  const element = attrs({
    id: ctx.id,
    method: 'post',
    action,
    enctype: ctx.hasFiles ? 'multipart/form-data' : undefined,
    novalidate: options.novalidate === true,
    class: options.class,
    ...options.attrs,
  })
  const htmx = hx({
    post: action,
    target: options.target ?? `#${ctx.id}`,
    swap: 'outerHTML',
    status: { 422: 'swap:outerHTML' },
  })
  return html`<form${element}${htmx}>${errors}${body}</form>`
}

/** The markup of a rendered view, awaited. */
export async function settle(markup: Renderable): Promise<SafeHtml> {
  return markup
}
