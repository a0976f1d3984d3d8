import { html, hx } from '../html/index.ts'
import type { SafeHtml } from '../html/index.ts'
import type { SyncHtml } from './markup.ts'

/** What `disclosure()` takes. */
export interface DisclosureProps {
  readonly summary: SyncHtml
  /** The content; or `get` to load it the first time it opens. */
  readonly body?: SyncHtml
  /** Loads the body on first open (`toggle once`); without JavaScript, a link to it is shown. */
  readonly get?: string | undefined
  /** An exclusive accordion group: opening one closes the others with the same name. */
  readonly name?: string | undefined
  readonly open?: boolean | undefined
}

/**
 * A disclosure: native `<details>`/`<summary>` (keyboard, `aria-expanded` and state come from the
 * browser; `name` makes an exclusive accordion). With `get`, htmx loads the body the first time
 * it opens.
 *
 * @param props - summary, body or URL, group name, open
 * @see docs/components.md
 * @example
 * disclosure({ summary: 'Shipping address', get: '/orders/7/address' })
 */
export function disclosure(props: DisclosureProps): SafeHtml {
  const name = props.name === undefined ? '' : html` name="${props.name}"`
  const open = props.open === true ? ' open' : ''
  const lazy =
    props.get === undefined
      ? ''
      : hx({
          get: props.get,
          trigger: 'toggle once',
          target: 'find .hx-disclosure-body',
          swap: 'innerHTML',
        })
  const body = props.body ?? (props.get === undefined ? '' : html`<a href="${props.get}">Show</a>`)
  return html`<details class="hx-disclosure"${name}${open}${lazy}><summary>${props.summary}</summary><div class="hx-disclosure-body">${body}</div></details>`
}
