// The order form, declared once from one zod schema: create and edit share it.
import { z } from 'zod'
import { PLAIN_TEXT_MESSAGE, form, isPlainText } from '../../src/forms/index.ts'
import type { FormInput, FormOutput, FormState } from '../../src/forms/index.ts'
import type { HtmxVersion } from '../layout.ts'
import { ORDER_STATUSES } from '../seed.ts'

/** Largest invoice the schema accepts (a field error above it). */
export const INVOICE_MAX_BYTES = 256 * 1024

/**
 * Largest file and multipart body the decoder reads (413 above them, answered with the form and
 * an error). secure() refuses any body over 1 MiB before the route runs.
 */
export const UPLOAD_CAP_BYTES = 768 * 1024

/** Invoice types the schema accepts. */
export const INVOICE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const

/** The shop opened on this day: no delivery date before it (a rule only the server checks). */
export const OPENING_DAY = new Date('2025-01-01T00:00:00Z')

// names and addresses: one line of text, no control or text-direction characters
const oneLine = (value: string): boolean => isPlainText(value)

/** An order: customer, status, amount, delivery, address, notes and an optional invoice. */
export const orderSchema = z
  .object({
    customer: z.string().trim().min(2).max(80).refine(oneLine, PLAIN_TEXT_MESSAGE),
    email: z.email(),
    status: z.enum(ORDER_STATUSES),
    total: z.number().multipleOf(0.01).min(1).max(50_000),
    deliverBy: z.date().min(OPENING_DAY, 'Pick 1 January 2025 or later'),
    express: z.boolean(),
    address: z.object({
      street: z.string().trim().min(3).max(120).refine(oneLine, PLAIN_TEXT_MESSAGE),
      city: z.string().trim().min(2).max(60).refine(oneLine, PLAIN_TEXT_MESSAGE),
      zip: z.string().regex(/^\d{4,5}$/, 'Enter 4 or 5 digits'),
    }),
    notes: z
      .string()
      .trim()
      .max(1000)
      .refine((v) => isPlainText(v, { multiline: true }), PLAIN_TEXT_MESSAGE)
      .optional(),
    invoice: z
      .file()
      .max(INVOICE_MAX_BYTES)
      .mime([...INVOICE_TYPES])
      .optional(),
  })
  .strict()

/** What the order fields hold. */
export type OrderFields = FormInput<typeof orderSchema>

/** A valid order, as the store saves it. */
export type OrderValue = FormOutput<typeof orderSchema>

/** The state the order form renders. */
export type OrderState = FormState<OrderFields>

/**
 * Declares the order form for the htmx the pages load. htmx 4 validates a field while the user
 * types (debounced) and morphs it in place. htmx 2 has no morph: it replaces the field, so it
 * validates a field when the user leaves it, queues instead of aborting (htmx 2 logs aborts as
 * errors), and a failed htmx 2 submit answers 200, the status htmx 2 swaps by default.
 *
 * @param version - the htmx major version of the layout
 * @example
 * const orders = orderForm(4)
 * orders.field(orders.empty(), 'address.city', { label: 'City' })
 */
export function orderForm(version: HtmxVersion) {
  return form(orderSchema, {
    id: 'order-form',
    action: '/orders/new',
    live: true,
    ...(version === 2
      ? // htmx 2 replaces the whole field, so validate when focus leaves it: a select fires
        // `change` on every arrow key, and replacing it then would drop the keyboard user's focus.
        { liveSwap: 'outerHTML', liveSync: 'this:queue last', liveTrigger: 'focusout changed' }
      : { liveSwap: 'outerMorph' }),
    htmx2Status: 200,
    limits: { maxFileBytes: UPLOAD_CAP_BYTES, maxMultipartBytes: 1024 * 1024 },
    messages: {
      email: 'Enter an email address with a domain, like ada@example.com',
      total: 'Enter an amount between €1 and €50,000 (cents at most)',
      'address.street': 'Enter the street and house number',
      // zod's issue carries its code next to the Standard Schema fields
      invoice: (issue) =>
        Reflect.get(issue, 'code') === 'too_big'
          ? 'The invoice must be 256 kB or smaller'
          : 'Upload a PDF, PNG or JPEG',
    },
  })
}

/** The order form of one htmx version. */
export type OrderForm = ReturnType<typeof orderForm>
