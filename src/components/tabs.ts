import { html, hx } from '../html/index.ts'
import type { PartialLike, SafeHtml } from '../html/index.ts'
import type { SyncHtml } from './markup.ts'

/** One tab: its key (`?tab=<key>`), label and URL. */
export interface Tab {
  readonly key: string
  readonly label: string
  readonly href: string
}

/** What `tabs()` takes. */
export interface TabsProps {
  readonly id: string
  /** The tab list's accessible name. */
  readonly label: string
  readonly tabs: readonly Tab[]
  /** The selected tab's key. */
  readonly selected: string
  /** The selected tab's panel content. */
  readonly panel: SyncHtml
  /** The partial holding the tabs (tab list and panel), swapped as one; plain links without it. */
  readonly target?: PartialLike | undefined
}

/**
 * Tabs rendered by the server: a `role="tablist"` of links (`role="tab"`, `aria-selected` set
 * here, roving `tabindex`) and the one panel of the selected tab. Activation is manual, as the
 * ARIA pattern asks when panels load from the server: arrow keys, Home and End move the focus
 * (`hxkit.js`), Enter or Space follows the link, and htmx swaps the tabs' partial and pushes the
 * URL; focus comes back to the new selected tab (`data-hxkit-tabs`). Without JavaScript they
 * are links. For tabs whose selection the browser owns, see `data-hxkit-tabs="client"` in the
 * docs.
 *
 * @param props - id, label, tabs, selected key, panel, partial
 * @see docs/components.md
 * @example
 * tabs({ id: 'order-tabs', label: 'Order', selected: 'items', target: self, panel: items,
 *   tabs: [{ key: 'items', label: 'Items', href: '?tab=items' }, { key: 'log', label: 'Activity', href: '?tab=log' }] })
 */
export function tabs(props: TabsProps): SafeHtml {
  const tabId = (key: string): string => `${props.id}-tab-${key}`
  const panelId = `${props.id}-panel`
  const list = props.tabs.map((tab) => {
    const selected = tab.key === props.selected
    const enhance =
      props.target === undefined ? '' : hx({ get: tab.href, target: props.target, pushUrl: true })
    const controls = selected ? html` aria-controls="${panelId}"` : ''
    return html`<a role="tab" id="${tabId(tab.key)}" href="${tab.href}" aria-selected="${selected ? 'true' : 'false'}" tabindex="${selected ? '0' : '-1'}"${controls}${enhance}>${tab.label}</a>`
  })
  return html`<div class="hx-tabs" data-hxkit-tabs><div role="tablist" aria-label="${props.label}">${list}</div><div role="tabpanel" id="${panelId}" aria-labelledby="${tabId(props.selected)}" tabindex="0">${props.panel}</div></div>`
}
