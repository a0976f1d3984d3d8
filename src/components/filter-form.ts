import { html, hx } from '../html/index.ts'
import type { PartialLike, SafeHtml } from '../html/index.ts'
import type { FieldSchema, ListCodec, ListState } from './list-state.ts'

/** One control of `filterForm()`; `name` is the list state's filter name. */
export type FilterField =
  | {
      readonly type: 'search'
      readonly name: string
      readonly label: string
      readonly placeholder?: string | undefined
    }
  | {
      readonly type: 'select'
      readonly name: string
      readonly label: string
      /** `[value, label]` pairs; an "any" option with an empty value comes first. */
      readonly options: readonly (readonly [value: string, label: string])[]
      /** The label of the empty option. @default 'Any' */
      readonly any?: string | undefined
    }
  | {
      readonly type: 'date-range'
      readonly from: string
      readonly to: string
      readonly label: string
    }
  | { readonly type: 'boolean'; readonly name: string; readonly label: string }

/** What `filterForm()` takes. */
export interface FilterFormProps<F extends Record<string, FieldSchema>, K extends string> {
  /** Prefix of the controls' ids. */
  readonly id: string
  /** The list's path: the form's `action`. */
  readonly path: string
  readonly list: ListCodec<F, K>
  readonly state: ListState<F, K>
  readonly fields: readonly FilterField[]
  /** The partial the form replaces; without it the form only submits. */
  readonly target?: PartialLike | undefined
  /** The form's accessible name. @default 'Filters' */
  readonly label?: string | undefined
  /**
   * Leave the sort and page-size fields out, to render them with `filterHidden()` inside the
   * list's partial (a form outside the partial would keep a stale sort). @default false
   */
  readonly hiddenOutside?: boolean | undefined
}

/**
 * The hidden sort and page-size fields of a `filterForm()` (`form="<id>-form"`), to render inside
 * the list's partial, so every swap of the list brings the current sort along.
 *
 * @param props - the form's id, the list codec and state
 * @see docs/components.md
 * @example
 * html`${filterHidden({ id: 'order-filters', list, state })}${dataTable(…)}`
 */
export function filterHidden<F extends Record<string, FieldSchema>, K extends string>(
  props: Pick<FilterFormProps<F, K>, 'id' | 'list' | 'state'>,
  owner?: string
): SafeHtml {
  const sort = new URLSearchParams(
    props.list.serialize(props.state, { page: 1, after: null, before: null })
  )
  const form = owner === undefined ? html` form="${props.id}-form"` : ''
  return html`${['sort', 'per']
    .map((name) => [name, sort.get(name)] as const)
    .filter((pair): pair is readonly [string, string] => pair[1] !== null)
    .map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}"${form} />`)}`
}

function control(id: string, field: FilterField, raw: Readonly<Record<string, string>>): SafeHtml {
  switch (field.type) {
    case 'search': {
      const fid = `${id}-${field.name}`
      return html`<div class="hx-field"><label for="${fid}">${field.label}</label><input type="search" id="${fid}" name="${field.name}" value="${raw[field.name] ?? ''}"${field.placeholder === undefined ? '' : html` placeholder="${field.placeholder}"`} /></div>`
    }
    case 'select': {
      const fid = `${id}-${field.name}`
      const current = raw[field.name] ?? ''
      const options = [['', field.any ?? 'Any'] as const, ...field.options].map(
        ([value, label]) =>
          html`<option value="${value}"${value === current ? ' selected' : ''}>${label}</option>`
      )
      return html`<div class="hx-field"><label for="${fid}">${field.label}</label><select id="${fid}" name="${field.name}">${options}</select></div>`
    }
    case 'date-range': {
      const from = `${id}-${field.from}`
      const to = `${id}-${field.to}`
      return html`<fieldset class="hx-field hx-date-range"><legend>${field.label}</legend><label for="${from}">From</label><input type="date" id="${from}" name="${field.from}" value="${raw[field.from] ?? ''}" /><label for="${to}">To</label><input type="date" id="${to}" name="${field.to}" value="${raw[field.to] ?? ''}" /></fieldset>`
    }
    case 'boolean': {
      const fid = `${id}-${field.name}`
      const checked = raw[field.name] === 'true' ? ' checked' : ''
      return html`<div class="hx-field hx-check"><input type="checkbox" id="${fid}" name="${field.name}" value="true"${checked} /><label for="${fid}">${field.label}</label></div>`
    }
  }
}

/**
 * The search and filter form of a list: a GET form (`role="search"`) with search, select,
 * date-range and yes/no controls filled from the list state, the current sort and page size kept
 * in hidden fields, an Apply button and a Clear link. Without JavaScript it submits; with
 * `target`, htmx sends it as the user types (`input` with a delay, `change`, `submit`; no trigger
 * filter), cancels the request it replaces (`hx-sync`) and pushes the URL. Answer with the list's
 * partial and, for a clean address bar, `setPushUrl(c, list.href(path, state))`.
 *
 * @param props - the controls, the list codec and state, the partial to replace
 * @see docs/components.md
 * @example
 * filterForm({ id: 'f', path: '/orders', list, state, target: self, fields: [
 *   { type: 'search', name: 'q', label: 'Search' },
 *   { type: 'select', name: 'status', label: 'Status', options: [['shipped', 'Shipped']] },
 * ] })
 */
export function filterForm<F extends Record<string, FieldSchema>, K extends string>(
  props: FilterFormProps<F, K>
): SafeHtml {
  const { state, list } = props
  const kept =
    props.hiddenOutside === true ? '' : filterHidden({ id: props.id, list, state }, 'inside')
  const enhance =
    props.target === undefined
      ? ''
      : hx({
          get: props.path,
          target: props.target,
          trigger: 'input delay:300ms, change, submit',
          sync: 'this:replace',
          pushUrl: true,
        })
  return html`<form class="hx-filters" id="${props.id}-form" role="search" aria-label="${props.label ?? 'Filters'}" method="get" action="${props.path}"${enhance}>${props.fields.map((field) => control(props.id, field, state.raw))}${kept}<div class="hx-filter-actions"><button type="submit">Apply</button><a href="${props.path}">Clear</a></div></form>`
}
