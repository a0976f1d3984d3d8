import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { csp } from '../../src/csp/index.ts'
import { runWithNonce } from '../../src/csp/nonce-scope.ts'
import { html, hx, hxNonce } from '../../src/html/index.ts'
import { hxPartial, partial } from '../../src/partials/index.ts'

describe('hx', () => {
  describe('inside a csp() request', () => {
    it('ends the attributes with the response nonce as hx-nonce', () => {
      const out = runWithNonce('n0nce', () => hx({ get: '/a', boost: true }))
      expect(out.value).toBe(' hx-get="/a" hx-boost="true" hx-nonce="n0nce"')
    })

    it('stamps nothing when there are no attributes', () => {
      expect(runWithNonce('n0nce', () => hx({})).value).toBe('')
    })

    it('uses the nonce of the CSP header sent with the response', async () => {
      const app = new Hono()
      app.use(csp())
      app.get('/', async (c) => {
        await new Promise((done) => setTimeout(done, 1))
        return c.html(html`<a href="/x" ${hx({ get: '/x' })}>x</a>`.value)
      })
      const res = await app.request('/')
      const nonce = /'nonce-([^']+)'/.exec(res.headers.get('Content-Security-Policy') ?? '')?.[1]
      expect(await res.text()).toBe(`<a href="/x"  hx-get="/x" hx-nonce="${String(nonce)}">x</a>`)
    })
  })

  describe('outside a request', () => {
    it('renders no hx-nonce', () => {
      expect(hx({ get: '/a' }).value).toBe(' hx-get="/a"')
    })
  })
})

describe('hxNonce', () => {
  describe('inside a csp() request', () => {
    it('renders the hx-nonce attribute', () => {
      expect(runWithNonce('a+b/c==', () => hxNonce()).value).toBe(' hx-nonce="a+b/c=="')
    })
  })

  describe('outside a request', () => {
    it('renders nothing', () => {
      expect(hxNonce().value).toBe('')
    })
  })
})

describe('partial', () => {
  describe('with htmx attributes on the wrapper', () => {
    it('stamps the wrapper with the hx-nonce of the request', async () => {
      const live = partial('live', () => 'x', {
        attrs: { 'hx-get': '/live', 'hx-trigger': 'every 5s' },
      })
      const out = await runWithNonce('n', () => live.render({} as never))
      expect(out.value).toBe(
        '<div id="live" hx-get="/live" hx-trigger="every 5s" hx-nonce="n">x</div>'
      )
      expect((await live.render({} as never)).value).toBe(
        '<div id="live" hx-get="/live" hx-trigger="every 5s">x</div>'
      )
    })
  })

  describe('without htmx attributes', () => {
    it('leaves the wrapper as it is', async () => {
      const plain = partial('plain', () => 'x', { attrs: { class: 'panel' } })
      expect((await runWithNonce('n', () => plain.render({} as never))).value).toBe(
        '<div id="plain" class="panel">x</div>'
      )
    })
  })
})

describe('hxPartial', () => {
  describe('inside a csp() request', () => {
    it('stamps the block with the hx-nonce', () => {
      const out = runWithNonce('n', () => hxPartial({ selector: '#a' }, html`<p>a</p>`))
      expect(out.value).toBe(
        '<hx-partial hx-target="#a" hx-swap="outerHTML" hx-nonce="n"><p>a</p></hx-partial>'
      )
    })
  })
})
