import { Hono } from 'hono'
import type { Context } from 'hono'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { html } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { partial } from '../../src/partials/index.ts'
import type { NamedPartial } from '../../src/partials/index.ts'
import { negotiate, page } from '../../src/views/index.ts'
import type { Negotiation, Page, PageOptions } from '../../src/views/index.ts'

const stats = partial('stats', () => '')
const orders = partial('orders', () => '')

describe('page types', () => {
  it('types the rendered parts by partial name', () => {
    const view = page({
      title: 'Orders',
      layout: (body) => body,
      partials: { stats, orders },
      render: (parts, c) => {
        expectTypeOf(parts).toEqualTypeOf<{ stats: SafeHtml; orders: SafeHtml }>()
        expectTypeOf(c).toEqualTypeOf<Context>()
        return html`${parts.stats}${parts.orders}`
      },
    })

    expectTypeOf(view).toEqualTypeOf<
      Page<{ stats: NamedPartial<'stats'>; orders: NamedPartial<'orders'> }>
    >()
    expectTypeOf(view.renderPartial).parameter(1).toEqualTypeOf<'stats' | 'orders'>()
    expect(view.partials.stats).toBe(stats)
  })

  it('accepts only declared names in respond', () => {
    const view = page({
      title: 't',
      layout: (b) => b,
      partials: { stats, orders },
      render: (p) => p.stats,
    })
    const app = new Hono()

    app.get('/', view.handler)
    app.post('/', (c) => {
      // @ts-expect-error 'nope' is not a partial of this page
      void view.respond(c, ['nope'])
      return view.respond(c, ['orders', 'stats'], { status: 422 })
    })

    expect(app.routes).toHaveLength(2)
  })

  it('offers render only the declared parts', () => {
    type Parts = Parameters<PageOptions<{ stats: NamedPartial<'stats'> }>['render']>[0]

    expectTypeOf<Parts>().toEqualTypeOf<{ stats: SafeHtml }>()
    expectTypeOf<Parts>().not.toHaveProperty('orders')
  })

  it('narrows negotiate to the partial names', () => {
    const decision = negotiate(null, { stats, orders })

    expectTypeOf(decision).toEqualTypeOf<Negotiation<'stats' | 'orders'>>()
    expect(decision).toEqual({ kind: 'full' })
  })
})
