import { SafeHtml, escapeHtml, hxNonce } from '../html/index.ts'
import type { NamedPartial } from './partial.ts'

/**
 * Wraps a partial's markup in an `<hx-partial>` block for a multi-region response.
 *
 * htmx turns `<hx-partial>` into a `<template>` before parsing, so the content may be table rows;
 * htmx 4 and htmx 2.0.11+ apply it (docs/protocol.md §3.1). The default swap is `outerHTML`
 * because a partial's markup carries its own wrapper element. Under `csp()` the block carries the
 * response's `hx-nonce` (htmx 4's `hx-csp` extension).
 *
 * @param part - the partial (its `selector` becomes `hx-target`)
 * @param markup - the partial's rendered markup, usually `await part.render(c)`
 * @param [swap='outerHTML'] - the swap spec, e.g. `beforeend`
 * @returns `<hx-partial hx-target="#id" hx-swap="…">markup</hx-partial>`
 * @see docs/partials.md
 * @example
 * html`${await orders.render(c)}${hxPartial(stats, await stats.render(c))}`
 */
export function hxPartial(
  part: Pick<NamedPartial, 'selector'>,
  markup: SafeHtml,
  swap = 'outerHTML'
): SafeHtml {
  const target = escapeHtml(part.selector)
  return new SafeHtml(
    `<hx-partial hx-target="${target}" hx-swap="${escapeHtml(swap)}"${hxNonce().value}>${markup.value}</hx-partial>`
  )
}
