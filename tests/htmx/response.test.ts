import { Hono } from 'hono'
import type { Context } from 'hono'
import { describe, expect, it } from 'vitest'
import {
  htmx,
  setPushUrl,
  setReplaceUrl,
  setReselect,
  setReswap,
  setRetarget,
} from '../../src/htmx/index.ts'
import { htmx2Headers, htmx4Headers } from '../../src/testing/index.ts'

async function headersAfter(
  setup: (c: Context) => void,
  headers: Record<string, string> = htmx4Headers()
) {
  const app = new Hono()
  app.use(htmx())
  app.get('/', (c) => {
    setup(c)
    return c.html('<p>ok</p>')
  })
  app.onError((error, c) => c.text(`${error.name}: ${error.message}`, 500, { 'X-Error': 'yes' }))
  const res = await app.request('/', { headers })
  return { headers: res.headers, text: await res.text() }
}

describe('setPushUrl / setReplaceUrl (docs/protocol.md §2.2)', () => {
  it.each([
    [setPushUrl, 'HX-Push-Url', '/orders?page=2', '/orders?page=2'],
    [setPushUrl, 'HX-Push-Url', false, 'false'],
    [setPushUrl, 'HX-Push-Url', true, 'true'],
    [setReplaceUrl, 'HX-Replace-Url', '/café', '/caf%C3%A9'],
    [setReplaceUrl, 'HX-Replace-Url', false, 'false'],
  ] as const)('%o sets %s for %j', async (setter, name, url, expected) => {
    const { headers } = await headersAfter((c) => {
      setter(c, url)
    })

    expect(headers.get(name)).toBe(expected)
  })

  it('accepts an allowed origin', async () => {
    const { headers } = await headersAfter((c) => {
      setPushUrl(c, 'https://a.example/x', { allowedOrigins: ['https://a.example'] })
    })

    expect(headers.get('HX-Push-Url')).toBe('https://a.example/x')
  })

  it.each([['//evil.example'], ['/x\r\nX-Injected: 1'], ['https://evil.example/']])(
    'throws a TypeError for %j',
    async (url) => {
      const { headers, text } = await headersAfter((c) => {
        setReplaceUrl(c, url)
      })

      expect(text).toMatch(/^TypeError: setReplaceUrl\(\): refused redirect target/)
      expect(headers.get('X-Injected')).toBeNull()
    }
  )
})

describe('setRetarget / setReselect (docs/protocol.md §2.2)', () => {
  it.each([
    [setRetarget, 'HX-Retarget', 'closest tr', 'closest tr'],
    [setRetarget, 'HX-Retarget', '#größe', '#gr\\0000f6\\0000dfe'],
    [setReselect, 'HX-Reselect', '#content', '#content'],
  ] as const)('%o sets %s from %j', async (setter, name, selector, expected) => {
    const { headers } = await headersAfter((c) => {
      setter(c, selector)
    })

    expect(headers.get(name)).toBe(expected)
  })

  it.each([['#x\nSet-Cookie: a=b'], [''], ['\u0000']])(
    'throws a TypeError for %j',
    async (selector) => {
      const { text } = await headersAfter((c) => {
        setReselect(c, selector)
      })

      expect(text).toMatch(/^TypeError: setReselect\(\): the selector must be a non-empty string/)
    }
  )
})

describe('setReswap (docs/protocol.md §2.2 HX-Reswap)', () => {
  describe('for an htmx 4 request', () => {
    it('writes the htmx 4 spec', async () => {
      const { headers } = await headersAfter((c) => {
        setReswap(c, { style: 'outerMorph', target: '#x', scroll: { to: 'top', target: '#log' } })
      })

      expect(headers.get('HX-Reswap')).toBe('outerMorph scroll:top scrollTarget:#log target:#x')
      expect(headers.get('HX-Retarget')).toBeNull()
    })
  })

  describe('for an htmx 2 request', () => {
    it.each([
      [{ style: 'outerMorph', target: '#x' } as const, 'outerHTML', '#x'],
      [{ style: 'append' } as const, 'beforeend', null],
      ['prepend' as const, 'afterbegin', null],
    ])('writes %j as htmx 2 understands it', async (spec, reswap, retarget) => {
      const { headers } = await headersAfter((c) => {
        setReswap(c, spec)
      }, htmx2Headers())

      expect(headers.get('HX-Reswap')).toBe(reswap)
      expect(headers.get('HX-Retarget')).toBe(retarget)
    })
  })

  describe('without an htmx request', () => {
    it('writes the htmx 4 spec', async () => {
      const { headers } = await headersAfter((c) => {
        setReswap(c, 'delete')
      }, {})

      expect(headers.get('HX-Reswap')).toBe('delete')
    })
  })
})
