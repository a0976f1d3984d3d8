/** A page number, or `'…'` for the pages left out. */
export type PageRangeItem = number | '…'

/**
 * Django's `Paginator.get_elided_page_range()`: the first and last `onEnds` pages, `onEachSide`
 * pages around the current one, and `'…'` for each gap.
 *
 * @param page - the current page (1-based)
 * @param pageCount - how many pages there are
 * @param [onEachSide=3] - pages shown on each side of the current one
 * @param [onEnds=2] - pages shown at each end
 * @see docs/pagination.md
 * @example
 * elidedPageRange(10, 50) // [1, 2, '…', 7, 8, 9, 10, 11, 12, 13, '…', 49, 50]
 */
export function elidedPageRange(
  page: number,
  pageCount: number,
  onEachSide = 3,
  onEnds = 2
): PageRangeItem[] {
  const span = (from: number, to: number): number[] =>
    Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i)
  if (pageCount <= (onEachSide + onEnds) * 2) {
    return span(1, pageCount)
  }
  const out: PageRangeItem[] = []
  if (page > 1 + onEachSide + onEnds + 1) {
    out.push(...span(1, onEnds), '…', ...span(page - onEachSide, page))
  } else {
    out.push(...span(1, page))
  }
  if (page < pageCount - onEachSide - onEnds - 1) {
    out.push(...span(page + 1, page + onEachSide), '…', ...span(pageCount - onEnds + 1, pageCount))
  } else {
    out.push(...span(page + 1, pageCount))
  }
  return out
}
