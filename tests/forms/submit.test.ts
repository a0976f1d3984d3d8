import { Hono } from 'hono'
import { describe, expect, it, vi } from 'vitest'
import { completeSubmit } from '../../src/forms/index.ts'
import { htmx } from '../../src/htmx/index.ts'
import { htmx2Headers, htmx4Headers } from '../../src/testing/index.ts'

function appWith(options: Parameters<typeof completeSubmit>[1]): Hono {
  const app = new Hono()
  app.use(htmx())
  app.post('/orders', (c) => completeSubmit(c, options))
  return app
}

const post = (app: Hono, headers: Record<string, string> = {}) =>
  app.request('/orders', { method: 'POST', headers })

describe('completeSubmit()', () => {
  describe('without htmx (JavaScript off)', () => {
    it('redirects with 303 and never calls the htmx answer', async () => {
      const htmx = vi.fn(() => new Response('partials'))

      const res = await post(appWith({ redirect: '/orders/7/edit?saved=1', htmx }))

      expect(res.status).toBe(303)
      expect(res.headers.get('Location')).toBe('/orders/7/edit?saved=1')
      expect(htmx).not.toHaveBeenCalled()
    })
  })

  describe.each([
    ['htmx 4', htmx4Headers()],
    ['htmx 2', htmx2Headers()],
  ])('with an %s request', (_, headers) => {
    it('answers with the htmx answer', async () => {
      const app = new Hono()
      app.use(htmx())
      app.post('/orders', (c) =>
        completeSubmit(c, { redirect: '/orders/7', htmx: () => c.html('<p>partials</p>') })
      )

      const res = await post(app, headers)

      expect(res.status).toBe(200)
      expect(await res.text()).toBe('<p>partials</p>')
    })

    it('answers 200 with HX-Location without an htmx answer', async () => {
      const res = await post(appWith({ redirect: '/orders/7' }), headers)

      expect(res.status).toBe(200)
      expect(res.headers.get('HX-Location')).toContain('/orders/7')
      expect(res.headers.get('Location')).toBeNull()
    })
  })

  describe('with bad options', () => {
    it.each([
      [
        { redirect: '/x', toast: 'hi' },
        'completeSubmit(): unknown option "toast"; allowed: redirect, htmx.',
      ],
      [{}, 'completeSubmit(): "redirect" must be a path such as /orders/1'],
    ])('answers 500 through onError for %o', async (options, message) => {
      const app = new Hono()
      app.use(htmx())
      app.post('/orders', (c) => completeSubmit(c, options as never))
      app.onError((err, c) => c.text(`${err.name}: ${err.message}`, 500))

      const res = await post(app)

      expect(await res.text()).toBe(`TypeError: ${message}`)
    })
  })
})
