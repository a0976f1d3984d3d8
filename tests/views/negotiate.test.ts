import { describe, expect, it } from 'vitest'
import { parseHtmxRequest } from '../../src/htmx/index.ts'
import { partial } from '../../src/partials/index.ts'
import { negotiate } from '../../src/views/index.ts'

const partials = {
  stats: partial('stats', () => '', { tag: 'section' }),
  orders: partial('orders', () => '', { tag: 'tbody', id: 'order-rows' }),
}

// Header sets as htmx sends them (docs/protocol.md §1.1, §1.2, §1.4).
const v4 = (more: Record<string, string>) => ({
  'HX-Request': 'true',
  'HX-Request-Type': 'partial',
  'HX-Source': 'button#b1',
  'HX-Current-URL': 'http://localhost/orders',
  Accept: 'text/html',
  ...more,
})
const v2 = (more: Record<string, string>) => ({
  'HX-Request': 'true',
  'HX-Trigger': 'b1',
  'HX-Current-URL': 'http://localhost/orders',
  ...more,
})

const FULL = { kind: 'full' }
const CONTENT = { kind: 'content' }
const STATS = { kind: 'partial', name: 'stats' }
const ORDERS = { kind: 'partial', name: 'orders' }

describe('negotiate', () => {
  describe.each([
    ['no htmx headers', {}, FULL],
    [
      'an htmx 4 history restore',
      { 'HX-History-Restore-Request': 'true', 'HX-Request-Type': 'full', Accept: '*/*' },
      FULL,
    ],
    [
      'an htmx 2 history restore aimed at a partial',
      v2({ 'HX-History-Restore-Request': 'true', 'HX-Target': 'stats' }),
      FULL,
    ],
    [
      'an htmx 4 boosted link',
      v4({ 'HX-Request-Type': 'full', 'HX-Boosted': 'true', 'HX-Target': 'body' }),
      FULL,
    ],
    ['an htmx 2 boosted link', v2({ 'HX-Boosted': 'true' }), FULL],
    [
      'an htmx 4 boosted request typed partial',
      v4({ 'HX-Boosted': 'true', 'HX-Target': 'section#stats' }),
      FULL,
    ],
    [
      'an htmx 4 hx-select request (type full)',
      v4({ 'HX-Request-Type': 'full', 'HX-Target': 'section#stats' }),
      FULL,
    ],
    ['an htmx 4 tag#id target of a partial', v4({ 'HX-Target': 'section#stats' }), STATS],
    ['an htmx 4 target with a custom id', v4({ 'HX-Target': 'tbody#order-rows' }), ORDERS],
    ['an htmx 2 bare id target', v2({ 'HX-Target': 'order-rows' }), ORDERS],
    ['an htmx 4 HX-Partial name', v4({ 'HX-Target': 'button#b1', 'HX-Partial': 'orders' }), ORDERS],
    ['an htmx 2 HX-Partial name', v2({ 'HX-Partial': 'stats' }), STATS],
    [
      'HX-Partial and a target of another partial',
      v4({ 'HX-Target': 'section#stats', 'HX-Partial': 'orders' }),
      ORDERS,
    ],
    [
      'an unknown HX-Partial with a known target',
      v4({ 'HX-Target': 'section#stats', 'HX-Partial': 'nope' }),
      STATS,
    ],
    ['an unknown htmx 4 target', v4({ 'HX-Target': 'div#elsewhere' }), CONTENT],
    ['an unknown htmx 2 target', v2({ 'HX-Target': 'elsewhere' }), CONTENT],
    ['an htmx 4 target without an id', v4({ 'HX-Target': 'button' }), CONTENT],
    ['an htmx 2 request without a target', v2({}), CONTENT],
    ['a partial name in the target tag only', v4({ 'HX-Target': 'stats' }), CONTENT],
    ['garbled HX-Request', { 'HX-Request': 'yes', 'HX-Target': 'stats' }, FULL],
    [
      'garbled HX-Request-Type (read as htmx 2: bare id)',
      v4({ 'HX-Request-Type': 'banana', 'HX-Target': 'stats' }),
      STATS,
    ],
    [
      'garbled HX-Request-Type with an htmx 4 target',
      v4({ 'HX-Request-Type': 'banana', 'HX-Target': 'section#stats' }),
      CONTENT,
    ],
    [
      'garbled HX-History-Restore-Request',
      v2({ 'HX-History-Restore-Request': '1', 'HX-Target': 'stats' }),
      STATS,
    ],
    ['garbled HX-Boosted', v2({ 'HX-Boosted': 'yes', 'HX-Target': 'stats' }), STATS],
    ['a garbled htmx 4 target', v4({ 'HX-Target': '#!stats' }), CONTENT],
    ['a badly encoded htmx 4 target', v4({ 'HX-Target': 'div#%E0%A4%A' }), CONTENT],
    ['an empty HX-Partial', v4({ 'HX-Partial': ' ', 'HX-Target': 'section#stats' }), STATS],
  ])('with %s', (_label, headers, expected) => {
    it(`returns ${JSON.stringify(expected)}`, () => {
      const hx = parseHtmxRequest(new Headers(headers))

      const decision = negotiate(hx, partials)

      expect(decision).toEqual(expected)
    })
  })

  describe('with no partials', () => {
    it('returns content for a partial request', () => {
      const hx = parseHtmxRequest(new Headers(v4({ 'HX-Target': 'div#x' })))

      expect(negotiate(hx, {})).toEqual(CONTENT)
    })
  })
})
