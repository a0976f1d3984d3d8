import { describe, expect, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { form } from '../../src/forms/index.ts'
import type { FormInput, FormState, FormValues } from '../../src/forms/index.ts'
import { customerForm, customerSchema } from './fixtures.ts'

async function parseBody(
  f: { parse: (c: never) => Promise<unknown> },
  body: string
): Promise<unknown> {
  const { Hono } = await import('hono')
  const app = new Hono()
  let out: unknown
  app.post('/', async (c) => {
    out = await f.parse(c as never)
    return c.text('')
  })
  await app.request('/', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })
  return out
}

const schema = z
  .object({
    email: z.email(),
    password: z.string().min(8),
    confirm: z.string(),
    items: z.array(z.object({ qty: z.number().min(1) })),
  })
  .refine((v) => v.password === v.confirm, { message: 'Passwords differ' })

describe('form().parse()', () => {
  describe('with zod messages and overrides', () => {
    const f = form(schema, {
      messages: { email: 'Enter a work email', 'items.0.qty': (issue) => `Qty: ${issue.message}` },
      message: (issue, path) => (path === 'password' ? `Password: ${issue.message}` : undefined),
    })

    it('keeps values and maps messages per field, per item and for the form', async () => {
      const result = await parseBody(
        f,
        'email=x&email=y&password=short&confirm=other&items.0.qty=0&items.1.qty=0'
      )

      expect(result).toMatchObject({
        ok: false,
        state: {
          values: { email: 'y', password: 'short', confirm: 'other' },
          errors: {
            email: ['Enter a work email'],
            password: ['Password: Too small: expected string to have >=8 characters'],
            'items.0.qty': ['Qty: Too small: expected number to be >=1'],
            'items.1.qty': ['Qty: Too small: expected number to be >=1'],
          },
          formErrors: ['Passwords differ'],
        },
      })
    })

    it('puts root refinements in formErrors', async () => {
      const result = await parseBody(f, 'email=a%40b.co&password=longenough&confirm=other')

      expect(result).toMatchObject({
        ok: false,
        state: { errors: {}, formErrors: ['Passwords differ'] },
      })
    })
  })

  it('awaits async schemas', async () => {
    const f = form(z.object({ a: z.string().refine(async (v) => Promise.resolve(v === 'ok')) }))

    expect(await parseBody(f, 'a=ok')).toMatchObject({ ok: true, value: { a: 'ok' } })
    expect(await parseBody(f, 'a=no')).toMatchObject({ ok: false })
  })

  it('works with a Standard Schema that has no JSON Schema, paths as objects', async () => {
    const custom = form({
      '~standard': {
        version: 1,
        vendor: 'custom',
        validate: () => ({ issues: [{ message: 'Bad', path: [{ key: 'a' }, 0] }] }),
      },
    })

    expect(await parseBody(custom, 'a=1')).toMatchObject({
      ok: false,
      state: { errors: { 'a.0': ['Bad'] } },
    })
  })

  it('uses a JSON Schema given in the options', () => {
    const custom = form(
      { '~standard': { version: 1, vendor: 'custom', validate: (value: unknown) => ({ value }) } },
      {
        jsonSchema: {
          type: 'object',
          properties: { n: { type: 'number' }, d: { type: 'string', format: 'hxkit-date' } },
        },
      }
    )

    expect(custom.decode('n=1&d=2024-01-01')).toMatchObject({
      n: 1,
      d: new Date('2024-01-01T00:00:00Z'),
    })
  })

  it('falls back to strings when the JSON Schema converter throws', () => {
    const throwing = form({
      '~standard': {
        version: 1,
        vendor: 'other',
        validate: (value: unknown) => ({ value }),
        jsonSchema: {
          input: () => {
            throw new Error('no')
          },
          output: () => ({}),
        },
      },
    } as never)

    expect(throwing.jsonSchema).toBeUndefined()
  })

  it('follows $ref and nullable unions', () => {
    const node = z.object({ n: z.number() })
    const refs = form(
      z.object({ a: node, b: node.nullable(), c: z.union([z.number(), z.string()]) }),
      {
        jsonSchema: {
          type: 'object',
          $defs: { N: { type: 'object', properties: { n: { type: 'number' } } } },
          properties: {
            a: { $ref: '#/$defs/N' },
            b: { anyOf: [{ $ref: '#/$defs/N' }, { type: 'null' }] },
            c: { anyOf: [{ type: 'number' }, { type: 'string' }] },
            d: { allOf: [{ type: 'integer' }] },
            e: { $ref: '#/$defs/missing' },
            f: { $ref: '#' },
          },
        },
      }
    )

    expect(JSON.parse(JSON.stringify(refs.decode('a.n=1&b.n=2&c=3&d=4&e=5&f.a.n=6')))).toEqual({
      a: { n: 1 },
      b: { n: 2 },
      c: '3',
      d: 4,
      e: '5',
      f: { a: { n: 6 } },
    })
  })
})

describe('form().initial()', () => {
  it('builds a state from a record, dates formatted by the fields', () => {
    const state = customerForm.initial(
      { name: 'Ada', since: new Date('2024-05-06T00:00:00Z') },
      { action: '/customers/1' }
    )

    expect(state).toEqual({
      values: { name: 'Ada', since: new Date('2024-05-06T00:00:00Z') },
      errors: {},
      formErrors: [],
      action: '/customers/1',
    })
    expect(customerForm.field(state, 'since').value).toContain('value="2024-05-06"')
  })

  it('defaults the action to the form’s', () => {
    expect(customerForm.empty().action).toBe('/customers')
  })
})

describe('types', () => {
  type Input = FormInput<typeof customerSchema>

  it('types the parsed value as the schema output', async () => {
    const result = await customerForm.parse({} as never).catch(() => undefined)
    if (result?.ok === true) {
      expectTypeOf(result.value.since).toEqualTypeOf<Date>()
      expectTypeOf(result.value.address.city).toEqualTypeOf<string>()
      expectTypeOf(result.value.avatar).toEqualTypeOf<File | undefined>()
    }
    expectTypeOf<FormState<Input>['values']>().toEqualTypeOf<FormValues<Input>>()
    expectTypeOf(customerForm.empty()).toEqualTypeOf<FormState<Input>>()
  })

  it('accepts dotted field paths and rejects misspelt ones', () => {
    const state = customerForm.empty()

    customerForm.field(state, 'address.city')
    customerForm.field(state, 'items.3.qty')
    customerForm.field(state, 'tags')
    // @ts-expect-error -- misspelt field
    customerForm.field(state, 'emial')
    // @ts-expect-error -- not a leaf
    customerForm.field(state, 'address')
    // @ts-expect-error -- unknown nested field
    customerForm.field(state, 'address.town')
    // @ts-expect-error -- an index needs a number
    customerForm.field(state, 'items.x.qty')

    expect(true).toBe(true)
  })

  it('types message keys as field paths', () => {
    // @ts-expect-error -- misspelt message key
    form(customerSchema, { messages: { emial: 'x' } })

    expect(true).toBe(true)
  })
})
