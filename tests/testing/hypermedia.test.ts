import { Hono } from 'hono'
import { describe, expect, it, vi } from 'vitest'
import { htmx } from '../../src/htmx/index.ts'
import { checkHypermedia } from '../../src/testing/index.ts'

const shell = (body: string): string =>
  `<!doctype html><html><head></head><body>${body}</body></html>`

function appWith(pages: Record<string, string>): Hono {
  const app = new Hono()
  app.use(htmx())
  for (const [path, body] of Object.entries(pages)) {
    app.get(path, (c) => c.html(shell(body)))
  }
  return app
}

describe('checkHypermedia()', () => {
  describe('with selectors that all resolve', () => {
    it('reports nothing dead', async () => {
      const app = appWith({
        '/': `<main id="main"><form id="f"><input name="q">
          <button hx-get="/" hx-target="#main" hx-include="closest form" hx-indicator="find .spin">
            <span class="spin"></span></button></form>
          <ul><li><button hx-get="/" hx-target="this" hx-select="main#main">x</button></li></ul>
          <div hx-target:inherited="#main"><button hx-get="/">y</button></div>
          <p hx-get="/" hx-target="next li, body">z</p><ol><li>1</li></ol>
          <div class="a"><p data-hx-get="/" data-hx-target="div.a > p[data-hx-get]"></p></div></main>`,
      })

      const report = await checkHypermedia(app, ['/'])

      expect(report.dead).toEqual([])
      expect(report.unchecked).toEqual([])
      expect(report.pages).toEqual(['/'])
    })
  })

  describe('with a selector that matches nothing', () => {
    it('reports it with the page, attribute and element', async () => {
      const app = appWith({
        '/': '<div id="a"><button hx-get="/" hx-target="#gone">x</button><i hx-include="closest form"></i></div>',
      })

      const report = await checkHypermedia(app, ['/'])

      expect(report.dead).toEqual([
        {
          page: '/',
          kind: 'selector',
          attribute: 'hx-target',
          value: '#gone',
          element: '<button hx-get="/" hx-target="#gone">',
          reason: 'matches nothing on the page',
        },
        expect.objectContaining({ attribute: 'hx-include', value: 'closest form' }),
      ])
    })

    it('checks hx-select against the response it selects from', async () => {
      const app = appWith({
        '/': '<div id="a" hx-get="/other" hx-select="#a"></div>',
        '/other': '<p></p>',
      })

      const report = await checkHypermedia(app, ['/'], { crawl: false })

      expect(report.dead).toEqual([
        expect.objectContaining({
          attribute: 'hx-select',
          reason: 'matches nothing in the response',
        }),
      ])
    })

    it('finds next and previous only on their side of the element', async () => {
      const app = appWith({
        '/': '<i class="x"></i><b hx-target="previous i"></b><b hx-target="next i"></b>',
      })

      const report = await checkHypermedia(app, ['/'])

      expect(report.dead.map((finding) => finding.value)).toEqual(['next i'])
    })
  })

  describe('with URLs no route answers', () => {
    it('reports a GET that answers 404 and a POST without a route, running no POST handler', async () => {
      const post = vi.fn(() => new Response(null, { status: 204 }))
      const app = appWith({
        '/': '<button hx-get="/missing">a</button><button hx-post="/orders">b</button><button hx-delete="/orders/1">c</button><form hx-action="/nope" hx-method="put"></form><a href="https://elsewhere.test/">x</a>',
      })
      app.post('/orders', post)

      const report = await checkHypermedia(app, ['/'])

      expect(report.dead.map((finding) => [finding.attribute, finding.reason])).toEqual([
        ['hx-get', 'GET /missing answered 404'],
        ['hx-delete', 'no route for DELETE /orders/1'],
        ['hx-action', 'no route for PUT /nope'],
      ])
      expect(post).not.toHaveBeenCalled()
    })

    it('counts a 4xx by design as answered', async () => {
      const app = appWith({ '/': '<button hx-get="/guarded">a</button>' })
      app.get('/guarded', (c) => c.text('no', 403))

      expect((await checkHypermedia(app, ['/'])).dead).toEqual([])
    })
  })

  describe('when crawling', () => {
    it('follows same-origin links and reports a link to a missing page', async () => {
      const app = appWith({
        '/': '<a href="/a">a</a><a href="/gone">g</a>',
        '/a': '<a href="/">home</a><p hx-target="#nope"></p>',
      })

      const report = await checkHypermedia(app, ['/'])

      expect(report.pages).toEqual(['/', '/a', '/gone'])
      expect(report.dead).toEqual([
        expect.objectContaining({ page: '/a', kind: 'selector', value: '#nope' }),
        expect.objectContaining({
          page: '/',
          kind: 'route',
          attribute: 'href',
          value: '/gone',
          reason: 'GET /gone answered 404',
        }),
      ])
    })

    it('stops at maxPages and stays put with crawl: false', async () => {
      const app = appWith({ '/': '<a href="/a">a</a>', '/a': '<a href="/b">b</a>', '/b': '' })

      expect((await checkHypermedia(app, ['/'], { maxPages: 2 })).pages).toEqual(['/', '/a'])
      expect((await checkHypermedia(app, ['/'], { crawl: false })).pages).toEqual(['/'])
    })
  })

  describe('with selectors outside the subset it reads', () => {
    it('lists them as unchecked, not dead', async () => {
      const app = appWith({
        '/': '<p hx-target="li:first-child"></p><p hx-target:inherited="closest li"></p>',
      })

      const report = await checkHypermedia(app, ['/'])

      expect(report.dead).toEqual([])
      expect(report.unchecked.map((finding) => finding.value)).toEqual([
        'li:first-child',
        'closest li',
      ])
    })
  })

  describe('with bad options', () => {
    it('refuses an unknown key and a bad maxPages', async () => {
      const app = appWith({})

      await expect(checkHypermedia(app, ['/'], { max: 1 } as never)).rejects.toThrow(
        'checkHypermedia(): unknown option "max"; allowed: crawl, maxPages.'
      )
      await expect(checkHypermedia(app, ['/'], { maxPages: 0 })).rejects.toThrow(
        'checkHypermedia(): "maxPages" must be a positive integer.'
      )
    })
  })
})
