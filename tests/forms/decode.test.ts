import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { FormDecodeError, form } from '../../src/forms/index.ts'

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown

const shapes = form(
  z.object({
    text: z.string().optional(),
    required: z.string(),
    nullable: z.string().nullable(),
    count: z.number().optional(),
    whole: z.number().int().optional(),
    flag: z.boolean(),
    day: z.date().optional(),
    isoDay: z.iso.date().optional(),
    tier: z.enum(['free', 'pro']).optional(),
    tags: z.array(z.string()),
    nums: z.array(z.number()).optional(),
    address: z.object({ city: z.string(), zip: z.string().optional() }),
    extra: z.object({ note: z.string() }).optional(),
    items: z.array(z.object({ qty: z.number() })).optional(),
    file: z.file().optional(),
  })
)

describe('form().decode()', () => {
  describe('with scalar kinds', () => {
    it.each([
      ['count=42', { count: 42 }],
      ['count=-1.5', { count: -1.5 }],
      ['count=+.5e2', { count: 50 }],
      ['count=%2012%20', { count: 12 }],
      ['count=12abc', { count: '12abc' }],
      ['count=Infinity', { count: 'Infinity' }],
      ['count=', {}],
      ['whole=7', { whole: 7 }],
      ['tier=pro', { tier: 'pro' }],
      ['tier=', {}],
      ['isoDay=2024-02-29', { isoDay: '2024-02-29' }],
      ['text=', {}],
      ['text=a+b%20c', { text: 'a b c' }],
    ])('decodes %s', (body, expected) => {
      const value = shapes.decode(body)

      expect(plain(value)).toMatchObject(expected)
      expect(Object.keys(expected).every((key) => key in value) || body.endsWith('=')).toBe(true)
    })

    it('keeps an empty required string and turns an empty nullable one into null', () => {
      expect(plain(shapes.decode('required=&nullable='))).toMatchObject({
        required: '',
        nullable: null,
      })
    })

    it('drops empty optional values', () => {
      const value = shapes.decode('text=&count=&tier=&day=')

      expect(['text', 'count', 'tier', 'day'].some((key) => key in value)).toBe(false)
    })
  })

  describe('with checkboxes', () => {
    it.each([
      ['', false],
      ['flag=on', true],
      ['flag=true', true],
      ['flag=1', true],
      ['flag=YES', true],
      ['flag=off', false],
      ['flag=0', false],
      ['flag=false&flag=true', true],
      ['flag=maybe', 'maybe'],
    ])('decodes "%s" as %s', (body, expected) => {
      expect(shapes.decode(body).flag).toBe(expected)
    })
  })

  describe('with dates', () => {
    it.each([
      ['day=2024-01-02', '2024-01-02T00:00:00.000Z'],
      ['day=2024-01-02T10:30', '2024-01-02T10:30:00.000Z'],
      ['day=2024-01-02T10:30:15.5', '2024-01-02T10:30:15.500Z'],
      ['day=2024-01-02T10:30%2B02:00', '2024-01-02T08:30:00.000Z'],
    ])('decodes %s to a Date', (body, iso) => {
      const day = shapes.decode(body).day

      expect(day).toBeInstanceOf(Date)
      expect((day as Date).toISOString()).toBe(iso)
    })

    it.each(['day=2023-02-29', 'day=tomorrow', 'day=2024-01-02T25:00', 'day=2024-13-01'])(
      'keeps %s as the string sent',
      (body) => {
        expect(typeof shapes.decode(body).day).toBe('string')
      }
    )
  })

  describe('with repeated and nested names', () => {
    it.each([
      ['tags=a&tags=b', { tags: ['a', 'b'] }],
      ['tags[]=a&tags[]=b', { tags: ['a', 'b'] }],
      ['tags=a', { tags: ['a'] }],
      ['', { tags: [] }],
      ['tags=&tags=x', { tags: ['x'] }],
      ['nums=1&nums=2', { nums: [1, 2] }],
      ['address.city=Paris', { address: { city: 'Paris' } }],
      ['address[city]=Paris', { address: { city: 'Paris' } }],
      ['items[0].qty=1&items[1].qty=2', { items: [{ qty: 1 }, { qty: 2 }] }],
      ['items.0.qty=1&items.1.qty=2', { items: [{ qty: 1 }, { qty: 2 }] }],
      ['items[0][qty]=3', { items: [{ qty: 3 }] }],
      ['items.5.qty=5&items.2.qty=2', { items: [{ qty: 2 }, { qty: 5 }] }],
    ])('decodes %s', (body, expected) => {
      expect(plain(shapes.decode(body))).toMatchObject(expected)
    })

    it('builds an absent required object with its fields undefined', () => {
      expect(plain(shapes.decode('').address)).toEqual({})
    })

    it('leaves an absent optional object out', () => {
      expect('extra' in shapes.decode('')).toBe(false)
    })

    it('passes unknown names through as sent, for a strict schema to refuse', () => {
      expect(plain(shapes.decode('other=1&other=2&deep.x=y'))).toMatchObject({
        other: ['1', '2'],
        deep: { x: 'y' },
      })
    })

    it('passes values of the wrong shape through for the schema to report', () => {
      expect(plain(shapes.decode('address=x'))).toMatchObject({ address: 'x' })
      expect(plain(shapes.decode('items.z=1&text.a=b'))).toMatchObject({
        items: { z: '1' },
        text: { a: 'b' },
      })
      expect(plain(shapes.decode('items=y'))).toMatchObject({ items: ['y'] })
    })

    it('builds null-prototype objects', () => {
      const value = shapes.decode('address.city=Paris')

      expect(Object.getPrototypeOf(value)).toBeNull()
      expect(Object.getPrototypeOf(value.address)).toBeNull()
    })
  })

  describe('with files', () => {
    it('keeps a File and drops an empty file input', () => {
      const data = new FormData()
      data.append('file', new File(['x'], 'a.txt', { type: 'text/plain' }))
      const empty = new FormData()
      empty.append('file', new File([], ''))

      expect(shapes.decode(data).file).toBeInstanceOf(File)
      expect('file' in shapes.decode(empty)).toBe(false)
    })

    it('keeps a string sent for a file, for the schema to report', () => {
      expect(shapes.decode('file=x').file).toBe('x')
    })
  })

  describe('with malformed names', () => {
    it.each([
      ['a..b=1', 'bad-name'],
      ['.a=1', 'bad-name'],
      ['a.=1', 'bad-name'],
      ['a[=1', 'bad-name'],
      ['a]=1', 'bad-name'],
      ['a[b.c]=1', 'bad-name'],
      ['a[][]=1', 'bad-name'],
      ['a[0]b=1', 'bad-name'],
      ['=1', 'bad-name'],
      ['a.b.c.d.e.f=1', 'too-deep'],
      ['__proto__.x=1', 'forbidden-name'],
      ['constructor.prototype.x=1', 'forbidden-name'],
      ['a[__proto__][x]=1', 'forbidden-name'],
      ['a.__proto__=1', 'forbidden-name'],
      ['tags=1&tags.x=2', 'conflict'],
      ['tags.x=2&tags=1', 'conflict'],
      [`${'n'.repeat(257)}=1`, 'name-too-long'],
    ])('refuses %s with %s', (body, code) => {
      expect(() => shapes.decode(body)).toThrow(expect.objectContaining({ code }) as unknown)
    })

    it('accepts a name of exactly 256 bytes and 5 levels', () => {
      expect(() => shapes.decode(`${'n'.repeat(256)}=1&a.b.c.d.e=1`)).not.toThrow()
    })
  })

  describe('with the caps', () => {
    const small = form(z.object({ tags: z.array(z.string()) }), {
      limits: { maxFields: 3, maxArrayLength: 2, maxValueBytes: 4 },
    })

    it.each([
      ['a=1&b=2&c=3&d=4', 'too-many-fields', 413],
      ['tags=a&tags=b&tags=c', 'too-many-values', 413],
      ['tags.0=a&tags.1=b&tags.2=c', 'too-many-values', 413],
      ['tags=12345', 'value-too-large', 413],
      ['tags=%C3%A9%C3%A9%C3%A9', 'value-too-large', 413],
    ])('refuses %s with %s', (body, code, status) => {
      let error: unknown
      try {
        small.decode(body)
      } catch (caught) {
        error = caught
      }

      expect(error).toBeInstanceOf(FormDecodeError)
      expect(error).toMatchObject({ code, status })
    })

    it('accepts values just under the caps', () => {
      expect(plain(small.decode('tags=1234&tags=%C3%A9%C3%A9'))).toEqual({ tags: ['1234', 'éé'] })
    })
  })

  describe('without a JSON Schema', () => {
    const bare = form({
      '~standard': { version: 1, vendor: 'custom', validate: (value: unknown) => ({ value }) },
    })

    it('keeps strings, repeated names as arrays and nesting', () => {
      expect(plain(bare.decode('a=1&b=x&b=y&c.d=2'))).toEqual({
        a: '1',
        b: ['x', 'y'],
        c: { d: '2' },
      })
    })
  })
})
