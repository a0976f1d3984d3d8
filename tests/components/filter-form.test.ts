import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { filterForm, filterHidden, listState } from '../../src/components/index.ts'
import { scanCspSafety } from '../../src/csp/index.ts'

const list = listState({
  filters: {
    q: z.string(),
    status: z.enum(['pending', 'shipped']),
    from: z.iso.date(),
    to: z.iso.date(),
    paid: z.stringbool(),
  },
  sortable: ['id', 'total'],
  defaultSort: 'id',
})

const fields = [
  { type: 'search', name: 'q', label: 'Search', placeholder: 'Customer' },
  {
    type: 'select',
    name: 'status',
    label: 'Status',
    options: [
      ['pending', 'Pending'],
      ['shipped', 'Shipped'],
    ],
  },
  { type: 'date-range', from: 'from', to: 'to', label: 'Placed' },
  { type: 'boolean', name: 'paid', label: 'Paid only' },
] as const

describe('filterForm()', () => {
  it('fills the controls from the state and keeps the sort', () => {
    const state = list.parse({
      q: 'a"b',
      status: 'shipped',
      from: '2026-01-01',
      paid: 'true',
      sort: '-total',
      per: '50',
      page: '3',
    })

    const out = filterForm({ id: 'f', path: '/orders', list, state, fields }).value

    expect(out).toContain(
      '<form class="hx-filters" id="f-form" role="search" aria-label="Filters" method="get" action="/orders">'
    )
    expect(out).toContain(
      '<input type="search" id="f-q" name="q" value="a&quot;b" placeholder="Customer" />'
    )
    expect(out).toContain('<option value="shipped" selected>Shipped</option>')
    expect(out).toContain('<option value="">Any</option>')
    expect(out).toContain('<input type="date" id="f-from" name="from" value="2026-01-01" />')
    expect(out).toContain('<input type="date" id="f-to" name="to" value="" />')
    expect(out).toContain('name="paid" value="true" checked />')
    expect(out).toContain(
      '<input type="hidden" name="sort" value="-total" /><input type="hidden" name="per" value="50" />'
    )
    expect(out).not.toContain('name="page"')
  })

  it('sends itself with htmx as the user types, with no trigger filter', () => {
    const out = filterForm({
      id: 'f',
      path: '/orders',
      list,
      state: list.parse({}),
      fields,
      target: { name: 'orders', selector: '#orders' },
      label: 'Order filters',
    }).value

    expect(out).toContain('hx-trigger="input delay:300ms, change, submit"')
    expect(out).toContain('hx-sync="this:replace"')
    expect(out).not.toContain('name="sort"')
    expect(out).not.toMatch(/\[/)
    expect(scanCspSafety(out)).toEqual([])
  })
})

describe('filterHidden()', () => {
  it('renders the sort and page size for a form outside the list', () => {
    const state = list.parse({ sort: '-total', per: '50' })

    expect(filterHidden({ id: 'f', list, state }).value).toBe(
      '<input type="hidden" name="sort" value="-total" form="f-form" /><input type="hidden" name="per" value="50" form="f-form" />'
    )
    expect(
      filterForm({ id: 'f', path: '/o', list, state, fields: [], hiddenOutside: true }).value
    ).not.toContain('type="hidden"')
  })
})
