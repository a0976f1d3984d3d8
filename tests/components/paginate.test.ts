import Database from 'better-sqlite3'
import { Hono } from 'hono'
import { afterAll, describe, expect, it } from 'vitest'
import { cursorCodec, paginate } from '../../src/components/index.ts'
import type { KeysetSource, OffsetSource, SeekPosition } from '../../src/components/index.ts'

interface Item {
  id: number
  score: number
}

const db = new Database(':memory:')
db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, score INTEGER NOT NULL)')
db.exec('CREATE INDEX items_score ON items (score, id)')
const insert = db.prepare('INSERT INTO items (id, score) VALUES (?, ?)')
for (let id = 1; id <= 95; id++) {
  insert.run(id, id % 10)
}
afterAll(() => {
  db.close()
})

const slice = (from: number, limit: number): Item[] =>
  db.prepare('SELECT * FROM items ORDER BY id LIMIT ? OFFSET ?').all(limit, from) as Item[]
const offset: OffsetSource<Item> = {
  slice,
  count: (cap) =>
    cap === undefined
      ? (db.prepare('SELECT COUNT(*) FROM items').pluck().get() as number)
      : (db
          .prepare('SELECT COUNT(*) FROM (SELECT 1 FROM items LIMIT ?)')
          .pluck()
          .get(cap) as number),
}

const keyOf = (row: Item) => [row.score, row.id]

// score ascending, id ascending: "before" walks the same index backwards
const keyset: KeysetSource<Item> = {
  async seek(position: SeekPosition | null, limit) {
    await Promise.resolve()
    if (position === null) {
      return db.prepare('SELECT * FROM items ORDER BY score, id LIMIT ?').all(limit) as Item[]
    }
    const [score, id] = position.key
    return position.direction === 'after'
      ? (db
          .prepare('SELECT * FROM items WHERE (score, id) > (?, ?) ORDER BY score, id LIMIT ?')
          .all(score, id, limit) as Item[])
      : (db
          .prepare(
            'SELECT * FROM items WHERE (score, id) < (?, ?) ORDER BY score DESC, id DESC LIMIT ?'
          )
          .all(score, id, limit) as Item[])
  },
  key: keyOf,
}

const codec = cursorCodec({ secret: 'pagination-tests-secret' })

describe('paginate()', () => {
  describe('in offset mode', () => {
    it('reads a page with an exact count and the elided range', async () => {
      const page = await paginate(offset, { page: 2, perPage: 10 })

      expect(page.rows.map((r) => r.id)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20])
      expect(page).toMatchObject({
        mode: 'offset',
        page: 2,
        pageCount: 10,
        total: 95,
        totalCapped: false,
      })
      expect(page.range).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
      expect(page.next).toEqual({ page: 3 })
      expect(page.prev).toEqual({ page: 1 })
    })

    it('shows the last page for a page past the end', async () => {
      const page = await paginate(offset, { page: 99, perPage: 10 })

      expect(page.page).toBe(10)
      expect(page.rows).toHaveLength(5)
      expect(page.hasNext).toBe(false)
      expect(page.next).toBeNull()
    })

    it('caps the count', async () => {
      const page = await paginate(offset, { page: 1, perPage: 10, count: { cap: 30 } })

      expect(page.total).toBe(30)
      expect(page.totalCapped).toBe(true)
      expect(page.pageCount).toBe(3)

      const beyond = await paginate(offset, { page: 5, perPage: 10, count: { cap: 30 } })

      expect(beyond.page).toBe(5)
      expect(beyond.pageCount).toBe(6)
    })

    it('counts nothing with count: none', async () => {
      const page = await paginate({ slice }, { page: 10, perPage: 10, count: 'none' })

      expect(page.total).toBeNull()
      expect(page.pageCount).toBeNull()
      expect(page.range).toEqual([])
      expect(page.hasPrev).toBe(true)
      expect(page.hasNext).toBe(false)
    })

    it.each([
      [{ page: 1, perPage: 0 }, '"perPage" must be a positive integer'],
      [{ page: 1, perPage: 10, count: 'some' }, '"count" must be exact, none or { cap }'],
      [{ page: 1, perPage: 10, count: { cap: -1 } }, '"count.cap"'],
      [{ page: 1, perPage: 10, size: 1 }, 'unknown option "size"'],
      [{ mode: 'seek', page: 1, perPage: 1 }, '"mode" must be offset or keyset'],
    ])('rejects %o with a TypeError', async (options, message) => {
      await expect(paginate(offset, options as never)).rejects.toThrow(message)
    })

    it('needs a count() to count', async () => {
      await expect(paginate({ slice }, { page: 1, perPage: 1 })).rejects.toThrow('source.count()')
    })
  })

  describe('in keyset mode', () => {
    const read = (cursor?: { after?: string; before?: string }) =>
      paginate(keyset, { mode: 'keyset', perPage: 10, codec, cursor, scope: 'sort=score' })

    it('walks forward and back to the first page', async () => {
      const first = await read()

      expect(first.rows.map((r) => r.id)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 1])
      expect(first.hasPrev).toBe(false)
      expect(first.prev).toBeNull()

      const second = await read({ after: first.next?.after ?? '' })

      expect(second.rows.map((r) => r.id)).toEqual([11, 21, 31, 41, 51, 61, 71, 81, 91, 2])
      expect(second.hasPrev).toBe(true)

      const back = await read({ before: second.prev?.before ?? '' })

      expect(back.rows).toEqual(first.rows)
      expect(back.hasPrev).toBe(false)
      expect(back.hasNext).toBe(true)
      expect(first.first).toEqual({ after: null, before: null, page: 1 })
    })

    it('ends with no next page', async () => {
      let page = await read()
      let pages = 1
      while (page.next !== null) {
        page = await read({ after: page.next.after ?? '' })
        pages++
      }

      expect(pages).toBe(10)
      expect(page.rows).toHaveLength(5)
    })

    it('answers 400 for a cursor of another scope', async () => {
      const first = await read()
      const app = new Hono().get('/', async (c) => {
        const page = await paginate(keyset, {
          mode: 'keyset',
          perPage: 10,
          codec,
          cursor: { after: c.req.query('after') },
          scope: 'sort=-score',
        })
        return c.json(page.rows)
      })

      const res = await app.request(`/?after=${first.next?.after ?? ''}`)

      expect(res.status).toBe(400)
    })

    it('has no neighbours when the source is empty', async () => {
      const page = await paginate(
        { seek: () => [], key: keyOf },
        { mode: 'keyset', perPage: 5, codec, cursor: { after: codec.encode([1, 1]) } }
      )

      expect(page.rows).toEqual([])
      expect(page.next).toBeNull()
      expect(page.prev).toBeNull()
    })

    it('refuses unknown options', async () => {
      await expect(
        paginate(keyset, { mode: 'keyset', perPage: 5, codec, page: 2 } as never)
      ).rejects.toThrow('unknown option "page"')
    })
  })
})
