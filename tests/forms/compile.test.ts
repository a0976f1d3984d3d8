import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { form } from '../../src/forms/index.ts'
import type { JsonSchema } from '../../src/forms/index.ts'

const custom = {
  '~standard': { version: 1, vendor: 'custom', validate: (value: unknown) => ({ value }) },
} as const

/** A JSON Schema that counts every property read, at any depth. */
function counted(schema: JsonSchema): {
  schema: JsonSchema
  reads: () => number
  reset: () => void
} {
  let reads = 0
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, key, receiver) {
        reads++
        const value = Reflect.get(object, key, receiver) as unknown
        return typeof value === 'object' && value !== null ? wrap(value) : value
      },
    })
  return { schema: wrap(schema), reads: () => reads, reset: () => (reads = 0) }
}

const orderJson: JsonSchema = {
  type: 'object',
  $defs: { Line: { type: 'object', properties: { qty: { type: 'integer' } }, required: ['qty'] } },
  properties: {
    name: { type: 'string' },
    total: { type: 'number' },
    paid: { type: 'boolean' },
    day: { type: 'string', format: 'hxkit-date' },
    address: { type: 'object', properties: { city: { type: 'string' } } },
    lines: { type: 'array', items: { $ref: '#/$defs/Line' } },
    note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
  },
  required: ['name'],
}

describe('form()', () => {
  describe('with a JSON Schema', () => {
    it('compiles it once: decoding reads nothing of it afterwards', () => {
      const json = counted(orderJson)
      const f = form(custom, { jsonSchema: json.schema })
      json.reset()

      const values = f.decode(
        'name=A&total=1.5&paid=on&day=2024-01-02&address.city=P&lines.0.qty=2&note='
      )

      expect(json.reads()).toBe(0)
      expect(JSON.parse(JSON.stringify(values))).toEqual({
        name: 'A',
        total: 1.5,
        paid: true,
        day: '2024-01-02T00:00:00.000Z',
        address: { city: 'P' },
        lines: [{ qty: 2 }],
      })
    })

    it('compiles a shared definition into one node, nullable or not', () => {
      const f = form(custom, {
        jsonSchema: {
          type: 'object',
          $defs: { N: { type: 'object', properties: { n: { type: 'number' } } } },
          properties: {
            a: { $ref: '#/$defs/N' },
            b: { $ref: '#/$defs/N' },
            c: { anyOf: [{ $ref: '#/$defs/N' }, { type: 'null' }] },
          },
        },
      })

      expect(JSON.parse(JSON.stringify(f.decode('a.n=1&b.n=2&c.n=3')))).toEqual({
        a: { n: 1 },
        b: { n: 2 },
        c: { n: 3 },
      })
      expect(JSON.parse(JSON.stringify(f.decode('c.n=')))).toEqual({ c: {} })
    })

    it('compiles a recursive schema into a cycle that the depth limit bounds', () => {
      const f = form(custom, {
        jsonSchema: { type: 'object', properties: { n: { type: 'number' }, child: { $ref: '#' } } },
      })

      expect(JSON.parse(JSON.stringify(f.decode('child.child.child.n=3')))).toEqual({
        child: { child: { child: { n: 3 } } },
      })
      expect(() => f.decode('child.child.child.child.child.n=3')).toThrow(
        expect.objectContaining({ code: 'too-deep' }) as unknown
      )
    })
  })

  describe('with type lists and untyped nodes', () => {
    it('reads a nullable type list and keeps untyped values as sent', () => {
      const f = form(custom, {
        jsonSchema: {
          type: 'object',
          properties: {
            n: { type: ['number', 'null'] },
            s: { type: ['string', 'null'] },
            any: {},
            open: { type: 'object' },
          },
          required: ['s'],
        },
      })

      expect(JSON.parse(JSON.stringify(f.decode('n=4&s=&any=1&open.x=y')))).toEqual({
        n: 4,
        s: null,
        any: '1',
        open: { x: 'y' },
      })
    })
  })

  describe('with file fields', () => {
    it('counts the file slots for the multipart caps, nested and in lists', () => {
      const f = form(
        z.object({
          avatar: z.file().max(2000),
          docs: z.array(z.file().max(5000)).max(3),
          more: z.object({ scan: z.file().optional() }),
        })
      )

      expect(f.limits).toMatchObject({ maxFiles: 5, maxFileBytes: 5000 })
    })

    it('counts none without a schema', () => {
      expect(form(custom).limits).toMatchObject({ maxFiles: 0, maxFileBytes: 10 * 1024 * 1024 })
    })
  })
})
