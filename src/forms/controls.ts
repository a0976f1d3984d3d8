import { attrs, html } from '../html/index.ts'
import type { Attributes, SafeHtml } from '../html/index.ts'
import type { FieldType } from './field-spec.ts'

/** Everything a control needs, computed by `field()`. */
export interface ControlInput {
  readonly type: FieldType
  readonly value: unknown
  /** id, name, constraints, aria-*, autofocus and extra attributes, in order. */
  readonly attributes: Attributes
  /** The htmx attributes of live validation (empty when off). */
  readonly live: SafeHtml
  readonly choices: readonly (readonly [value: string, label: string])[]
  readonly placeholder: string | undefined
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** Formats a kept value for an input: dates as the input type expects (UTC), numbers as text. */
export function inputValue(value: unknown, type: FieldType): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      return undefined
    }
    const day = `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`
    const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`
    return type === 'datetime-local' ? `${day}T${time}` : type === 'time' ? time : day
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
    return String(value)
  }
  return typeof value === 'boolean' ? String(value) : undefined
}

function selected(value: unknown, choice: string): boolean {
  return Array.isArray(value)
    ? value.some((item) => inputValue(item, 'text') === choice)
    : inputValue(value, 'text') === choice
}

function select(input: ControlInput): SafeHtml {
  const multiple = input.attributes['multiple'] === true
  const empty = multiple ? '' : html`<option value="">${input.placeholder ?? ''}</option>`
  const options = input.choices.map(
    ([value, label]) =>
      html`<option${attrs({ value, selected: selected(input.value, value) })}>${label}</option>`
  )
  return html`<select${attrs(input.attributes)}${input.live}>${empty}${options}</select>`
}

function textarea(input: ControlInput): SafeHtml {
  const text = inputValue(input.value, 'textarea') ?? ''
  // the HTML parser drops one newline right after <textarea>: keep the user's
  const lead = text.startsWith('\n') ? '\n' : ''
  const placeholder = input.placeholder
  return html`<textarea${attrs({ ...input.attributes, placeholder })}${input.live}>${lead}${text}</textarea>`
}

/** Renders the control of a field: input, select or textarea. */
export function control(input: ControlInput): SafeHtml {
  if (input.type === 'select') {
    return select(input)
  }
  if (input.type === 'textarea') {
    return textarea(input)
  }
  const type = input.type
  const value =
    type === 'checkbox'
      ? { value: 'true', checked: input.value === true }
      : type === 'file' || type === 'password'
        ? {}
        : { value: inputValue(input.value, type) }
  const placeholder = type === 'checkbox' ? undefined : input.placeholder
  const { id, name, ...rest } = input.attributes
  return html`<input${attrs({ id: id, name: name, type, ...value, placeholder, ...rest })}${input.live}>`
}
