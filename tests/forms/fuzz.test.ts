import fc from 'fast-check'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { form } from '../../src/forms/index.ts'
import { html } from '../../src/html/index.ts'

const target = form(
  z
    .object({
      name: z.string(),
      age: z.number().optional(),
      ok: z.boolean(),
      address: z.object({ city: z.string() }),
      items: z.array(z.object({ qty: z.number() })).optional(),
    })
    .strict(),
  { limits: { maxFields: 50 } }
)

const app = new Hono()
app.post(
  '/f',
  target.validator({ view: () => html`` }, (result, c) => c.json({ ok: result.ok }))
)

const segment = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'name', 'address', 'city'),
  fc.constantFrom(
    'items',
    'qty',
    '0',
    '1',
    '',
    '[]',
    '[0]',
    '%2E',
    '%5B',
    '%00',
    '\u0000',
    '\ud800'
  ),
  fc.string({ maxLength: 6 })
)
const fieldName = fc
  .array(fc.tuple(segment, fc.constantFrom('.', '[', ']', '', '..')), { maxLength: 8 })
  .map((parts) => parts.map(([s, sep]) => s + sep).join(''))
const value = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', '%', '%zz', 'a+b', '\r\n', 'on', '1e999'),
  fc.string({ maxLength: 3 }).map((s) => s.repeat(500))
)
// URLSearchParams encodes lone surrogates as U+FFFD where encodeURIComponent throws
const encode = (pairs: readonly (readonly [string, string])[]): string =>
  new URLSearchParams(pairs.map(([n, v]) => [n, v])).toString()

const body = fc.oneof(
  fc.array(fc.tuple(fieldName, value), { maxLength: 60 }).map(encode),
  fc
    .array(fc.tuple(fieldName, value), { maxLength: 20 })
    .map((pairs) => pairs.map(([n, v]) => `${n}=${v}`).join(';&')),
  fc.string({ maxLength: 200 })
)
const contentType = fc.constantFrom(
  'application/x-www-form-urlencoded',
  'APPLICATION/X-WWW-FORM-URLENCODED ; charset=utf-8',
  'multipart/form-data; boundary=x',
  'multipart/form-data',
  'text/plain',
  ''
)

// `npm run fuzz` sets HXKIT_FUZZ_RUNS (10,000); `npm test` runs a few hundred cases
const RUNS = Number(process.env['HXKIT_FUZZ_RUNS'] ?? 300)

describe('form().validator()', () => {
  describe('with random bodies and field names', () => {
    it('never answers 500 and never pollutes a prototype', async () => {
      const before = Object.getOwnPropertyNames(Object.prototype).join()
      const fnBefore = Object.getOwnPropertyNames(Function.prototype).join()

      await fc.assert(
        fc.asyncProperty(body, contentType, async (text, type) => {
          const res = await app.request('/f', {
            method: 'POST',
            body: text,
            headers: type === '' ? {} : { 'content-type': type },
          })

          expect([200, 400, 413, 415]).toContain(res.status)
          expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
          expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(before)
          expect(Object.getOwnPropertyNames(Function.prototype).join()).toBe(fnBefore)
        }),
        { numRuns: RUNS }
      )
    }, 600_000)

    it('gives the same result whatever the order of distinct names', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.tuple(fieldName, value), { maxLength: 10, selector: ([n]) => n }),
          async (pairs) => {
            const ask = (text: string) =>
              app.request('/f', {
                method: 'POST',
                body: text,
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
              })

            const a = await ask(encode(pairs))
            const b = await ask(encode([...pairs].reverse()))

            expect(a.status).toBe(b.status)
          }
        ),
        { numRuns: Math.max(100, Math.floor(RUNS / 3)) }
      )
    }, 600_000)
  })
})
