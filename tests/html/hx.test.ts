import { describe, expect, it } from 'vitest'
import { SafeHtml, html, hx } from '../../src/html/index.ts'
import type { HxOptions } from '../../src/html/index.ts'

const orders = { name: 'orders', selector: '#orders', extra: 1 }
const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'query'] as const
const SCRIPT_URLS = [
  'js:alert(1)',
  'JS:alert(1)',
  ' js:alert(1)',
  'j\ts:alert(1)',
  '\u0001js:alert(1)',
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  '\n javascript:alert(1)',
  'java\u0000script:alert(1)',
  'vbscript:x',
  'data:text/html,<script>',
]

/** Calls hx with options the types refuse, to test the runtime checks. */
const untyped = (options: unknown): string => hx(options as HxOptions).value

describe('hx', () => {
  describe('with a request verb', () => {
    it.each(VERBS)('renders hx-%s with the URL escaped', (verb) => {
      expect(hx({ [verb]: '/orders?a=1&b="2"' }).value).toBe(
        ` hx-${verb}="/orders?a=1&amp;b=&quot;2&quot;"`
      )
    })

    it.each(VERBS.flatMap((verb) => SCRIPT_URLS.map((url) => [verb, url] as const)))(
      'refuses hx-%s=%j',
      (verb, url) => {
        expect(() => hx({ [verb]: url })).toThrow(TypeError)
      }
    )

    it('explains the refusal', () => {
      expect(() => hx({ get: 'js:fetch("/x")' })).toThrow(
        'hx(): refusing get="js:fetch(\\"/x\\")": javascript:, js:, vbscript: and data:text/html values run script'
      )
    })

    it('refuses a URL that is not a string', () => {
      expect(() => untyped({ get: 1 })).toThrow('hx(): get must be a string')
    })
  })

  describe('with a target', () => {
    it('renders a selector as it is, escaped', () => {
      expect(hx({ target: 'closest tr[data-id="1"]' }).value).toBe(
        ' hx-target="closest tr[data-id=&quot;1&quot;]"'
      )
    })

    it('renders a partial as its selector and defaults the swap to outerHTML', () => {
      expect(hx({ target: orders }).value).toBe(' hx-target="#orders" hx-swap="outerHTML"')
      expect(hx({ target: { selector: '#x' } }).value).toBe(' hx-target="#x" hx-swap="outerHTML"')
    })

    it('keeps a given swap with a partial target', () => {
      expect(hx({ target: orders, swap: 'beforeend' }).value).toBe(
        ' hx-target="#orders" hx-swap="beforeend"'
      )
    })

    it('refuses an object without a selector', () => {
      expect(() => untyped({ target: { name: 'x' } })).toThrow(
        'hx(): target (a selector or a partial) must be a string'
      )
      expect(() => untyped({ target: null })).toThrow(TypeError)
    })
  })

  describe('with selector and text options', () => {
    it('renders each under its htmx 4 name, escaped', () => {
      const out = hx({
        select: '#main',
        selectOob: '#a, #b:beforeend',
        trigger: 'keyup changed delay:300ms',
        include: 'closest form',
        indicator: '#spinner',
        disable: 'find button',
        confirm: 'Delete "order"?',
        sync: 'closest form:abort',
      })

      expect(out.value).toBe(
        ' hx-select="#main" hx-select-oob="#a, #b:beforeend" hx-trigger="keyup changed delay:300ms" hx-include="closest form" hx-indicator="#spinner" hx-disable="find button" hx-confirm="Delete &quot;order&quot;?" hx-sync="closest form:abort"'
      )
    })

    it('refuses a js: confirm, which htmx 4 evaluates', () => {
      expect(() => hx({ confirm: 'js:confirm("x")' })).toThrow(TypeError)
      expect(() => hx({ confirm: ' JavaScript:x' })).toThrow(TypeError)
    })

    it('refuses values that are not strings', () => {
      expect(() => untyped({ trigger: 1 })).toThrow('hx(): trigger must be a string')
      expect(() => untyped({ disable: true })).toThrow('hx(): disable must be a string')
    })
  })

  describe('with pushUrl and replaceUrl', () => {
    it('renders booleans and URLs', () => {
      expect(hx({ pushUrl: true, replaceUrl: false }).value).toBe(
        ' hx-push-url="true" hx-replace-url="false"'
      )
      expect(hx({ pushUrl: '/a?b=1&c=2', replaceUrl: '/x' }).value).toBe(
        ' hx-push-url="/a?b=1&amp;c=2" hx-replace-url="/x"'
      )
    })

    it.each(SCRIPT_URLS)('refuses %j', (url) => {
      expect(() => hx({ pushUrl: url })).toThrow(TypeError)
      expect(() => hx({ replaceUrl: url })).toThrow(TypeError)
    })

    it('refuses other types', () => {
      expect(() => untyped({ pushUrl: 1 })).toThrow('hx(): pushUrl must be a string')
    })
  })

  describe('with boost and encoding', () => {
    it('renders them', () => {
      expect(hx({ boost: true, encoding: 'multipart/form-data' }).value).toBe(
        ' hx-encoding="multipart/form-data" hx-boost="true"'
      )
      expect(hx({ boost: false }).value).toBe(' hx-boost="false"')
    })

    it('refuses other values', () => {
      expect(() => untyped({ boost: 'true' })).toThrow('hx(): boost must be a boolean')
      expect(() => untyped({ encoding: 'text/plain' })).toThrow(
        "hx(): encoding must be 'multipart/form-data'"
      )
    })
  })

  describe('with status', () => {
    it('renders hx-status:<pattern> attributes in sorted order', () => {
      const out = hx({
        status: {
          '5xx': 'swap:none',
          422: 'swap:innerHTML target:#errors',
          '40x': 'target:#x',
          404: undefined,
        },
      })

      expect(out.value).toBe(
        ' hx-status:40x="target:#x" hx-status:422="swap:innerHTML target:#errors" hx-status:5xx="swap:none"'
      )
    })

    it('refuses bad patterns and values', () => {
      expect(() => untyped({ status: { '4x': 'x' } })).toThrow(
        `hx(): invalid status pattern "4x" (use 422, '42x' or '4xx')`
      )
      expect(() => untyped({ status: { 600: 'x' } })).toThrow(TypeError)
      expect(() => untyped({ status: { x4x: 'x' } })).toThrow(TypeError)
      expect(() => untyped({ status: { 500: 1 } })).toThrow('hx(): status[500] must be a string')
      expect(() => untyped({ status: 'x' })).toThrow('hx(): status must be an object')
      expect(() => untyped({ status: null })).toThrow(TypeError)
    })
  })

  describe('with inherited options', () => {
    it('renders them with the :inherited suffix after the element’s own', () => {
      const out = hx({
        get: '/a',
        inherited: {
          target: orders,
          boost: true,
          headers: { 'X-A': '1' },
          status: { 422: 'swap:none' },
        },
      })

      expect(out.value).toBe(
        ` hx-get="/a" hx-target:inherited="#orders" hx-swap:inherited="outerHTML" hx-headers:inherited='{"X-A":"1"}' hx-boost:inherited="true" hx-status:422:inherited="swap:none"`
      )
    })

    it('refuses verbs and trigger, which do not inherit', () => {
      expect(() => untyped({ inherited: { get: '/a' } })).toThrow(
        'hx(): unknown option "inherited.get"'
      )
      expect(() => untyped({ inherited: { trigger: 'click' } })).toThrow(TypeError)
      expect(() => untyped({ inherited: { inherited: {} } })).toThrow(TypeError)
      expect(() => untyped({ inherited: null })).toThrow('hx(): "inherited" must be an object.')
    })
  })

  describe('with appended options', () => {
    it('renders them with the :append suffix', () => {
      const out = hx({
        headers: { 'X-Own': '1' },
        append: { partial: orders, include: '#extra', vals: { a: 1 } },
      })

      expect(out.value).toBe(
        ` hx-headers='{"X-Own":"1"}' hx-vals:append='{"a":1}' hx-headers:append='{"HX-Partial":"orders"}' hx-include:append="#extra"`
      )
    })

    it('refuses options htmx does not append', () => {
      expect(() => untyped({ append: { target: '#x' } })).toThrow(
        'hx(): unknown option "append.target"'
      )
    })
  })

  describe('with any key order', () => {
    it('renders the same attributes in the same order', () => {
      const a = hx({ pushUrl: true, target: '#t', get: '/x', swap: 'none', vals: { a: 1 } })
      const b = hx({ vals: { a: 1 }, swap: 'none', get: '/x', target: '#t', pushUrl: true })

      expect(a.value).toBe(b.value)
      expect(a.value).toBe(
        ` hx-get="/x" hx-target="#t" hx-swap="none" hx-push-url="true" hx-vals='{"a":1}'`
      )
    })
  })

  describe('with an unknown or misspelt option', () => {
    it('throws a TypeError', () => {
      // @ts-expect-error -- misspelt option
      expect(() => hx({ tagret: '#x' })).toThrow('hx(): unknown option "tagret"')
      expect(() => untyped(null)).toThrow('hx(): options must be an object.')
    })
  })

  describe('with nothing', () => {
    it('renders nothing', () => {
      expect(hx({})).toEqual(new SafeHtml(''))
      expect(hx({ get: undefined, inherited: undefined }).value).toBe('')
    })
  })

  describe('in a template', () => {
    it('renders a pager link', () => {
      const next = '/orders?page=2&q=<x>'

      const out = html`<a href="${next}"${hx({ get: next, target: orders, pushUrl: true })}>Next</a>`

      expect(out.value).toBe(
        '<a href="/orders?page=2&amp;q=&lt;x&gt;" hx-get="/orders?page=2&amp;q=&lt;x&gt;" hx-target="#orders" hx-swap="outerHTML" hx-push-url="true">Next</a>'
      )
    })
  })
})
