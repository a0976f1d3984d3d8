import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { form } from '../../src/forms/index.ts'
import { html } from '../../src/html/index.ts'

const schema = z.object({ email: z.email(), tier: z.enum(['free', 'pro']) })
const f = form(schema, { id: 'o', action: '/o' })

describe('form()', () => {
  describe('with an unknown option key', () => {
    it.each([
      [
        () => form(schema, { liveswap: 'outerHTML' } as never),
        'form(): unknown option "liveswap"; allowed: id, action, messages, message, limits, live, liveSwap, liveTrigger, liveSync, htmx2Status, jsonSchema.',
      ],
      [
        () => form(schema, { limits: { maxFeilds: 3 } } as never),
        'form(): unknown option "limits.maxFeilds"; allowed: maxFields, maxDepth, maxNameLength, maxValueBytes, maxArrayLength, maxBodyBytes, maxMultipartBytes, maxFileBytes, maxFiles.',
      ],
      [
        () => f.field(f.empty(), 'email', { lable: 'E' } as never),
        'field(): unknown option "lable"; allowed: label, type, hint, placeholder, choices, live, class, attrs.',
      ],
      [
        () => f.render(f.empty(), html``, { tagret: '#x' } as never),
        'render(): unknown option "tagret"; allowed: action, target, novalidate, class, attrs.',
      ],
      [
        () => f.initial({}, { url: '/x' } as never),
        'initial(): unknown option "url"; allowed: action.',
      ],
      [() => f.empty({ url: '/x' } as never), 'initial(): unknown option "url"; allowed: action.'],
    ])('throws a TypeError naming the key (%#)', (call, message) => {
      expect(call).toThrow(new TypeError(message))
    })
  })

  describe('with a bad option value', () => {
    it.each([
      [
        () => form(schema, { liveSwap: 'innerHTML' } as never),
        'form(): "liveSwap" must be one of outerMorph, outerHTML',
      ],
      [
        () => form(schema, { htmx2Status: 500 } as never),
        'form(): "htmx2Status" must be one of 200, 422',
      ],
      [
        () => form(schema, { limits: { maxFields: -1 } }),
        'form(): "limits.maxFields" must be a non-negative integer',
      ],
      [
        () => f.field(f.empty(), 'email', { type: 'range' } as never),
        'field(): "type" must be one of text, email, url, tel, password, search, number, date, datetime-local, time, checkbox, select, textarea, file, hidden',
      ],
      [
        () => form(schema).render({ ...f.empty(), action: undefined }, html``),
        'render(): "action" must be given to form(), initial() or render()',
      ],
    ])('throws a TypeError in one style (%#)', (call, message) => {
      expect(call).toThrow(new TypeError(message))
    })
  })
})
