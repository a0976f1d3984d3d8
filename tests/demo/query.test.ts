import { afterAll, describe, expect, it } from 'vitest'
import {
  DEFAULT_ORDERS,
  ordersUrl,
  parseOrdersQuery,
  parsePage,
  parseSearchQuery,
} from '../../demo/query.ts'
import { hx2Partial, hx4Partial, openTestApp } from './setup.ts'

const { app, cleanup } = openTestApp()
afterAll(cleanup)

const GARBAGE = [
  '?sort=__proto__',
  '?sort=constructor&dir=up',
  '?sort=total;DROP%20TABLE%20orders&dir=asc',
  '?sort=total&sort=id&dir=desc&dir=asc',
  '?page=-1',
  '?page=0',
  '?page=abc',
  '?page=1e3',
  '?page=99999999999999999999',
  '?page=%00',
  '?page=%E0%A4%A',
  '?dir[]=x&sort[a]=b',
  '?q=%25%5F%5C',
  `?q=${'x'.repeat(5000)}`,
  '?q=%3Cscript%3Ealert(1)%3C/script%3E',
]

describe('parsePage', () => {
  describe('when the value is not a positive integer', () => {
    it.each([undefined, '', '0', '-3', '2.5', '1e3', 'abc', '9'.repeat(20)])(
      'returns 1 for %j',
      (value) => {
        expect(parsePage(value)).toBe(1)
      }
    )
  })
  describe('when the value is a positive integer', () => {
    it('returns it', () => {
      expect(parsePage('42')).toBe(42)
    })
  })
})

describe('parseOrdersQuery', () => {
  describe('when the sort column is not whitelisted', () => {
    it('falls back to the default sort', () => {
      expect(parseOrdersQuery({ sort: 'o.id; DROP TABLE orders', dir: 'asc' })).toEqual(
        DEFAULT_ORDERS
      )
      expect(parseOrdersQuery({ sort: 'toString' })).toEqual(DEFAULT_ORDERS)
    })
  })
  describe('when the direction is invalid', () => {
    it('uses the column default direction', () => {
      expect(parseOrdersQuery({ sort: 'total', dir: 'sideways' })).toEqual({
        sort: 'total',
        dir: 'asc',
        page: 1,
      })
    })
  })
})

describe('parseSearchQuery', () => {
  it('trims and caps the search text', () => {
    expect(parseSearchQuery({ q: `  ${'a'.repeat(300)} ` }).q).toHaveLength(100)
  })
})

describe('ordersUrl', () => {
  it('leaves default values out', () => {
    expect(ordersUrl('/', DEFAULT_ORDERS)).toBe('/')
    expect(ordersUrl('/', { sort: 'total', dir: 'asc', page: 2 })).toBe(
      '/?sort=total&dir=asc&page=2'
    )
  })
})

describe('demo routes', () => {
  describe.each(['/', '/customers'])('with garbage query strings on %s', (path) => {
    it.each(GARBAGE)('never fails for %s', async (query) => {
      const partialId = path === '/' ? 'orders' : 'customers'
      const variants = [{}, hx4Partial('section', partialId), hx2Partial(partialId)]
      for (const headers of variants) {
        const res = await app.request(path + query, { headers })
        expect(res.status).toBe(200)
        expect(await res.text()).not.toContain('<script>alert')
      }
    })
  })
})
