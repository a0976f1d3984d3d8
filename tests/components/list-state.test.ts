import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { listState } from '../../src/components/index.ts'

const list = listState({
  filters: {
    q: z.string().max(20),
    status: z.enum(['pending', 'shipped']),
    from: z.iso.date(),
    paid: z.stringbool(),
  },
  sortable: ['id', 'total', 'created'],
  defaultSort: '-created',
  perPage: { default: 25, max: 100 },
})

describe('listState()', () => {
  describe('parse()', () => {
    it('reads filters, sort, page and page size', () => {
      const state = list.parse({
        q: ' acme ',
        status: 'shipped',
        sort: 'total,-id',
        page: '3',
        per: '50',
        paid: 'true',
      })

      expect(state.filters).toEqual({ q: 'acme', status: 'shipped', paid: true })
      expect(state.raw).toEqual({ q: 'acme', status: 'shipped', paid: 'true' })
      expect(state.sort).toEqual([
        { key: 'total', dir: 'asc' },
        { key: 'id', dir: 'desc' },
      ])
      expect(state.page).toBe(3)
      expect(state.perPage).toBe(50)
    })

    it('treats empty values as absent and falls back to the default sort', () => {
      const state = list.parse(new URLSearchParams('status=&q=&sort='))

      expect(state.filters).toEqual({})
      expect(state.sort).toEqual([{ key: 'created', dir: 'desc' }])
      expect(state.page).toBe(1)
    })

    it('keeps the first of a repeated sort key', () => {
      expect(list.parse({ sort: 'id,-id' }).sort).toEqual([{ key: 'id', dir: 'asc' }])
    })

    it.each([
      [{ sort: 'password' }, 'cannot sort by "password"'],
      [{ status: 'lost' }, 'status:'],
      [{ from: '2026-13-45' }, 'from:'],
      [{ page: '0' }, 'page must be'],
      [{ page: 'x' }, 'page must be'],
      [{ per: '1000' }, 'per must be'],
      [{ after: '<script>' }, 'after is not a cursor'],
      [{ sort: 'id,total,created,-id,id' }, undefined],
    ])('answers 400 for %o', async (query, message) => {
      const app = new Hono().get('/', (c) => c.json(list.parse(c.req.query())))

      const res = await app.request(`/?${new URLSearchParams(query).toString()}`)

      if (message === undefined) {
        expect(res.status).toBe(200)
      } else {
        expect(res.status).toBe(400)
        expect(await res.text()).toContain(message)
      }
    })

    it('answers 400 for more sort keys than allowed', () => {
      const small = listState({ sortable: ['a', 'b'], maxSort: 1 })

      expect(() => small.parse({ sort: 'a,b' })).toThrow('at most 1 sort keys')
    })

    it('drops bad values and lists them in ignore mode', () => {
      const lenient = listState({
        filters: { n: z.coerce.number().int() },
        sortable: ['a'],
        invalid: 'ignore',
      })

      const state = lenient.parse({ n: 'x', sort: 'zzz', page: '-1', before: 'a b' })

      expect(state.filters).toEqual({})
      expect(state.sort).toEqual([])
      expect(state.page).toBe(1)
      expect(state.ignored).toHaveLength(4)
    })
  })

  describe('serialize() and href()', () => {
    it('writes the canonical query: declared key order, defaults left out', () => {
      const state = list.parse({
        sort: '-created',
        status: 'shipped',
        q: 'x',
        per: '25',
        page: '1',
      })

      expect(list.serialize(state)).toBe('q=x&status=shipped')
      expect(list.href('/orders', list.parse({}))).toBe('/orders')
    })

    it('round-trips a state', () => {
      const query = 'q=a+b&status=pending&sort=total%2C-id&per=50&page=4'
      const state = list.parse(new URLSearchParams(query))

      expect(list.serialize(list.parse(new URLSearchParams(list.serialize(state))))).toBe(query)
    })

    it('goes back to page one when a filter or the sort changes', () => {
      const state = list.parse({ page: '4', after: 'abc' })

      expect(list.serialize(state, { filters: { status: 'pending' } })).toBe('status=pending')
      expect(list.serialize(state, { sort: [{ key: 'id', dir: 'asc' }] })).toBe('sort=id')
      expect(list.serialize(state, { filters: { q: null } })).toBe('')
      expect(list.serialize(state)).toBe('after=abc')
      expect(list.serialize(state, { after: null, before: 'xyz' })).toBe('before=xyz')
      expect(list.serialize(state, { after: null, page: 2, perPage: 10 })).toBe('per=10&page=2')
    })

    it('scope() keeps only the filters and sort', () => {
      const state = list.parse({ status: 'shipped', sort: 'id', page: '9', per: '50' })

      expect(list.scope(state)).toBe('status=shipped&sort=id')
    })
  })

  describe('toggleSort()', () => {
    it('puts a new key first and toggles the first key', () => {
      const state = list.parse({ sort: 'total,-id' })

      expect(list.toggleSort(state, 'created')).toEqual([
        { key: 'created', dir: 'asc' },
        { key: 'total', dir: 'asc' },
        { key: 'id', dir: 'desc' },
      ])
      expect(list.toggleSort(state, 'total')[0]).toEqual({ key: 'total', dir: 'desc' })
      expect(list.toggleSort(list.parse({ sort: '-total' }), 'total')[0]).toEqual({
        key: 'total',
        dir: 'asc',
      })
      expect(list.toggleSort(state, 'id')).toEqual([
        { key: 'id', dir: 'asc' },
        { key: 'total', dir: 'asc' },
      ])
    })
  })

  describe('with bad options', () => {
    it.each([
      [{ filters: { sort: z.string() } }, '"sort" cannot be a filter name'],
      [{ filters: { q: 'text' } }, 'must be a Standard Schema'],
      [{ sortable: ['a'], defaultSort: 'b' }, 'defaultSort: cannot sort by "b"'],
      [{ maxSort: 0 }, '"maxSort" must be a positive integer'],
      [{ perPage: { default: 0, max: 10 } }, '"perPage.default"'],
      [{ perPage: { default: 10, max: 10, min: 1 } }, 'unknown option "perPage.min"'],
      [{ invalid: 'warn' }, '"invalid" must be one of'],
      [{ sortKeys: [] }, 'unknown option "sortKeys"'],
    ])('throws a TypeError for %o', (options, message) => {
      expect(() => listState(options as never)).toThrow(TypeError)
      expect(() => listState(options as never)).toThrow(message)
    })

    it('refuses an asynchronous schema', () => {
      const slow = listState({ filters: { q: z.string().refine(() => Promise.resolve(true)) } })

      expect(() => slow.parse({ q: 'x' })).toThrow('synchronously')
    })
  })
})
