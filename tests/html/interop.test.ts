import { Hono } from 'hono'
import { html as honoHtml, raw as honoRaw } from 'hono/html'
import { jsx } from 'hono/jsx'
import type { HtmlEscapedString } from 'hono/utils/html'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { SafeHtml, html } from '../../src/html/index.ts'
import { Card, Later, Mixed } from './jsx-components.tsx'

describe('html', () => {
  describe('inside hono/jsx', () => {
    it('renders hxkit markup unescaped, once, in a .tsx component', async () => {
      const body = html`<p>${'<b>'}</p>`

      const out = await Card({ title: '<T>', body })

      expect(String(out)).toBe('<section class="card"><h2>&lt;T&gt;</h2><p>&lt;b&gt;</p></section>')
    })

    it('renders hxkit markup unescaped next to strings that JSX escapes', async () => {
      const body = html`<i>${'&'}</i>`

      const out = await Mixed({ body, text: '<s>' })

      expect(String(out)).toBe('<div title="a&quot;b"><i>&amp;</i>&lt;s&gt;<hr></div>')
    })

    it('renders hxkit markup inside hono/html', () => {
      const out = honoHtml`<div>${html`<i>${'<'}</i>`}${'<'}</div>` as HtmlEscapedString

      expect(out.toString()).toBe('<div><i>&lt;</i>&lt;</div>')
    })

    it('goes through a hono response', async () => {
      const app = new Hono()
      app.get('/', (c) => c.html(Card({ title: 'A & B', body: html`<p>${'<'}</p>` })))

      const res = await app.request('/')

      expect(await res.text()).toBe('<section class="card"><h2>A &amp; B</h2><p>&lt;</p></section>')
    })
  })

  describe('with hono/jsx elements', () => {
    it('renders them as markup and returns a promise', async () => {
      const out = html`<div>${jsx('b', {}, '<x>')}${'<y>'}</div>`

      expect(out).toBeInstanceOf(Promise)
      expect((await out).value).toBe('<div><b>&lt;x&gt;</b>&lt;y&gt;</div>')
    })

    it('awaits async components', async () => {
      const out = await html`<p>${jsx(Later, { text: '<later>' })}</p>`

      expect(out.value).toBe('<p><em>&lt;later&gt;</em></p>')
    })

    it('renders a component that itself holds hxkit markup', async () => {
      const card = Card({ title: 'T', body: html`<p>${'&'}</p>` })

      expect((await html`<main>${card}</main>`).value).toBe(
        '<main><section class="card"><h2>T</h2><p>&amp;</p></section></main>'
      )
    })
  })

  describe('with hono/html values', () => {
    it('renders html`` and raw() output as markup and still escapes strings', () => {
      const fromHono = honoHtml`<b>${'<'}</b>` as ReturnType<typeof honoRaw>

      const out = html`<p>${fromHono}${honoRaw('<i>')}${'<u>'}</p>`

      expect(out).toBeInstanceOf(SafeHtml)
      expectTypeOf(out).toEqualTypeOf<SafeHtml>()
      expect(out.value).toBe('<p><b>&lt;</b><i>&lt;u&gt;</p>')
    })

    it('awaits hono’s async html', async () => {
      const later = honoHtml`<b>${Promise.resolve('<')}</b>`

      expect((await html`<p>${later}</p>`).value).toBe('<p><b>&lt;</b></p>')
    })
  })
})
