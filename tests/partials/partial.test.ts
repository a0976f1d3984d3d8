import { Context } from 'hono'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { html } from '../../src/html/index.ts'
import { partial } from '../../src/partials/index.ts'

const c = new Context(new Request('http://localhost/'))

describe('partial', () => {
  describe('with the defaults', () => {
    it('wraps the loader markup in a div whose id is the name', async () => {
      const stats = partial('stats', () => html`<p>3 open</p>`)

      const markup = await stats.render(c)

      expect(String(markup)).toBe('<div id="stats"><p>3 open</p></div>')
      expect(stats.id).toBe('stats')
      expect(stats.selector).toBe('#stats')
    })

    it('keeps the literal name type', () => {
      const stats = partial('stats', () => '')

      expectTypeOf(stats.name).toEqualTypeOf<'stats'>()
      expect(Object.isFrozen(stats)).toBe(true)
    })
  })

  describe('with a loader that targets its own region', () => {
    it('receives the partial itself, typed, without an annotation', async () => {
      const orders = partial('orders', (_c, self) => {
        expectTypeOf(self.name).toEqualTypeOf<'orders'>()
        return html`<a href="/?page=2" data-target="${self.selector}">Next</a>`
      })

      const markup = await orders.render(c)

      expect(String(markup)).toBe(
        '<div id="orders"><a href="/?page=2" data-target="#orders">Next</a></div>'
      )
    })
  })

  describe('with an async loader', () => {
    it('awaits the loader, escapes text and passes the context', async () => {
      const ctx = new Context(new Request('http://localhost/ctx'))
      let seen: unknown = null
      const rows = partial(
        'rows',
        async (given) => {
          seen = given
          await Promise.resolve()
          // prettier-ignore
          return ['<b>', html`<tr><td>1</td></tr>`, null]
        },
        { tag: 'tbody', id: 'order-rows' }
      )

      const markup = await rows.render(ctx)

      expect(String(markup)).toBe('<tbody id="order-rows">&lt;b&gt;<tr><td>1</td></tr></tbody>')
      expect(seen).toBe(ctx)
      expect(rows.selector).toBe('#order-rows')
    })

    it('rejects with the loader error', async () => {
      const broken = partial('broken', () => Promise.reject(new Error('db down')))

      await expect(broken.render(c)).rejects.toThrow('db down')
    })
  })

  describe('with attrs', () => {
    it('escapes values, renders true as a bare attribute and skips false and null', async () => {
      const card = partial('card', () => 'x', {
        tag: 'section',
        attrs: {
          class: 'card "big"',
          'aria-busy': true,
          hidden: false,
          title: null,
          lang: undefined,
          'data-n': 3,
          'hx-trigger': 'every 5s',
        },
      })

      const markup = await card.render(c)

      expect(String(markup)).toBe(
        '<section id="card" class="card &quot;big&quot;" aria-busy data-n="3" hx-trigger="every 5s">x</section>'
      )
    })
  })

  describe('with a custom element tag', () => {
    it('accepts it', async () => {
      const list = partial('list', () => '', { tag: 'order-list' })

      expect(String(await list.render(c))).toBe('<order-list id="list"></order-list>')
    })
  })

  describe('with bad options', () => {
    it.each([
      ['a name starting with a digit', () => partial('1x', () => ''), /name "1x"/],
      ['an empty name', () => partial('', () => ''), /name ""/],
      ['a name with a dot', () => partial('a.b', () => ''), /name "a.b"/],
      ['a name that is not a string', () => partial(3 as unknown as string, () => ''), /name 3/],
      ['an id with a space', () => partial('a', () => '', { id: 'a b' }), /id "a b"/],
      ['a loader that is not a function', () => partial('a', 'x' as never), /loader of "a"/],
      ['a script tag', () => partial('a', () => '', { tag: 'script' }), /"tag" "script"/],
      ['a void tag', () => partial('a', () => '', { tag: 'img' }), /"tag" "img"/],
      ['an upper-case tag', () => partial('a', () => '', { tag: 'DIV' }), /"tag" "DIV"/],
      ['an hx-word tag', () => partial('a', () => '', { tag: 'hx-card' }), /"tag" "hx-card"/],
      ['an on* attribute', () => partial('a', () => '', { attrs: { onclick: 'x' } }), /"onclick"/],
      ['a style attribute', () => partial('a', () => '', { attrs: { style: 'x' } }), /"style"/],
      ['an id attribute', () => partial('a', () => '', { attrs: { id: 'x' } }), /"id" option/],
      [
        'an upper-case ID attribute',
        () => partial('a', () => '', { attrs: { ID: 'x' } }),
        /"id" option/,
      ],
      [
        'an hx-on attribute',
        () => partial('a', () => '', { attrs: { 'hx-on:click': 'x' } }),
        /"hx-on:click"/,
      ],
      [
        'a data-hx-on attribute',
        () => partial('a', () => '', { attrs: { 'data-hx-on::x': 'y' } }),
        /"data-hx-on::x"/,
      ],
      [
        'a broken attribute name',
        () => partial('a', () => '', { attrs: { 'a"b': 'x' } }),
        /partial\(\): .*invalid attribute name "a\\"b"/,
      ],
      [
        'a javascript: URL',
        () => partial('a', () => '', { attrs: { 'hx-get': 'javascript:alert(1)' } }),
        /partial\(\): .*javascript:, js:/,
      ],
      [
        'a js: URL after whitespace',
        () => partial('a', () => '', { attrs: { 'hx-get': ' \u0001JS:x' } }),
        /partial\(\): .*javascript:, js:/,
      ],
    ])('throws a TypeError for %s', (_label, create, message) => {
      expect(create).toThrow(TypeError)
      expect(create).toThrow(message)
    })
  })
})
