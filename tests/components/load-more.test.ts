import { describe, expect, it } from 'vitest'
import { loadMore, paginate } from '../../src/components/index.ts'
import { ordersApp } from './fixtures.ts'

const source = {
  slice: (offset: number, limit: number) => [1, 2, 3].slice(offset, offset + limit),
  count: () => 3,
}
const href = (patch: { page?: number | undefined }) => `/x?page=${String(patch.page)}`

describe('loadMore()', () => {
  it('renders a load-more link that picks the rows out of the next page', async () => {
    const body = await (await ordersApp().request('/orders')).text()

    expect(body).toContain(
      '<tr class="hx-more"><td colspan="5"><a href="/orders?page=2" hx-get="/orders?page=2" hx-target="closest tr" hx-swap="outerHTML" hx-select="#orders-rows &gt; tr"'
    )
  })

  it('renders an infinite-scroll row triggered when revealed', async () => {
    const page = await paginate(source, { page: 1, perPage: 2 })

    const out = loadMore(page, {
      href,
      rows: 'r',
      colspan: 3,
      mode: 'infinite',
      label: 'More orders',
    }).value

    expect(out).toBe(
      '<tr class="hx-more" hx-get="/x?page=2" hx-target="closest tr" hx-swap="outerHTML" hx-select="#r &gt; tr" hx-trigger="revealed"><td colspan="3"><a href="/x?page=2">More orders</a></td></tr>'
    )
  })

  it('renders nothing on the last page', async () => {
    const page = await paginate(source, { page: 2, perPage: 2 })

    expect(loadMore(page, { href, rows: 'r', colspan: 3 }).value).toBe('')
  })
})
