import { attrs, html, hx } from '../html/index.ts'
import type { Attributes, ClassValue, SafeHtml } from '../html/index.ts'
import { LIVE_PARAM } from './body.ts'
import { constraintAttrs } from './constraints.ts'
import { control } from './controls.ts'
import { inferType, specAt } from './field-spec.ts'
import type { FieldType } from './field-spec.ts'
import type { JsonSchema } from './schema-meta.ts'
import { errorsAt, valueAt } from './state.ts'
import { capture, takeFocus } from './tracking.ts'
import type { FormState } from './types.ts'

/** How `field()` renders one field; everything is optional. */
export interface FieldOptions {
  /** Label text (default: the last name segment, humanised: `zipCode` → "Zip code"). */
  readonly label?: string | SafeHtml | undefined
  /** The control (default: implied by the schema). */
  readonly type?: FieldType | undefined
  /** Help text under the control, linked with `aria-describedby`. */
  readonly hint?: string | undefined
  /** Placeholder; for a select, the text of the empty option. */
  readonly placeholder?: string | undefined
  /** Labels of enum values (`{ pro: 'Pro plan' }`), or the choices of a plain string select. */
  readonly choices?: Readonly<Record<string, string>> | undefined
  /** Live validation for this field (default: the form's `live` option; never for files). */
  readonly live?: boolean | undefined
  /** Classes added to the wrapper `<div class="field">`. */
  readonly class?: ClassValue
  /** Extra attributes of the control (`autocomplete`, `rows`, `data-*`). */
  readonly attrs?: Attributes | undefined
}

/** What `field()` needs from its form. */
export interface FieldContext {
  readonly id: string
  readonly root: JsonSchema | undefined
  readonly hasFiles: boolean
  readonly action: string | undefined
  readonly live: boolean
  readonly liveSwap: 'outerMorph' | 'outerHTML'
  readonly liveTrigger: string
  readonly liveSync: string
}

/** The DOM id of a field's control: `<form id>-<path>` with `.` as `-`. */
export function fieldId(formId: string, path: string): string {
  return `${formId}-${path.replace(/\./g, '-').replace(/[^\w-]/g, '_')}`
}

function humanise(path: string): string {
  const last =
    path
      .split('.')
      .filter((segment) => !/^\d+$/.test(segment))
      .pop() ?? path
  const words = last
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

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

function liveAttributes(
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

/** Renders label, control, hint and error text of one field, in a wrapper with a stable id. */
export function renderField(
  ctx: FieldContext,
  state: FormState<never>,
  path: string,
  options: FieldOptions = {}
): SafeHtml {
  const segments = path.split('.')
  const spec = specAt(ctx.root, segments)
  const type = options.type ?? inferType(spec, options.choices !== undefined)
  const id = fieldId(ctx.id, path)
  const errors = errorsAt(state, path)
  const invalid = errors.length > 0
  const describedBy = [options.hint === undefined ? '' : `${id}-hint`, invalid ? `${id}-error` : '']
    .filter((part) => part !== '')
    .join(' ')
  const choiceLabels = options.choices ?? {}
  const choices = (spec.choices ?? Object.keys(choiceLabels)).map(
    (value) =>
      [value, Object.hasOwn(choiceLabels, value) ? (choiceLabels[value] as string) : value] as const
  )
  const markup = control({
    type,
    value: valueAt(state.values, segments),
    attributes: {
      id,
      name: path,
      ...constraintAttrs(spec, type),
      'aria-invalid': invalid ? 'true' : undefined,
      'aria-describedby': describedBy === '' ? undefined : describedBy,
      autofocus: invalid && takeFocus(state),
      ...options.attrs,
    },
    live: (options.live ?? ctx.live) ? liveAttributes(ctx, state, path, type, id) : html``,
    choices,
    placeholder: options.placeholder,
  })
  if (type === 'hidden') {
    return markup
  }
  const label = html`<label for="${id}">${options.label ?? humanise(path)}</label>`
  const hint =
    options.hint === undefined
      ? ''
      : html`<p id="${id}-hint" class="field-hint">${options.hint}</p>`
  const messages = errors.map((message) => html`<span>${message}</span>`)
  const wrapperClass = [
    'field',
    { 'field-checkbox': type === 'checkbox', 'field-invalid': invalid },
    options.class,
  ]
  const out = html`<div${attrs({ id: `${id}-field`, class: wrapperClass })}>${type === 'checkbox' ? [markup, label] : [label, markup]}${hint}<p id="${id}-error" class="field-error" aria-live="polite">${messages}</p></div>`
  capture(state, path, out)
  return out
}
