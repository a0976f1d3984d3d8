import { html, hx } from '../html/index.ts'
import type { PartialLike, SafeHtml } from '../html/index.ts'
import type { KeysetPage, OffsetPage, PagePatch } from './paginate.ts'

/** What `pager()` takes. */
export interface PagerProps {
  /** The nav's accessible name, e.g. `'Orders pages'`. */
  readonly label: string
  /** The URL of a page: usually `(patch) => list.href(path, state, patch)`. */
  readonly href: (patch: PagePatch) => string
  /** The partial the links replace (with `hx-push-url`); without it the links are plain. */
  readonly target?: PartialLike | undefined
}

function link(props: PagerProps, patch: PagePatch | null, text: string, rel?: string): SafeHtml {
  if (patch === null) {
    return html`<li><span class="hx-pager-end" aria-disabled="true">${text}</span></li>`
  }
  const href = props.href(patch)
  const enhance =
    props.target === undefined ? '' : hx({ get: href, target: props.target, pushUrl: true })
  return html`<li><a href="${href}"${rel === undefined ? '' : html` rel="${rel}"`}${enhance}>${text}</a></li>`
}

/**
 * A pager for a page from `paginate()`. Offset pages show Previous, Django's elided page range
 * (the current page with `aria-current="page"`) and Next; keyset pages show First, Previous and
 * Next. Ends render as text, not dead links. Links work without JavaScript.
 *
 * @param page - the page from `paginate()`
 * @param props - the label, the URL builder and the partial to swap
 * @see docs/pagination.md
 * @example
 * pager(page, { label: 'Orders pages', href: (p) => list.href('/orders', state, p), target: self })
 */
export function pager(
  page: OffsetPage<unknown> | KeysetPage<unknown>,
  props: PagerProps
): SafeHtml {
  if (page.mode === 'keyset') {
    return html`<nav class="hx-pager" aria-label="${props.label}"><ul>${link(props, page.hasPrev ? page.first : null, 'First')}${link(props, page.prev, 'Previous', 'prev')}${link(props, page.next, 'Next', 'next')}</ul></nav>`
  }
  const numbers = page.range.map((item) => {
    if (item === '…') {
      return html`<li><span class="hx-pager-gap" aria-hidden="true">…</span></li>`
    }
    if (item === page.page) {
      return html`<li><a href="${props.href({ page: item })}" aria-current="page">${String(item)}</a></li>`
    }
    return link(props, { page: item }, String(item))
  })
  return html`<nav class="hx-pager" aria-label="${props.label}"><ul>${link(props, page.prev, 'Previous', 'prev')}${numbers}${link(props, page.next, 'Next', 'next')}</ul></nav>`
}
