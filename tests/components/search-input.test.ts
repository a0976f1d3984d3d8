import { describe, expect, it } from 'vitest'
import { resultCount, searchInput } from '../../src/components/index.ts'
import { scanCspSafety } from '../../src/csp/index.ts'

describe('searchInput()', () => {
  it('renders a search form sent as the user types, with no trigger filter', () => {
    const out = searchInput({
      id: 's',
      label: 'Search customers',
      path: '/customers',
      target: { name: 'results', selector: '#results' },
      value: 'ad"a',
      placeholder: 'Name',
    }).value

    expect(out).toContain(
      '<form class="hx-search" id="s" role="search" method="get" action="/customers"'
    )
    expect(out).toContain('hx-trigger="input changed delay:300ms, search, submit"')
    expect(out).toContain(
      '<label for="s-input">Search customers</label><input type="search" id="s-input" name="q" value="ad&quot;a" autocomplete="off" placeholder="Name" />'
    )
    expect(out).not.toMatch(/\[/)
    expect(scanCspSafety(out)).toEqual([])
  })

  it('takes another name', () => {
    expect(
      searchInput({
        id: 's',
        label: 'L',
        path: '/p',
        target: { name: 'r', selector: '#r' },
        name: 'term',
      }).value
    ).toContain('name="term" value=""')
  })
})

describe('resultCount()', () => {
  it.each([
    [1, 'result', '1 result'],
    [2300, 'customer', '2,300 customers'],
    [0, undefined, '0 results'],
  ])('says %i %s', (count, noun, text) => {
    expect(resultCount(count, noun).value).toBe(
      `<p class="hx-result-count" role="status">${text}</p>`
    )
  })
})
