import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { html } from '../../src/html/index.ts'
import { htmx } from '../../src/htmx/index.ts'
import { partial } from '../../src/partials/index.ts'
import { page } from '../../src/views/index.ts'

const DELAY = 50

// Three deliberately slow loaders that count runs and the highest number running at once.
function slowPage() {
  const stats = { ran: [] as string[], active: 0, max: 0 }
  const slow = <N extends string>(name: N) =>
    partial(name, async () => {
      stats.ran.push(name)
      stats.active++
      stats.max = Math.max(stats.max, stats.active)
      await new Promise((resolve) => setTimeout(resolve, DELAY))
      stats.active--
      return name
    })
  const view = page({
    title: 'Slow',
    // prettier-ignore
    layout: (body, { title }) => html`<html><title>${title}</title>${body}</html>`,
    partials: { a: slow('a'), b: slow('b'), c: slow('c') },
    render: (p) => html`${p.a}${p.b}${p.c}`,
  })
  const app = new Hono()
  app.use(htmx())
  app.get('/', view.handler)
  app.post('/', (c) => view.respond(c, ['c', 'a']))
  return { app, stats }
}

const hx4 = (target: string) => ({
  'HX-Request': 'true',
  'HX-Request-Type': 'partial',
  'HX-Target': target,
})

describe('page', () => {
  describe('handler for a full page', () => {
    it('runs every loader once, all at the same time', async () => {
      const { app, stats } = slowPage()

      const started = performance.now()
      const res = await app.request('/')
      const elapsed = performance.now() - started

      expect(await res.text()).toBe(
        '<html><title>Slow</title><div id="a">a</div><div id="b">b</div><div id="c">c</div></html>'
      )
      expect(stats.ran.sort()).toEqual(['a', 'b', 'c'])
      expect(stats.max).toBe(3)
      expect(elapsed).toBeLessThan(3 * DELAY)
    })
  })

  describe('handler for a partial', () => {
    it('runs exactly one loader', async () => {
      const { app, stats } = slowPage()

      const res = await app.request('/', { headers: hx4('div#b') })

      expect(await res.text()).toBe('<div id="b">b</div>')
      expect(stats.ran).toEqual(['b'])
      expect(stats.max).toBe(1)
    })
  })

  describe('respond with two partials', () => {
    it('runs only their loaders, concurrently', async () => {
      const { app, stats } = slowPage()

      const res = await app.request('/', { method: 'POST', headers: hx4('button#save') })

      expect(await res.text()).toBe(
        '<div id="c">c</div><hx-partial hx-target="#a" hx-swap="outerHTML"><div id="a">a</div></hx-partial>'
      )
      expect(stats.ran.sort()).toEqual(['a', 'c'])
      expect(stats.max).toBe(2)
    })
  })
})
