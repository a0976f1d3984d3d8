import { attrs, html, hx } from '../html/index.ts'
import type { SafeHtml } from '../html/index.ts'
import { LIVE_PARAM } from './body.ts'
import type { FieldType } from './field-spec.ts'
import type { FieldContext } from './field.ts'
import type { FormState } from './types.ts'

const CHOICE_TYPES: ReadonlySet<string> = new Set([
  'checkbox',
  'select',
  'date',
  'datetime-local',
  'time',
])

// Choice controls validate on `change`. A swap that replaces the element (outerHTML, as htmx 2
// has no morph) would drop the focus of a keyboard user mid-choice (a select fires `change` on
// every arrow key), so there they validate when focus leaves them instead.
function liveTrigger(ctx: FieldContext, type: FieldType): string {
  if (!CHOICE_TYPES.has(type)) {
    return ctx.liveTrigger
  }
  if (/Morph|Sync/.test(ctx.liveSwap)) {
    return 'change'
  }
  return type === 'checkbox' ? 'focusout' : 'focusout changed'
}

/** The htmx attributes of a live field: post the form to `?_validate=<path>`, swap the wrapper. */
export function liveAttributes(
  ctx: FieldContext,
  state: FormState<never>,
  path: string,
  type: FieldType,
  id: string
): SafeHtml {
  const action = state.action ?? ctx.action
  if (action === undefined || type === 'file' || type === 'hidden') {
    return html``
  }
  const url = `${action}${action.includes('?') ? '&' : '?'}${LIVE_PARAM}=${encodeURIComponent(path)}`
  return html`${hx({
    post: url,
    trigger: liveTrigger(ctx, type),
    target: `#${id}-field`,
    swap: ctx.liveSwap,
    sync: ctx.liveSync,
  })}${attrs({ 'hx-encoding': ctx.hasFiles ? 'application/x-www-form-urlencoded' : undefined })}`
}
