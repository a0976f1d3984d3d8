import { describe, expect, expectTypeOf, it } from 'vitest'
import { SafeHtml, html, raw, render } from '../../src/html/index.ts'
import type { HtmlValue } from '../../src/html/index.ts'

/** A thenable that counts when it is awaited and resolves only when released. */
function lazy(value: HtmlValue, log: string[], name: string) {
  let release = (): void => undefined
  const settled = new Promise<HtmlValue>((resolve) => {
    release = () => {
      log.push(`resolve ${name}`)
      resolve(value)
    }
  })
  const thenable: PromiseLike<HtmlValue> = {
    then(onFulfilled, onRejected) {
      log.push(`await ${name}`)
      return settled.then(onFulfilled, onRejected)
    },
  }
  return {
    thenable,
    release: () => {
      release()
    },
  }
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

describe('html', () => {
  describe('with string holes', () => {
    it('escapes them in text and in attributes', () => {
      const out = html`<p title="${'"x" & y'}">${'<b>'}</p>`

      expect(out.value).toBe('<p title="&quot;x&quot; &amp; y">&lt;b&gt;</p>')
    })

    it('trusts the template’s own text', () => {
      expect(html`<p class="a">&amp;</p>`.value).toBe('<p class="a">&amp;</p>')
    })
  })

  describe('with number and bigint holes', () => {
    it('renders them as text', () => {
      expect(html`${0}|${-1.5}|${12345678901234567890n}|${NaN}`.value).toBe(
        '0|-1.5|12345678901234567890|NaN'
      )
    })
  })

  describe('with null, undefined, true and false', () => {
    it('renders nothing', () => {
      expect(html`[${null}${undefined}${true}${false}]`.value).toBe('[]')
    })
  })

  describe('with arrays', () => {
    it('joins nested arrays, escaping strings and skipping empties', () => {
      const out = html`<ul>${['<a>', [1, null, [false, raw('<hr>'), html`<li>${'&'}</li>`]], []]}</ul>`

      expect(out.value).toBe('<ul>&lt;a&gt;1<hr><li>&amp;</li></ul>')
    })
  })

  describe('with SafeHtml and raw()', () => {
    it('inserts them once, without escaping', () => {
      const inner = html`<b>${'<'}</b>`

      expect(html`<p>${inner}${raw('<i>')}</p>`.value).toBe('<p><b>&lt;</b><i></p>')
    })
  })

  describe('with other objects', () => {
    it('escapes their text', () => {
      const odd = { toString: () => '<odd>' } as unknown as HtmlValue

      expect((html`${odd}` as unknown as SafeHtml).value).toBe('&lt;odd&gt;')
    })
  })

  describe('with symbols and functions', () => {
    it('escapes their text', () => {
      const symbol = Symbol('<s>') as unknown as HtmlValue

      expect((html`${symbol}` as unknown as SafeHtml).value).toBe('Symbol(&lt;s&gt;)')
    })
  })

  describe('with objects marked isEscaped', () => {
    it('inserts a SafeHtml-like object from another copy of the kit synchronously', () => {
      const foreign = { isEscaped: true as const, value: '<b>', toString: () => '<b>' }

      expect(html`<p>${foreign}</p>`).toEqual(new SafeHtml('<p><b></p>'))
    })

    it('renders any other one (a JSX element) as a promise of its markup', async () => {
      const element = { isEscaped: true as const, toString: () => '<i>' }

      const out = html`<p>${element}</p>`

      expect(out).toBeInstanceOf(Promise)
      expect(await out).toEqual(new SafeHtml('<p><i></p>'))
    })
  })

  describe('with no holes', () => {
    it('returns the template as SafeHtml', () => {
      expect(html`<br>`).toBeInstanceOf(SafeHtml)
      expect(html``.value).toBe('')
    })
  })

  describe('with promise holes', () => {
    it('returns a promise of the whole markup, in order', async () => {
      const out = html`<p>${Promise.resolve('<a>')}|${'<b>'}|${Promise.resolve(raw('<c>'))}</p>`

      expect(out).toBeInstanceOf(Promise)
      expect((await out).value).toBe('<p>&lt;a&gt;|&lt;b&gt;|<c></p>')
    })

    it('awaits nested promises and promises of html', async () => {
      const nested = Promise.resolve(Promise.resolve(html`<i>${Promise.resolve('&')}</i>`))

      expect((await html`<p>${nested}</p>`).value).toBe('<p><i>&amp;</i></p>')
    })

    it('awaits arrays of promises', async () => {
      const rows = [1, 2, 3].map((n) => Promise.resolve(html`<li>${n}</li>`))

      expect((await html`<ul>${rows}</ul>`).value).toBe('<ul><li>1</li><li>2</li><li>3</li></ul>')
    })

    it('awaits every hole concurrently, before any of them resolves', async () => {
      const log: string[] = []
      const a = lazy('a', log, 'a')
      const b = lazy('<b>', log, 'b')
      const c = lazy(raw('<c>'), log, 'c')

      const out = html`${a.thenable}-${[b.thenable, [html`${c.thenable}`]]}`
      await tick()
      expect([...log].sort()).toEqual(['await a', 'await b', 'await c'])
      c.release()
      b.release()
      a.release()

      expect((await out).value).toBe('a-&lt;b&gt;<c>')
      expect(log.slice(3)).toEqual(['resolve c', 'resolve b', 'resolve a'])
    })

    it('rejects with the error of a rejected hole', async () => {
      const error = new Error('loader failed')

      await expect(html`<p>${Promise.reject(error)}</p>`).rejects.toBe(error)
      await expect(html`<p>${'x'}${[1, Promise.reject(error)]}</p>`).rejects.toBe(error)
      await expect(html`${Promise.resolve('x')}${Promise.reject(error)}`).rejects.toBe(error)
    })
  })

  describe('types', () => {
    it('is SafeHtml with synchronous holes and a Promise with a promise hole', () => {
      const name: string = 'x'
      const maybe = null as SafeHtml | null
      const wide: HtmlValue = maybe

      expectTypeOf(html`<p>${name}${1}${maybe}${[html`<i></i>`]}</p>`).toEqualTypeOf<SafeHtml>()
      expectTypeOf(html`<p>${Promise.resolve(name)}</p>`).toEqualTypeOf<Promise<SafeHtml>>()
      expectTypeOf(html`<p>${[Promise.resolve(name)]}</p>`).toEqualTypeOf<Promise<SafeHtml>>()
      expectTypeOf(html`<p>${[[[[[[name]]]]]]}</p>`).toEqualTypeOf<SafeHtml>()
      expectTypeOf(html`<p>${wide}</p>`).toEqualTypeOf<Promise<SafeHtml>>()
    })
  })
})

describe('render', () => {
  describe('with SafeHtml', () => {
    it('resolves to the same object', async () => {
      const markup = html`<p></p>`

      expect(await render(markup)).toBe(markup)
    })
  })

  describe('with text, arrays and promises', () => {
    it('resolves to escaped SafeHtml', async () => {
      expect((await render('<x>')).value).toBe('&lt;x&gt;')
      expect((await render([Promise.resolve('<'), html`<b></b>`])).value).toBe('&lt;<b></b>')
      expect(await render(null)).toEqual(new SafeHtml(''))
    })
  })
})
