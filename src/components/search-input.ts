import { html, hx } from '../html/index.ts'
import type { PartialLike, SafeHtml } from '../html/index.ts'

/** What `searchInput()` takes. */
export interface SearchInputProps {
  readonly id: string
  readonly label: string
  /** The results page (the form's action). */
  readonly path: string
  /** The results partial htmx replaces. */
  readonly target: PartialLike
  /** @default 'q' */
  readonly name?: string | undefined
  readonly value?: string | undefined
  readonly placeholder?: string | undefined
}

/**
 * Active search: a `role="search"` GET form with a labelled search input, sent as the user types
 * (`input changed delay:300ms`, `search` for the clear button, `submit` for Enter; no trigger
 * filter), the older request cancelled by the newer (`hx-sync`), the URL pushed. Not a combobox:
 * results go to a partial with a polite count line (`resultCount()`). Without JavaScript, Enter
 * submits.
 *
 * @param props - id, label, path, target, name, value
 * @see docs/components.md
 * @example
 * searchInput({ id: 'customer-search', label: 'Search customers', path: '/customers', target: results, value: q })
 */
export function searchInput(props: SearchInputProps): SafeHtml {
  const name = props.name ?? 'q'
  const inputId = `${props.id}-input`
  const placeholder =
    props.placeholder === undefined ? '' : html` placeholder="${props.placeholder}"`
  return html`<form class="hx-search" id="${props.id}" role="search" method="get" action="${props.path}"${hx(
    {
      get: props.path,
      target: props.target,
      trigger: 'input changed delay:300ms, search, submit',
      sync: 'this:replace',
      pushUrl: true,
    }
  )}><label for="${inputId}">${props.label}</label><input type="search" id="${inputId}" name="${name}" value="${props.value ?? ''}" autocomplete="off"${placeholder} /><button type="submit">Search</button></form>`
}

/**
 * The polite result-count line of a results partial ("23 results").
 *
 * @param count - how many results
 * @param [noun='result'] - singular noun; an `s` is added for other counts
 * @see docs/components.md
 * @example
 * html`${resultCount(rows.length, 'customer')}<ul>…</ul>`
 */
export function resultCount(count: number, noun = 'result'): SafeHtml {
  const text = `${new Intl.NumberFormat('en-GB').format(count)} ${noun}${count === 1 ? '' : 's'}`
  return html`<p class="hx-result-count" role="status">${text}</p>`
}
