import { html, hx } from '../html/index.ts'
import type { SafeHtml } from '../html/index.ts'
import type { KeysetPage, OffsetPage, PagePatch } from './paginate.ts'

/** What `loadMore()` takes. */
export interface LoadMoreProps {
  /** The URL of the next page: usually `(patch) => list.href(path, state, patch)`. */
  readonly href: (patch: PagePatch) => string
  /** The `<tbody>` id the rows live in (`<table id>-rows`): the rows are picked from the response. */
  readonly rows: string
  /** How many columns the row spans. */
  readonly colspan: number
  /** `'button'`: a "Load more" link; `'infinite'`: loads when scrolled into view (`revealed`). @default 'button' */
  readonly mode?: 'button' | 'infinite' | undefined
  /** The link text. @default 'Load more' */
  readonly label?: string | undefined
}

/**
 * The last row of a table that appends the next page: a "Load more" link, or for infinite scroll
 * a row that loads when revealed. The request is the next page's ordinary URL; htmx picks the new
 * rows (and the next such row) out of the answer with `hx-select` and replaces this row with them,
 * so the server answers with the same list it renders for the pager. No row on the last page.
 * Without JavaScript the link opens the next page.
 *
 * @param page - the page from `paginate()`
 * @param props - the URL builder, the rows' `<tbody>` id, the column count
 * @see docs/pagination.md
 * @example
 * dataTable({ …, tail: loadMore(page, { href, rows: 'orders-rows', colspan: 6 }) })
 */
export function loadMore(
  page: OffsetPage<unknown> | KeysetPage<unknown>,
  props: LoadMoreProps
): SafeHtml {
  if (page.next === null) {
    return html``
  }
  const href = props.href(page.next)
  const infinite = props.mode === 'infinite'
  const select = `#${props.rows} > tr`
  const attrs = hx({
    get: href,
    target: 'closest tr',
    swap: 'outerHTML',
    select,
    ...(infinite ? { trigger: 'revealed' } : {}),
  })
  const row = infinite ? attrs : ''
  const linkAttrs = infinite ? '' : attrs
  return html`<tr class="hx-more"${row}><td colspan="${String(props.colspan)}"><a href="${href}"${linkAttrs}>${props.label ?? 'Load more'}</a></td></tr>`
}
