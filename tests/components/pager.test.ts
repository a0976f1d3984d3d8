import { describe, expect, it } from 'vitest'
import { cursorCodec, paginate, pager } from '../../src/components/index.ts'
import { ordersApp } from './fixtures.ts'

const codec = cursorCodec({ secret: 'pager-tests-secret-0000' })
const rows = Array.from({ length: 30 }, (_, i) => i + 1)
const keyset = { seek: () => rows.slice(0, 11), key: (n: number) => [n] }
const href = (patch: {
  page?: number | undefined
  after?: string | null | undefined
  before?: string | null | undefined
}) =>
  `/x?${new URLSearchParams(
    Object.entries(patch)
      .filter(([, v]) => v !== null && v !== undefined && v !== 1)
      .map(([k, v]) => [k, String(v)])
  ).toString()}`

describe('pager()', () => {
  it('renders the elided range with the current page and rel links', async () => {
    const body = await (await ordersApp().request('/orders?page=2&per=10')).text()

    expect(body).toContain('<nav class="hx-pager" aria-label="Orders pages"><ul>')
    expect(body).toContain('<li><a href="/orders" rel="prev"')
    expect(body).toContain('<li><a href="/orders?page=2" aria-current="page">2</a></li>')
    expect(body).toContain('<li><a href="/orders?page=3" rel="next"')
  })

  it('renders gaps hidden from screen readers', async () => {
    const page = await paginate({ slice: () => [], count: () => 500 }, { page: 25, perPage: 10 })

    const out = pager(page, { label: 'Pages', href }).value

    expect(out.match(/<span class="hx-pager-gap" aria-hidden="true">…<\/span>/g)).toHaveLength(2)
    expect(out).toContain('<a href="/x?page=24" rel="prev">Previous</a>')
  })

  it('renders First, Previous and Next for keyset pages', async () => {
    const first = await paginate(keyset, { mode: 'keyset', perPage: 10, codec })

    const out = pager(first, { label: 'Pages', href }).value

    expect(out).toContain('<span class="hx-pager-end" aria-disabled="true">First</span>')
    expect(out).toContain('<span class="hx-pager-end" aria-disabled="true">Previous</span>')
    expect(out).toMatch(/<a href="\/x\?after=[\w-]+\.[\w-]+" rel="next">Next<\/a>/)

    const later = await paginate(keyset, {
      mode: 'keyset',
      perPage: 10,
      codec,
      cursor: { after: codec.encode([10]) },
    })
    const second = pager(later, { label: 'Pages', href }).value

    expect(second).toContain('<a href="/x?">First</a>')
    expect(second).toMatch(/href="\/x\?before=[\w-]+\.[\w-]+" rel="prev"/)
  })
})
