import { describe, expect, it } from 'vitest'
import { SafeHtml, attrs, html } from '../../src/html/index.ts'
import type { Attributes } from '../../src/html/index.ts'

const SCRIPT_URLS = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  '\tjava\nscript:alert(1)',
  '\u0000javascript:alert(1)',
  'java\u00a0script:alert(1)',
  'JAVASCRIPT:alert(1)',
  'js:alert(1)',
  'JS:alert(1)',
  '  j\rs:alert(1)',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:Text/HTML;base64,PHNjcmlwdD4=',
  'data:application/xhtml+xml,<x/>',
]

const URL_ATTRIBUTES = [
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'HREF',
  'hx-get',
  'hx-post',
  'hx-put',
  'hx-patch',
  'hx-delete',
  'hx-query',
  'hx-action',
  'hx-push-url',
  'hx-replace-url',
  'hx-vals',
  'hx-headers',
  'hx-confirm',
  'data-hx-get',
  'hx-get:inherited',
  'HX-POST',
]

describe('attrs', () => {
  describe('with string, number and boolean values', () => {
    it('renders each attribute with a leading space, values escaped', () => {
      const out = attrs({
        id: 'a"b',
        title: "<O'Brien & co>",
        tabindex: 0,
        size: 12n,
        hidden: true,
      })

      expect(out).toBeInstanceOf(SafeHtml)
      expect(out.value).toBe(
        ' id="a&quot;b" title="&lt;O&#39;Brien &amp; co&gt;" tabindex="0" size="12" hidden'
      )
    })

    it('omits false, null and undefined', () => {
      expect(attrs({ a: false, b: null, c: undefined, d: '' }).value).toBe(' d=""')
      expect(attrs({}).value).toBe('')
    })

    it('fits in a tag', () => {
      expect(html`<input${attrs({ name: 'q', required: true })}>`.value).toBe(
        '<input name="q" required>'
      )
    })
  })

  describe('with names htmx and other libraries use', () => {
    it('accepts :, @, ., - and _', () => {
      const out = attrs({
        'hx-status:4xx': 'swap:none',
        '@click': 'x',
        ':class': 'y',
        'x.y_z': 1,
        open: true,
      })

      expect(out.value).toBe(' hx-status:4xx="swap:none" @click="x" :class="y" x.y_z="1" open')
    })
  })

  describe('with an invalid name', () => {
    it.each(['', 'a b', 'a"', "a'", 'a=b', 'a<', 'a>', 'a/b', '1a', '-a', 'a\n', 'é'])(
      'throws a TypeError for %j',
      (name) => {
        expect(() => attrs({ [name]: 'x' })).toThrow(/invalid attribute name/)
      }
    )
  })

  describe('with event handlers', () => {
    it.each([
      'onclick',
      'ONLOAD',
      'onmouseover',
      'hx-on:click',
      'hx-on::after-request',
      'data-hx-on:click',
      'HX-ON-CLICK',
    ])('refuses %s, saying why', (name) => {
      expect(() => attrs({ [name]: 'alert(1)' })).toThrow(
        new TypeError(
          `attrs(): refusing "${name}": inline event handlers are blocked by the strict CSP (attach behaviour from a script file)`
        )
      )
    })
  })

  describe('with style and srcdoc', () => {
    it('refuses style, saying why', () => {
      expect(() => attrs({ Style: 'color:red' })).toThrow(
        'attrs(): refusing "Style": inline styles are blocked by the strict CSP (use a class)'
      )
    })

    it('refuses srcdoc', () => {
      expect(() => attrs({ srcdoc: '<p>' })).toThrow(/refusing "srcdoc"/)
    })
  })

  describe('with a script URL in a URL attribute', () => {
    it.each(URL_ATTRIBUTES.flatMap((name) => SCRIPT_URLS.map((url) => [name, url])))(
      'refuses %s=%j',
      (name, url) => {
        expect(() => attrs({ [name]: url })).toThrow(TypeError)
      }
    )

    it('names the attribute and the reason', () => {
      expect(() => attrs({ href: 'javascript:void 0' })).toThrow(
        'attrs(): refusing href="javascript:void 0": javascript:, js:, vbscript: and data:text/html values run script'
      )
    })
  })

  describe('with safe URLs', () => {
    it('renders them escaped', () => {
      const out = attrs({
        href: '/orders?page=2&sort=desc',
        src: 'https://example.com/a.png',
        action: 'mailto:a@example.com',
        'hx-get': 'data:image/png;base64,AAAA',
        poster: 'javascript-guide.png',
      })

      expect(out.value).toBe(
        ' href="/orders?page=2&amp;sort=desc" src="https://example.com/a.png" action="mailto:a@example.com" hx-get="data:image/png;base64,AAAA" poster="javascript-guide.png"'
      )
    })

    it('does not check other attributes', () => {
      expect(attrs({ title: 'javascript:x', 'data-url': 'js:x' }).value).toBe(
        ' title="javascript:x" data-url="js:x"'
      )
    })
  })

  describe('with class as a list or an object', () => {
    it('joins truthy classes like clsx', () => {
      const out = attrs({
        class: ['btn', 0, 1, null, '', false, true, ['a', { b: true, c: 0, '<d>': 1 }]],
      })

      expect(out.value).toBe(' class="btn 1 a b &lt;d&gt;"')
    })

    it('omits an empty class list', () => {
      expect(attrs({ class: [false, { a: false }] }).value).toBe('')
      expect(attrs({ class: {} }).value).toBe('')
    })

    it('renders a plain class string', () => {
      expect(attrs({ class: 'a b' }).value).toBe(' class="a b"')
    })
  })

  describe('with a value of the wrong type', () => {
    it('throws a TypeError', () => {
      // Only `class` takes a list or an object; the type (an index signature) cannot say so.
      expect(() => attrs({ id: ['a'] })).toThrow(
        'attrs(): the value of "id" must be a string, number or boolean'
      )
      const loose: Attributes = { id: { a: 1 } }
      expect(() => attrs(loose)).toThrow(TypeError)
    })
  })
})
