import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { html } from '../../src/html/index.ts'
import { htmx } from '../../src/htmx/index.ts'
import { partial } from '../../src/partials/index.ts'
import { checkPartialParity, page } from '../../src/views/index.ts'
import type { Layout } from '../../src/views/index.ts'

const layout: Layout = (body, { title }) =>
  // prettier-ignore
  html`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`

const stats = partial('stats', () => html`<div class="n"><div>3</div></div>`, { tag: 'section' })
const rows = partial(
  'rows',
  // prettier-ignore
  (c) => html`<tr><td>${c.req.query('q') ?? 'all'}</td></tr>`,
  {
    tag: 'tbody',
    id: 'order-rows',
  }
)

describe('checkPartialParity', () => {
  describe('with a page that embeds its partials', () => {
    it('reports every partial as ok', async () => {
      const view = page({
        title: 'Orders',
        layout,
        partials: { stats, rows },
        // prettier-ignore
        render: (p) => html`<div>${p.stats}<table>${p.rows}</table></div>`,
      })
      const app = new Hono()
      app.use(htmx())
      app.get('/orders', view.handler)

      const parity = await checkPartialParity(app, '/orders?q=ada', view)

      expect(parity).toEqual([
        {
          name: 'stats',
          ok: true,
          partial: '<section id="stats"><div class="n"><div>3</div></div></section>',
          subtree: '<section id="stats"><div class="n"><div>3</div></div></section>',
        },
        {
          name: 'rows',
          ok: true,
          partial: '<tbody id="order-rows"><tr><td>ada</td></tr></tbody>',
          subtree: '<tbody id="order-rows"><tr><td>ada</td></tr></tbody>',
        },
      ])
    })
  })

  describe('with a broken page', () => {
    it('reports a partial the page leaves out and one it renders differently', async () => {
      const view = page({
        title: 'Orders',
        layout,
        partials: { stats, rows },
        // Broken on purpose: stats is missing, and the rows come from somewhere else.
        // prettier-ignore
        render: () => html`<table><tbody id="order-rows"><tr><td>stale</td></tr></tbody></table>`,
      })
      const app = new Hono()
      app.use(htmx())
      app.get('/orders', view.handler)

      const parity = await checkPartialParity(app, '/orders', view)

      expect(parity).toEqual([
        {
          name: 'stats',
          ok: false,
          partial: '<section id="stats"><div class="n"><div>3</div></div></section>',
          subtree: null,
        },
        {
          name: 'rows',
          ok: false,
          partial: '<tbody id="order-rows"><tr><td>all</td></tr></tbody>',
          subtree: '<tbody id="order-rows"><tr><td>stale</td></tr></tbody>',
        },
      ])
    })
  })

  describe('with a failing partial response', () => {
    it('reports it as not ok even when the body matches', async () => {
      const view = { partials: { stats } }
      const app = new Hono()
      app.use(htmx())
      const markup = '<section id="stats"><div class="n"><div>3</div></div></section>'
      app.get('/', (c) =>
        c.req.header('HX-Request') === 'true'
          ? c.html(markup, 500)
          : c.html(`<main>${markup}</main>`)
      )

      const [entry] = await checkPartialParity(app, '/', view)

      expect(entry).toEqual({ name: 'stats', ok: false, partial: markup, subtree: markup })
    })
  })
})
