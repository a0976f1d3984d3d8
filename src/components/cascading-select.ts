import { html, hx } from '../html/index.ts'
import type { SafeHtml } from '../html/index.ts'

/** What `cascadingSelect()` takes. */
export interface CascadingSelectProps {
  readonly id: string
  readonly name: string
  readonly label: string
  readonly options: readonly (readonly [value: string, label: string])[]
  readonly value?: string | undefined
  /** The URL answering the dependent select (`outerHTML`), given this one's value. */
  readonly get?: string | undefined
  /** The dependent select's id. */
  readonly child?: string | undefined
  /** An empty first option, e.g. "Choose a country". */
  readonly prompt?: string | undefined
}

/**
 * A select whose choice reloads a dependent select (country → city): on `change`, htmx GETs
 * `get` with the enclosing form's values (`hx-include="closest form"`) and replaces the child
 * select with the answer, which is another `cascadingSelect()`. Without JavaScript, submit the
 * form and render both with the chosen value.
 *
 * @param props - id, name, label, options, value, URL and child id
 * @see docs/components.md
 * @example
 * cascadingSelect({ id: 'country', name: 'country', label: 'Country', options, get: '/cities', child: 'city' })
 */
export function cascadingSelect(props: CascadingSelectProps): SafeHtml {
  const enhance =
    props.get === undefined || props.child === undefined
      ? ''
      : hx({
          get: props.get,
          target: `#${props.child}-field`,
          swap: 'outerHTML',
          include: 'closest form',
        })
  const prompt = props.prompt === undefined ? [] : [['', props.prompt] as const]
  const options = [...prompt, ...props.options].map(
    ([value, label]) =>
      html`<option value="${value}"${value === (props.value ?? '') ? ' selected' : ''}>${label}</option>`
  )
  return html`<div class="hx-field" id="${props.id}-field"><label for="${props.id}">${props.label}</label><select id="${props.id}" name="${props.name}"${enhance}>${options}</select></div>`
}
