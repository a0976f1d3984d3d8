import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { csp, getNonce } from '../../src/csp/index.ts'
import { htmxMatchers } from '../../src/testing/index.ts'

const PAGE = '<!doctype html><html><head><title>t</title></head><body><main>x</main></body></html>'

function response(body: string, headers: Record<string, string> = {}, status = 200): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/html', ...headers } })
}

describe('htmxMatchers', () => {
  describe('toBeFullPage', () => {
    it('passes a whole document', async () => {
      await expect(response(PAGE)).toBeFullPage()
    })

    it('fails a fragment, naming what is missing', async () => {
      const result = await htmxMatchers.toBeFullPage('<div id="a">x</div>')

      expect(result.pass).toBe(false)
      expect(result.message()).toBe(
        'expected a full page, but <!doctype html>, <html>, <body> missing: "<div id=\\"a\\">x</div>"'
      )
      await expect('<div>x</div>').not.toBeFullPage()
    })
  })

  describe('toBeFragment', () => {
    it('passes markup without a document shell, rooted at the selector', async () => {
      await expect(response('<tbody id="rows"><tr><td>1</td></tr></tbody>')).toBeFragment(
        'tbody#rows'
      )
      await expect('<p>x</p>').toBeFragment()
    })

    it('fails a full page and a fragment rooted elsewhere', async () => {
      const page = await htmxMatchers.toBeFragment(PAGE)
      const elsewhere = await htmxMatchers.toBeFragment('<div id="b"></div>', '#a')

      expect(page.pass).toBe(false)
      expect(page.message()).toContain('expected a fragment, but it has <!doctype>')
      expect(elsewhere.pass).toBe(false)
      expect(elsewhere.message()).toBe(
        'expected a fragment rooted at #a, got "<div id=\\"b\\"></div>"'
      )
      await expect('<body>x</body>').not.toBeFragment()
    })

    it('refuses a selector it cannot read', async () => {
      await expect(htmxMatchers.toBeFragment('<p></p>', 'p:first-child')).rejects.toThrow(
        'toBeFragment(): unsupported selector "p:first-child".'
      )
    })
  })

  describe('toVaryOn', () => {
    it('passes when Vary names every header, in any case', async () => {
      await expect(response('', { Vary: 'hx-request, HX-Request-Type' })).toVaryOn(
        'HX-Request',
        'HX-Request-Type'
      )
      await expect(response('', { Vary: '*' })).toVaryOn('HX-Target')
    })

    it('fails when one is missing, naming it', async () => {
      const result = await htmxMatchers.toVaryOn(response('', { Vary: 'Accept' }), 'HX-Request')

      expect(result.pass).toBe(false)
      expect(result.message()).toBe('expected Vary to name HX-Request, got "Accept"')
      await expect(response('')).not.toVaryOn('HX-Request')
    })

    it('refuses what is not a Response', async () => {
      await expect(htmxMatchers.toVaryOn('<p>', 'HX-Request')).rejects.toThrow(
        'toVaryOn(): expected a Response, got string.'
      )
    })
  })

  describe('toHaveHxPartial', () => {
    const body = '<ul id="a"></ul><hx-partial hx-target="#stats" hx-swap="outerHTML"></hx-partial>'

    it('passes when a block targets the selector', async () => {
      await expect(response(body)).toHaveHxPartial('#stats')
    })

    it('fails when none does, listing the targets found', async () => {
      const result = await htmxMatchers.toHaveHxPartial(body, '#cart')

      expect(result.pass).toBe(false)
      expect(result.message()).toBe('expected an <hx-partial> for #cart, found #stats')
      await expect('<div id="stats"></div>').not.toHaveHxPartial('#stats')
    })
  })

  describe('toHaveHxTrigger', () => {
    it('passes a JSON trigger with the same detail, keys in any order', async () => {
      const res = response('', { 'HX-Trigger': '{"saved":{"id":1,"n":"a"},"other":null}' })

      await expect(res).toHaveHxTrigger('saved', { n: 'a', id: 1 })
      await expect(res).toHaveHxTrigger('other')
      await expect(response('', { 'HX-Trigger': 'a, b' })).toHaveHxTrigger('b')
    })

    it('fails another detail, a missing name and broken JSON', async () => {
      const res = response('', { 'HX-Trigger': '{"saved":{"id":1}}' })
      const result = await htmxMatchers.toHaveHxTrigger(res, 'saved', { id: 2 })

      expect(result.pass).toBe(false)
      expect(result.message()).toBe(
        'expected HX-Trigger to fire saved with {"id":2}, got "{"saved":{"id":1}}"'
      )
      await expect(res).not.toHaveHxTrigger('deleted')
      await expect(response('', { 'HX-Trigger': '{broken' })).not.toHaveHxTrigger('broken')
    })
  })

  describe('toRedirectHtmx', () => {
    it('passes a 200 with HX-Location or HX-Redirect', async () => {
      await expect(response('', { 'HX-Location': '/done' })).toRedirectHtmx('/done')
      await expect(response('', { 'HX-Location': '{"path":"/a b"}' })).toRedirectHtmx('/a b')
      await expect(response('', { 'HX-Redirect': 'https://x.test/' })).toRedirectHtmx(
        'https://x.test/'
      )
    })

    it('fails a 3xx, whose headers htmx never sees', async () => {
      const res = response('', { Location: '/done', 'HX-Location': '/done' }, 303)
      const result = await htmxMatchers.toRedirectHtmx(res, '/done')

      expect(result.pass).toBe(false)
      expect(result.message()).toBe(
        'expected a 2xx htmx redirect to /done, got 303, HX-Location /done, HX-Redirect null, Location /done'
      )
    })

    it('fails another location and a broken HX-Location', async () => {
      await expect(response('', { 'HX-Location': '/other' })).not.toRedirectHtmx('/done')
      await expect(response('', { 'HX-Location': '{oops' })).not.toRedirectHtmx('{oops')
      await expect(response('', { 'HX-Location': '{"path":1}' })).not.toRedirectHtmx('1')
    })
  })

  describe('toCarryFreshNonce', () => {
    const app = new Hono()
    app.use(csp())
    app.get('/', (c) => {
      const nonce = getNonce(c)
      return c.html(`<script nonce="${nonce}" src="/a.js"></script><div hx-nonce="${nonce}"></div>`)
    })
    app.get('/stale', (c) => c.html('<script nonce="old" src="/a.js"></script><script></script>'))

    it('passes a response whose nonce is new and carried everywhere', async () => {
      await expect(await app.request('/')).toCarryFreshNonce()
      await expect(await app.request('/')).toCarryFreshNonce()
    })

    it('fails a nonce seen before, a stale attribute and a script without one', async () => {
      const res = await app.request('/')
      await expect(res).toCarryFreshNonce()
      const again = await htmxMatchers.toCarryFreshNonce(res)
      const stale = await htmxMatchers.toCarryFreshNonce(await app.request('/stale'))

      expect(again.pass).toBe(false)
      expect(again.message()).toMatch(
        /^expected a fresh nonce carried everywhere: nonce \S+ was seen before$/
      )
      expect(stale.pass).toBe(false)
      expect(stale.message()).toContain('<script nonce="old">; <script> without nonce')
    })

    it('fails a response without a CSP nonce', async () => {
      const result = await htmxMatchers.toCarryFreshNonce(response('<p>'))

      expect(result.pass).toBe(false)
      expect(result.message()).toBe('expected a nonce in Content-Security-Policy, found none')
    })
  })

  describe('toHaveFieldError', () => {
    const invalid =
      '<input id="f-email" name="email" aria-invalid="true"><p id="f-email-error" class="field-error"><span>Too &amp; short</span></p>'
    const valid = '<input id="f-email" name="email"><p id="f-email-error" class="field-error"></p>'

    it('passes an invalid field with the message', async () => {
      await expect(response(invalid)).toHaveFieldError('email', 'Too & short')
      await expect(invalid).toHaveFieldError('email')
    })

    it('fails a valid field, another message and a missing field', async () => {
      const result = await htmxMatchers.toHaveFieldError(valid, 'email')
      const missing = await htmxMatchers.toHaveFieldError(valid, 'name')

      expect(result.pass).toBe(false)
      expect(result.message()).toBe(
        'expected "email" to show an error: aria-invalid absent, error text ""'
      )
      await expect(invalid).not.toHaveFieldError('email', 'Required')
      expect(missing.message()).toBe('expected a field named "name", found none')
    })
  })

  describe('toBeCspSafe', () => {
    it('is the CSP scanner matcher', async () => {
      await expect('<p>ok</p>').toBeCspSafe()
      await expect('<p onclick="x()">').not.toBeCspSafe()
    })
  })
})
