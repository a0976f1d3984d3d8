import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { htmx4Headers, htmxRequest, noJsRequest, plainRequest } from '../../src/testing/index.ts'

// Echoes what arrived: method, path with query, every header and the body.
const echo = new Hono()
echo.all('*', async (c) =>
  c.json({
    method: c.req.method,
    url: c.req.url.replace('http://localhost', ''),
    headers: Object.fromEntries(c.req.raw.headers),
    body: await c.req.text(),
  })
)

interface Echo {
  method: string
  url: string
  headers: Record<string, string>
  body: string
}

const sent = async (res: Promise<Response>): Promise<Echo> => (await (await res).json()) as Echo

describe('htmxRequest()', () => {
  describe('with no options', () => {
    it('sends an htmx 4 partial GET from a button on the requested page', async () => {
      const got = await sent(htmxRequest(echo, '/orders?page=2'))

      expect(got.method).toBe('GET')
      expect(got.headers).toEqual({
        'hx-request': 'true',
        'hx-source': 'button',
        'hx-current-url': 'http://localhost/orders?page=2',
        'hx-request-type': 'partial',
        accept: 'text/html',
        'sec-fetch-site': 'same-origin',
        'sec-fetch-mode': 'same-origin',
      })
    })
  })

  describe('with a form on POST', () => {
    it('sends the urlencoded body with htmx 4 charset and the Origin', async () => {
      const got = await sent(
        htmxRequest(echo, '/orders', {
          method: 'post',
          source: 'form#new',
          target: 'form#new',
          form: { name: 'Ada', tag: ['a', 'b'] },
          headers: { 'X-CSRF-Token': 't' },
        })
      )

      expect(got.method).toBe('POST')
      expect(got.body).toBe('name=Ada&tag=a&tag=b')
      expect(got.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8')
      expect(got.headers['origin']).toBe('http://localhost')
      expect(got.headers['hx-target']).toBe('form#new')
      expect(got.headers['x-csrf-token']).toBe('t')
    })
  })

  describe('with a form on GET or DELETE', () => {
    it('puts the fields in the query, replacing a parameter of the same name', async () => {
      const get = await sent(
        htmxRequest(echo, '/s?q=old&p=1', { form: new URLSearchParams('q=new') })
      )
      const del = await sent(htmxRequest(echo, '/s', { method: 'DELETE', form: { id: '3' } }))

      expect(get.url).toBe('/s?q=new&p=1')
      expect(get.headers['content-type']).toBeUndefined()
      expect(del.url).toBe('/s?id=3')
      expect(del.body).toBe('')
    })
  })

  describe('with boosted: true', () => {
    it('sends a boosted link: source a, target body, type full', async () => {
      const got = await sent(htmxRequest(echo, '/', { boosted: true }))

      expect(got.headers).toMatchObject({
        'hx-boosted': 'true',
        'hx-source': 'a',
        'hx-target': 'body',
        'hx-request-type': 'full',
      })
    })
  })

  describe('with historyRestore: true', () => {
    it('sends exactly the htmx 4 restore headers', async () => {
      const got = await sent(htmxRequest(echo, '/', { historyRestore: true }))

      expect(got.headers).toEqual({
        'hx-history-restore-request': 'true',
        'hx-request-type': 'full',
        accept: '*/*',
        'sec-fetch-mode': 'cors',
      })
    })

    it('sends the htmx 2 cache miss with version: 2', async () => {
      const got = await sent(htmxRequest(echo, '/a', { version: 2, historyRestore: true }))

      expect(got.headers).toEqual({
        'hx-request': 'true',
        'hx-history-restore-request': 'true',
        'hx-current-url': 'http://localhost/a',
      })
    })
  })

  describe('with version: 2', () => {
    it('sends bare ids, no request type, Accept */* and no charset', async () => {
      const got = await sent(
        htmxRequest(echo, '/x', {
          version: 2,
          source: 'save',
          target: 'rows',
          method: 'PUT',
          form: { a: '1' },
        })
      )

      expect(got.headers).toMatchObject({
        'hx-request': 'true',
        'hx-trigger': 'save',
        'hx-target': 'rows',
        accept: '*/*',
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-mode': 'cors',
      })
      expect(got.headers['hx-request-type']).toBeUndefined()
    })

    it('refuses partial, which htmx 2 cannot send', () => {
      expect(() => htmxRequest(echo, '/', { version: 2, partial: false })).toThrow(
        'htmxRequest(): "partial" is htmx 4 only (htmx 2 sends no HX-Request-Type).'
      )
    })
  })

  describe('with bad options', () => {
    it('refuses an unknown key and an unknown version', () => {
      expect(() => htmxRequest(echo, '/', { taget: '#a' } as never)).toThrow(
        'htmxRequest(): unknown option "taget"; allowed: method, form, headers, version, source, target, partial, boosted, historyRestore, currentUrl.'
      )
      expect(() => htmxRequest(echo, '/', { version: 3 as never })).toThrow(
        'htmxRequest(): "version" must be one of 4, 2.'
      )
    })
  })
})

describe('plainRequest()', () => {
  it('sends no headers but the form content type', async () => {
    const get = await sent(plainRequest(echo, '/'))
    const post = await sent(plainRequest(echo, '/', { method: 'POST', form: { a: '1' } }))

    expect(get.headers).toEqual({})
    expect(post.headers).toEqual({
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'http://localhost',
    })
  })
})

describe('noJsRequest()', () => {
  it('sends a browser navigation', async () => {
    const got = await sent(noJsRequest(echo, '/signup', { method: 'POST', form: { e: 'a' } }))

    expect(got.headers).toEqual({
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'sec-fetch-site': 'same-origin',
      'sec-fetch-mode': 'navigate',
      'sec-fetch-dest': 'document',
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'http://localhost',
    })
  })

  it('refuses a method an HTML form cannot send', () => {
    expect(() => noJsRequest(echo, '/', { method: 'DELETE' })).toThrow(
      'noJsRequest(): "method" must be one of GET, POST (what an HTML form sends).'
    )
  })
})

describe('htmx4Headers()', () => {
  it('refuses an unknown key', () => {
    expect(() => htmx4Headers({ typ: 'full' } as never)).toThrow(
      'htmx4Headers(): unknown option "typ"; allowed: source, target, type, boosted, currentUrl, prompt.'
    )
  })
})
