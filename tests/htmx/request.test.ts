import { describe, expect, it } from 'vitest'
import { parseHtmxElement, parseHtmxRequest } from '../../src/htmx/index.ts'
import {
  htmx2BoostedHeaders,
  htmx2Headers,
  htmx2HistoryRestoreHeaders,
  htmx4BoostedHeaders,
  htmx4Element,
  htmx4Headers,
  htmx4HistoryRestoreHeaders,
} from '../../src/testing/index.ts'

const parse = (headers: Record<string, string>) => parseHtmxRequest(new Headers(headers))

describe('parseHtmxElement', () => {
  // docs/protocol.md §1.1: htmx 4 sends `tag#encodeURI(id)`; §1.2: htmx 2 sends the bare id
  it.each([
    ['tbody#order-rows', 4, { tag: 'tbody', id: 'order-rows' }],
    ['button', 4, { tag: 'button', id: null }],
    [htmx4Element('div', 'grüße #1'), 4, { tag: 'div', id: 'grüße #1' }],
    ['my-widget#a%25b', 4, { tag: 'my-widget', id: 'a%b' }],
    ['order-rows', 2, { tag: null, id: 'order-rows' }],
    ['  spaced  ', 2, { tag: null, id: 'spaced' }],
  ] as const)('parses %s (htmx %i)', (value, version, expected) => {
    expect(parseHtmxElement(value, version)).toEqual(expected)
  })

  it.each([
    [null, 4],
    ['', 4],
    ['   ', 2],
    ['#only-id', 4],
    ['DIV#x', 4],
    ['div#%E0%A4%A', 4],
    ['1div', 4],
  ] as const)('treats %j (htmx %i) as absent', (value, version) => {
    expect(parseHtmxElement(value, version)).toBeNull()
  })
})

describe('parseHtmxRequest', () => {
  describe('without htmx headers', () => {
    it.each([
      [{}],
      [{ 'HX-Request': 'false' }],
      [{ 'HX-Request': 'yes' }],
      [{ 'HX-Request-Type': 'partial' }],
      [{ 'HX-History-Restore-Request': 'nope' }],
    ])('returns null for %j', (headers) => {
      expect(parse(headers)).toBeNull()
    })
  })

  describe('with an htmx 4 request (docs/protocol.md §1.1)', () => {
    it('reads every header', () => {
      const headers = htmx4Headers({
        source: htmx4Element('button', 'save'),
        target: htmx4Element('tbody', 'rows'),
        currentUrl: 'http://localhost/orders?page=2#top',
      })

      const hx = parse({ ...headers, 'HX-Partial': ' orders ' })

      expect(hx).toEqual({
        version: 4,
        boosted: false,
        type: 'partial',
        source: { tag: 'button', id: 'save' },
        target: { tag: 'tbody', id: 'rows' },
        currentUrl: 'http://localhost/orders?page=2#top',
        historyRestore: false,
        prompt: null,
        partial: 'orders',
      })
    })

    it('reads a boosted request as full', () => {
      const hx = parse(htmx4BoostedHeaders('http://localhost/a'))

      expect(hx).toMatchObject({
        version: 4,
        boosted: true,
        type: 'full',
        target: { tag: 'body', id: null },
      })
    })

    it.each([
      ['yes', 'yes'],
      ['grüße, 100% sicher?', 'grüße, 100% sicher?'],
    ])('decodes the encodeURI-encoded prompt %j', (answer, expected) => {
      expect(parse(htmx4Headers({ prompt: answer }))?.prompt).toBe(expected)
    })

    it('treats a broken prompt encoding as absent', () => {
      expect(parse({ ...htmx4Headers(), 'HX-Prompt': '%E0%A4%A' })?.prompt).toBeNull()
    })
  })

  describe('with an htmx 4 history restore (docs/protocol.md §1.4: no HX-Request)', () => {
    it('returns a full-page history restore', () => {
      const hx = parse(htmx4HistoryRestoreHeaders())

      expect(hx).toEqual({
        version: 4,
        boosted: false,
        type: 'full',
        source: null,
        target: null,
        currentUrl: null,
        historyRestore: true,
        prompt: null,
        partial: null,
      })
    })
  })

  describe('with an htmx 2 request (docs/protocol.md §1.2)', () => {
    it('reads bare ids, the raw prompt and no request type', () => {
      const hx = parse(htmx2Headers({ trigger: 'save', target: 'rows', prompt: 'oui' }))

      expect(hx).toMatchObject({
        version: 2,
        type: 'partial',
        source: { tag: null, id: 'save' },
        target: { tag: null, id: 'rows' },
        prompt: 'oui',
        currentUrl: 'http://localhost/',
      })
    })

    it('reads a boosted request as full', () => {
      expect(parse(htmx2BoostedHeaders())).toMatchObject({
        version: 2,
        boosted: true,
        type: 'full',
      })
    })

    it('reads a history restore as full (docs/protocol.md §1.4)', () => {
      const hx = parse(htmx2HistoryRestoreHeaders('http://localhost/orders'))

      expect(hx).toMatchObject({
        version: 2,
        type: 'full',
        historyRestore: true,
        currentUrl: 'http://localhost/orders',
      })
    })
  })

  describe('with garbled or unknown values (they count as absent, docs/htmx.md)', () => {
    it.each([
      ['HX-Request-Type', 'everything', { version: 2, type: 'partial' }],
      ['HX-Boosted', 'TRUE', { boosted: false }],
      ['HX-Source', 'Button#x', { source: null }],
      ['HX-Target', 'div#%ZZ', { target: null }],
      ['HX-Current-URL', 'not a url', { currentUrl: null }],
      ['HX-Partial', '   ', { partial: null }],
      ['HX-History-Restore-Request', '1', { historyRestore: false }],
    ])('ignores %s: %j', (name, value, expected) => {
      const hx = parse({
        ...htmx4Headers({ source: 'button#ok', target: 'div#ok' }),
        [name]: value,
      })

      expect(hx).toMatchObject(expected)
    })
  })
})
