import { z } from 'zod'
import { form } from '../../src/forms/index.ts'

/** A customer form with every kind of field the kit renders. */
export const customerSchema = z
  .object({
    name: z.string().min(2).max(80),
    email: z.email(),
    age: z.number().int().min(18).max(120).optional(),
    price: z.number().multipleOf(0.01).positive().optional(),
    vip: z.boolean(),
    tier: z.enum(['free', 'pro']),
    since: z.date(),
    day: z.iso.date().optional(),
    zip: z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
    address: z.object({ city: z.string().min(1), street: z.string().optional() }),
    tags: z.array(z.string()).max(3),
    items: z.array(z.object({ qty: z.number().int().min(1) })).optional(),
    avatar: z.file().max(1000).mime(['image/png', 'image/jpeg']).optional(),
    bio: z.string().max(2000).optional(),
  })
  .strict()

export const customerForm = form(customerSchema, { id: 'customer', action: '/customers' })

/** A valid urlencoded body for `customerForm`. */
export const validBody =
  'name=Ada&email=ada%40example.com&vip=on&tier=pro&since=2024-01-02&address.city=Paris&tags=a&tags=b'
