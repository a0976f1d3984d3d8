import { attrs, escapeHtml, html } from '../html/index.ts'
import type { Attributes, ClassValue, SafeHtml } from '../html/index.ts'
import { checkKeys } from '../internal/options.ts'
import type { FieldNode } from './compile.ts'
import { constraintAttrs } from './constraints.ts'
import { control } from './controls.ts'
import { FIELD_TYPES, inferType, specAt } from './field-spec.ts'
import type { FieldType } from './field-spec.ts'
import { liveAttributes } from './live.ts'
import { checkOneOf } from './options.ts'
import { errorsAt, valueAt } from './state.ts'
import type { FormState } from './types.ts'

const FIELD_OPTIONS: readonly string[] = [
  'label',
  'type',
  'hint',
  'placeholder',
  'choices',
  'live',
  'class',
  'attrs',
]

/**
 * How `field()` renders one field; everything is optional.
 *
 * @see docs/forms.md
 * @example
 * signup.field(state, 'email', { label: 'Work email', hint: 'We never share it', attrs: { autocomplete: 'email' } })
 */
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
  readonly tree: FieldNode | undefined
  readonly hasFiles: boolean
  readonly action: string | undefined
  readonly live: boolean
  readonly liveSwap: 'outerMorph' | 'outerHTML'
  readonly liveTrigger: string
  readonly liveSync: string
}

/**
 * The DOM id of a field's control: `<form id>-<path>` with `.` as `-`.
 *
 * @param formId - the form's id
 * @param path - the field's dotted path
 * @returns the id; `-field` and `-error` suffixes name the wrapper and the error text
 * @see docs/forms.md
 * @example
 * fieldId('signup', 'address.city') // 'signup-address-city'
 */
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

const focusHere = (focus: string | undefined, path: string): boolean =>
  focus !== undefined && (focus === path || focus.startsWith(`${path}.`))

/** Renders label, control, hint and error text of one field, in a wrapper with a stable id. */
export function renderField(
  ctx: FieldContext,
  state: FormState<never>,
  path: string,
  options: FieldOptions = {}
): SafeHtml {
  checkKeys('field()', options, FIELD_OPTIONS)
  checkOneOf('field()', 'type', options.type, FIELD_TYPES)
  const segments = path.split('.')
  const spec = specAt(ctx.tree, segments)
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
      autofocus: invalid && focusHere(state.focus, path),
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
  return html`<div${attrs({ id: `${id}-field`, class: wrapperClass })}>${type === 'checkbox' ? [markup, label] : [label, markup]}${hint}<p id="${id}-error" class="field-error" aria-live="polite">${messages}</p></div>`
}

/**
 * Cuts one field's wrapper out of a rendered form (live validation answers with it alone), or
 * `undefined` when the form does not render that field. The wrapper ends with its error text,
 * whose messages are escaped, so the first `</p></div>` after it closes the wrapper.
 */
export function cutField(markup: string, formId: string, path: string): string | undefined {
  const id = fieldId(formId, path)
  const start = markup.indexOf(`<div id="${id}-field"`)
  const errors =
    start === -1
      ? -1
      : markup.indexOf(`<p id="${id}-error" class="field-error" aria-live="polite">`, start)
  const end = errors === -1 ? -1 : markup.indexOf('</p></div>', errors)
  const out = end === -1 ? '' : markup.slice(start, end + '</p></div>'.length)
  // ids flatten `.` to `-`: make sure this is the field of that very name
  return out.includes(` name="${escapeHtml(path)}"`) ? out : undefined
}
