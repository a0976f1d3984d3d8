import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { csp, htmxScripts } from '../../src/csp/index.ts'
import type { HtmxScriptsOptions } from '../../src/csp/index.ts'

const OPTIONS: HtmxScriptsOptions = {
  htmx: '/vendor/htmx.min.js',
  extensions: ['/vendor/hx-csp.js'],
  scripts: ['/hxkit.js'],
  config: { includeIndicatorCSS: false, safeEval: true },
}

async function head(options: HtmxScriptsOptions, withCsp: boolean) {
  const app = new Hono()
  if (withCsp) {
    app.use(csp())
  }
  app.get('/', (c) => c.html(htmxScripts(c, options).value))
  const res = await app.request('/')
  const nonce = /'nonce-([^']+)'/.exec(res.headers.get('Content-Security-Policy') ?? '')?.[1]
  return { body: await res.text(), nonce }
}

describe('htmxScripts', () => {
  describe('under csp()', () => {
    it('puts the config meta first, then htmx, extensions and deferred scripts with the nonce', async () => {
      const { body, nonce } = await head(OPTIONS, true)
      expect(body).toBe(
        '<meta name="htmx-config" content="{&quot;includeIndicatorCSS&quot;:false,&quot;safeEval&quot;:true}">' +
          `<script nonce="${String(nonce)}" src="/vendor/htmx.min.js"></script>` +
          `<script nonce="${String(nonce)}" src="/vendor/hx-csp.js"></script>` +
          `<script nonce="${String(nonce)}" src="/hxkit.js" defer></script>`
      )
    })

    it('passes the CSP-safety scan', async () => {
      const { body, nonce } = await head(OPTIONS, true)
      await expect(body).toBeCspSafe({ nonce })
    })
  })

  describe('without csp()', () => {
    it('renders the scripts without a nonce', async () => {
      const { body } = await head({ htmx: '/htmx.js' }, false)
      expect(body).toBe('<script src="/htmx.js"></script>')
    })
  })

  describe('with a bad option', () => {
    it.each([
      ['javascript:alert(1)'],
      ['//evil.example/x.js'],
      ['data:text/javascript,1'],
      ['/x.js" onload="alert(1)'],
    ])('refuses the URL %s', async (url) => {
      await expect(head({ htmx: url }, true)).resolves.toMatchObject({
        body: 'Internal Server Error',
      })
      expect(() => htmxScripts({ get: () => undefined } as never, { htmx: url })).toThrow(TypeError)
    })

    it('refuses inlineScriptNonce, which would let every response script run', () => {
      expect(() =>
        htmxScripts({ get: () => 'n' } as never, {
          htmx: '/h.js',
          config: { inlineScriptNonce: 'n' },
        })
      ).toThrow(/inlineScriptNonce/)
    })
  })
})
