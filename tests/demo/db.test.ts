import Database from 'better-sqlite3'
import { afterAll, describe, expect, it, onTestFinished } from 'vitest'
import { HOSTILE_NAMES, SEED } from '../../demo/seed.ts'
import { hx4Partial, openTestApp } from './setup.ts'

const { app, db, cleanup } = openTestApp()
afterAll(cleanup)

describe('openDb', () => {
  describe('on a fresh file', () => {
    it('seeds at least 5,000 orders and the customers', () => {
      const stats = db.stats()
      expect(stats.orders).toBe(SEED.orders)
      expect(stats.orders).toBeGreaterThanOrEqual(5000)
      expect(stats.customers).toBe(SEED.customers)
      expect(stats.pending + stats.shipped + stats.delivered + stats.cancelled).toBeLessThan(
        stats.orders
      )
    })

    it('seeds the same data every time', () => {
      const again = openTestApp()
      try {
        expect(again.db.stats()).toEqual(db.stats())
        expect(again.db.orders({ sort: 'total', dir: 'desc', page: 7 })).toEqual(
          db.orders({ sort: 'total', dir: 'desc', page: 7 })
        )
      } finally {
        again.cleanup()
      }
    })
  })

  describe('stats() and charts()', () => {
    it('keep their answer until an order changes, on this connection or another', () => {
      // its own database: this test writes
      const own = openTestApp()
      const db = own.db
      onTestFinished(own.cleanup)
      const stats = db.stats()
      const charts = db.charts()
      expect(db.stats()).toBe(stats)
      expect(db.charts()).toBe(charts)

      // another connection (a worker process writes through its own) cancels a pending order
      const other = new Database(db.sqlite().name)
      try {
        other
          .prepare(
            "UPDATE orders SET status = 'cancelled' WHERE id = (SELECT MIN(id) FROM orders WHERE status = 'pending')"
          )
          .run()
      } finally {
        other.close()
      }
      const after = db.stats()
      expect(after).not.toBe(stats)
      expect(after.cancelled).toBe(stats.cancelled + 1)
      expect(after.pending).toBe(stats.pending - 1)
      const cancelled = (c: typeof charts): number =>
        c.statuses.find((s) => s.status === 'cancelled')?.n ?? 0
      expect(cancelled(db.charts())).toBe(cancelled(charts) + 1)

      // and a write on this connection: a new customer
      db.sqlite()
        .prepare(
          "INSERT INTO customers (name, email, city, created_at) VALUES ('New', 'new@example.com', 'Oslo', '2025-01-01')"
        )
        .run()
      expect(db.stats().customers).toBe(after.customers + 1)
      expect(db.stats()).toBe(db.stats())
    })
  })

  describe('orders()', () => {
    it('sorts by the whitelisted column in both directions', () => {
      const asc = db.orders({ sort: 'total', dir: 'asc', page: 1 }).rows.map((r) => r.totalCents)
      const desc = db.orders({ sort: 'total', dir: 'desc', page: 1 }).rows.map((r) => r.totalCents)
      expect(asc).toEqual([...asc].sort((a, b) => a - b))
      expect(desc).toEqual([...desc].sort((a, b) => b - a))
      expect(asc).toHaveLength(25)
    })

    it('clamps the page into range', () => {
      const result = db.orders({ sort: 'id', dir: 'asc', page: 10_000 })
      expect(result.page).toBe(result.pageCount)
      expect(result.query.page).toBe(result.pageCount)
      expect(result.rows.at(-1)?.id).toBe(SEED.orders)
    })
  })

  describe('customers()', () => {
    it('matches % and _ literally', () => {
      expect(db.customers({ q: '%', page: 1 }).total).toBe(0)
      expect(db.customers({ q: "O'Brien", page: 1 }).rows.map((r) => r.name)).toEqual([
        HOSTILE_NAMES[0],
      ])
    })
  })
})

describe('hostile customer names', () => {
  it('render escaped on the customers page', async () => {
    const body = await (await app.request("/customers?q=O'Brien")).text()
    expect(body).toContain('O&#39;Brien &amp; Sons &lt;Ltd&gt;')
    expect(body).not.toContain('<Ltd>')
  })

  it('render escaped in the orders table', async () => {
    const body = await (
      await app.request('/?sort=customer&dir=asc', { headers: hx4Partial('section', 'orders') })
    ).text()
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; GmbH')
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt; Imports')
    expect(body).not.toMatch(/<script>|<img/)
  })

  it('escape the search text echoed back', async () => {
    const body = await (await app.request('/customers?q=%22%3E%3Cb%3E')).text()
    expect(body).toContain('value="&quot;&gt;&lt;b&gt;"')
    expect(body).not.toContain('"><b>')
  })
})
