import { html, hx } from '../html/index.ts'
import type { SafeHtml } from '../html/index.ts'
import type { SyncHtml } from './markup.ts'

/** What `lazyPanel()` takes. */
export interface LazyPanelProps {
  readonly id: string
  readonly title: string
  /** The panel body's URL (a fragment). */
  readonly get: string
  /** `'load'`: at once; `'revealed'`: when scrolled into view. @default 'load' */
  readonly when?: 'load' | 'revealed' | undefined
  /** Shown until the body arrives. @default a "Loading…" placeholder */
  readonly placeholder?: SyncHtml
}

/**
 * A dashboard panel whose body loads after the page (`hx-trigger="load"` or `revealed`), so a
 * slow query delays only its own panel. The placeholder keeps the panel's size (a class, no
 * `style=`) and is `aria-busy` until the answer; without JavaScript, a link opens the body.
 *
 * @param props - id, title, URL, when, placeholder
 * @see docs/components.md
 * @example
 * dashboardGrid([lazyPanel({ id: 'revenue', title: 'Revenue', get: '/panels/revenue' })])
 */
export function lazyPanel(props: LazyPanelProps): SafeHtml {
  const placeholder =
    props.placeholder ??
    html`<p class="hx-skeleton">Loading… <a href="${props.get}">Open ${props.title}</a></p>`
  return html`<section class="hx-panel" id="${props.id}" aria-labelledby="${props.id}-title"><h2 id="${props.id}-title">${props.title}</h2><div class="hx-panel-body" aria-busy="true"${hx({ get: props.get, trigger: props.when ?? 'load', swap: 'innerHTML' })}>${placeholder}</div></section>`
}

/**
 * The dashboard grid: panels in a responsive grid (one column on a phone).
 *
 * @param panels - the panels
 * @see docs/components.md
 * @example
 * dashboardGrid([statsPanel, lazyPanel({ id: 'chart', title: 'Revenue', get: '/panels/revenue' })])
 */
export function dashboardGrid(panels: readonly SyncHtml[]): SafeHtml {
  return html`<div class="hx-grid">${panels}</div>`
}
