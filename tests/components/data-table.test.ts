import { describe, expect, it } from 'vitest'
import { dataTable, tableRow } from '../../src/components/index.ts'
import { scanCspSafety } from '../../src/csp/index.ts'
import { htmx4Element, htmx4Headers } from '../../src/testing/index.ts'
import { checkPartialParity } from '../../src/views/index.ts'
import { ORDERS, columns, list, ordersApp, ordersPage } from './fixtures.ts'

const partialHeaders = htmx4Headers({ source: 'a', target: htmx4Element('section', 'orders') })

describe('dataTable()', () => {
  describe('as a page', () => {
    it('renders the caption, headers, rows, count and pager', async () => {
      const res = await ordersApp().request('/orders?sort=-total,id')
      const body = await res.text()

      expect(res.status).toBe(200)
      expect(body).toContain(
        '<caption>Orders<span class="visually-hidden">, column headers with links are sortable</span></caption>'
      )
      expect(body).toContain('<th scope="col" class="column-total num" aria-sort="descending">')
      expect(body).toContain('<sup class="hx-sort-priority">1</sup>')
      expect(body).toContain('<p class="hx-table-count" id="orders-count">42 orders</p>')
      expect(body).toContain('Customer &lt;0&gt;')
      expect(body).toContain('<th scope="row" class="column-id num"><a href="/orders/')
      expect(body).toContain('<span class="status">')
      expect(body).toContain('aria-label="Select order ')
      expect(body).toContain('data-hxkit-select-all="ids"')
      expect(body.match(/<tr id="order-/g)).toHaveLength(10)
    })

    it('links each sortable header to the toggled sort, keeping the filters', async () => {
      const body = await (
        await ordersApp().request('/orders?status=shipped&sort=total&page=2')
      ).text()

      expect(body).toContain('href="/orders?status=shipped&amp;sort=-total"')
      expect(body).toContain('href="/orders?status=shipped&amp;sort=customer%2Ctotal"')
      expect(body).toContain('hx-push-url="true"')
      expect(body).not.toContain('column-status"><a')
    })

    it('marks the first sort key only with aria-sort', async () => {
      const body = await (await ordersApp().request('/orders?sort=customer,-total')).text()

      expect(body.match(/aria-sort=/g)).toHaveLength(1)
      expect(body).toContain('aria-sort="ascending"')
      expect(body).toContain(
        '<span class="hx-sort-glyph" aria-hidden="true">▼</span><sup class="hx-sort-priority">2</sup>'
      )
    })

    it('shows the empty state', async () => {
      const body = await (await ordersApp().request('/orders?q=nobody')).text()

      expect(body).toContain(
        '<tr class="hx-empty"><td colspan="5">Nothing matches these filters.</td></tr>'
      )
      expect(body).toContain('0 orders')
    })

    it('answers 400 for an unknown sort key', async () => {
      const res = await ordersApp().request('/orders?sort=secret')

      expect(res.status).toBe(400)
      expect(await res.text()).toContain('cannot sort by "secret"')
    })

    it('passes the CSP scanner and page/fragment parity', async () => {
      const app = ordersApp()
      const res = await app.request('/orders?sort=-total')
      const nonce = /nonce-([^']+)/.exec(res.headers.get('Content-Security-Policy') ?? '')?.[1]

      expect(scanCspSafety(await res.text(), { nonce, hxCsp: true })).toEqual([])
      const parity = await checkPartialParity(app, '/orders?sort=-total&page=2', ordersPage)
      expect(parity.filter((p) => !p.ok)).toEqual([])
    })
  })

  describe('as a partial', () => {
    it('answers the table only', async () => {
      const res = await ordersApp().request('/orders?page=3', { headers: partialHeaders })
      const body = await res.text()

      expect(body.startsWith('<section id="orders"')).toBe(true)
      expect(body).not.toContain('<h1>')
      expect(body).toContain('aria-current="page">3</a>')
    })
  })

  it('renders without select, actions, sorting or count', () => {
    const state = list.parse({})
    const out = dataTable({
      id: 't',
      caption: 'Plain',
      columns: [{ key: 'customer', label: 'Customer' }],
      rows: [],
      list,
      state,
      path: '/x',
      empty: 'No orders yet.',
    }).value

    expect(out).toBe(
      '<div class="hx-table-wrap"><table class="hx-table" id="t-table"><caption>Plain</caption><thead><tr><th scope="col" class="column-customer">Customer</th></tr></thead><tbody id="t-rows"><tr class="hx-empty"><td colspan="1">No orders yet.</td></tr></tbody></table></div>'
    )
  })

  it('renders plain sort links without a target', () => {
    const out = dataTable({
      id: 't',
      caption: 'C',
      columns,
      rows: [],
      list,
      state: list.parse({}),
      path: '/x',
    }).value

    expect(out).toContain('<a class="hx-sort" href="/x?sort=-id">')
    expect(out).not.toContain('hx-get')
  })
})

describe('tableRow()', () => {
  it('renders one row with actions and a missing value as empty', () => {
    const row = tableRow(
      {
        columns: [
          { key: 'customer', label: 'C' },
          { key: 'nothing', label: 'N' },
        ],
        actions: (o) => `edit ${String(o.id)}`,
      },
      ORDERS[0] as (typeof ORDERS)[number]
    ).value

    expect(row).toBe(
      '<tr><td class="column-customer">Customer &lt;0&gt;</td><td class="column-nothing"></td><td class="hx-row-actions">edit 1</td></tr>'
    )
  })
})

describe('escaping in rows and headers', () => {
  const evil = `<x y="1" z='2'>&`
  const escaped = '&lt;x y=&quot;1&quot; z=&#39;2&#39;&gt;&amp;'

  it('escapes every value a row or header takes from the caller', () => {
    const out = dataTable({
      id: evil,
      caption: evil,
      count: evil,
      columns: [
        { key: evil, label: evil, sort: 'id', href: () => evil },
        { key: 'customer', label: 'C', cell: () => evil },
      ],
      rows: [{ customer: evil }],
      list,
      state: list.parse({}),
      path: '/x',
      select: { name: evil, value: () => evil, label: () => evil },
      rowId: () => evil,
      actions: () => evil,
      footer: evil,
      tail: evil,
    }).value

    expect(out).not.toContain('<x')
    expect(out).not.toContain(`"1"`)
    // ids 3, caption, count, header class and label, select-all, row id, checkbox name, value and
    // label, cell class, link, cell, actions, tail, footer
    expect(out.split(escaped).length - 1).toBe(18)
  })

  it('throws on a cell that is a promise instead of returning one', () => {
    const render = () =>
      tableRow(
        { columns: [{ key: 'c', label: 'C', cell: () => Promise.resolve('x') as never }] },
        {}
      )

    expect(render).toThrow(TypeError)
  })
})
