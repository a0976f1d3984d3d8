// The scanner is at least as strict as the builders: every attribute name and value that attrs()
// or hx() refuses, written into markup the way a hand-written template would, is a finding.
import { describe, expect, it } from 'vitest'
import { scanCspSafety } from '../../src/csp/index.ts'
import { attrs, escapeHtml, hx } from '../../src/html/index.ts'
import { URL_ATTRIBUTES } from '../../src/internal/markup-policy.ts'

const SCRIPT_URLS = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0000javascript:alert(1)',
  'js:alert(1)',
  'JS:fetch("/x")',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD4=',
  'data:application/xhtml+xml,<x/>',
]

const urlAttributes = [...URL_ATTRIBUTES].flatMap((name) =>
  name.startsWith('hx-') ? [name, `data-${name}`] : [name]
)
const cases = urlAttributes.flatMap((name) => SCRIPT_URLS.map((url) => [name, url] as const))

function rulesOf(markup: string): string[] {
  return scanCspSafety(markup).map((finding) => finding.rule)
}

describe('scanCspSafety and the builders', () => {
  describe('with a script URL in a URL attribute', () => {
    it.each(cases)('attrs() refuses %s=%j and the scanner flags it', (name, url) => {
      expect(() => attrs({ [name]: url })).toThrow(TypeError)

      expect(rulesOf(`<a ${name}="${escapeHtml(url)}">`)).toContain('script-url')
    })

    it.each(cases)('the scanner flags %s=%j written with character references', (name, url) => {
      const encoded = Array.from(url, (char) => `&#${String(char.codePointAt(0))};`).join('')

      expect(rulesOf(`<a ${name}="${encoded}">`)).toContain('script-url')
    })
  })

  describe('with an hx() option that takes a URL', () => {
    const options = ['get', 'post', 'put', 'patch', 'delete', 'query', 'pushUrl', 'replaceUrl']
    const attribute = (option: string) =>
      `hx-${option.replace(/[A-Z]/g, (char) => `-${char.toLowerCase()}`)}`

    it.each(options.flatMap((option) => SCRIPT_URLS.map((url) => [option, url] as const)))(
      'hx() refuses %s: %j and the scanner flags it',
      (option, url) => {
        expect(() => hx({ [option]: url })).toThrow(TypeError)

        expect(rulesOf(`<a ${attribute(option)}="${escapeHtml(url)}">`)).toContain('script-url')
      }
    )

    it.each(SCRIPT_URLS)('hx() refuses confirm: %j and the scanner flags it', (url) => {
      expect(() => hx({ confirm: url })).toThrow(TypeError)

      expect(rulesOf(`<a hx-confirm="${escapeHtml(url)}">`)).toContain('script-url')
    })
  })

  describe('with a refused attribute name', () => {
    it.each([
      ['onclick', 'inline-handler'],
      ['ONLOAD', 'inline-handler'],
      ['onpointerdown', 'inline-handler'],
      ['hx-on:click', 'hx-on'],
      ['hx-on::after-swap', 'hx-on'],
      ['data-hx-on:htmx:after-swap', 'hx-on'],
      ['style', 'style-attribute'],
      ['STYLE', 'style-attribute'],
      ['srcdoc', 'srcdoc'],
    ])('attrs() refuses %s and the scanner flags it as %s', (name, rule) => {
      expect(() => attrs({ [name]: 'x' })).toThrow(TypeError)

      expect(rulesOf(`<iframe ${name}="x">`)).toEqual([rule])
    })
  })

  describe('with what the builders allow', () => {
    it.each([
      ['open', ''],
      ['href', '/orders?q=javascript:x'],
      ['hx-get', '/search?q=js:x'],
      ['data-x', 'javascript:alert(1)'],
    ])('finds nothing in %s=%j', (name, value) => {
      expect(String(attrs({ [name]: value || true }))).not.toBe('')

      expect(rulesOf(`<details ${name}="${escapeHtml(value)}">`)).toEqual([])
    })
  })
})
