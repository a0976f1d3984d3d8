// The gallery's example data: plain records, copied fresh for every app (so each server start resets them).

/** A contact, as the table examples show it. */
export interface Contact {
  id: number
  name: string
  email: string
  active: boolean
}

const NAMES = [
  'Ada Lovelace',
  'Grace Hopper',
  'Alan Turing',
  'Edsger Dijkstra',
  'Barbara Liskov',
  'Donald Knuth',
  'Margaret Hamilton',
  'Ken Thompson',
  'Frances Allen',
  'John Backus',
  'Radia Perlman',
  'Dennis Ritchie',
]

/**
 * A fresh list of contacts, `count` long (names repeat with a number after the first dozen).
 *
 * @param [count=6] - how many
 * @example
 * const contacts = seedContacts(4)
 */
export function seedContacts(count = 6): Contact[] {
  return Array.from({ length: count }, (_, i) => {
    const base = NAMES[i % NAMES.length] ?? 'Contact'
    const name = i < NAMES.length ? base : `${base} ${String(Math.floor(i / NAMES.length) + 1)}`
    const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@example.com`
    return { id: i + 1, name, email, active: i % 3 !== 2 }
  })
}

/**
 * The id in a route parameter, or `undefined` when it is not a positive whole number.
 *
 * @param value - the parameter
 * @example
 * const id = parseId(c.req.param('id'))
 */
export function parseId(value: string | undefined): number | undefined {
  return value !== undefined && /^[1-9][0-9]{0,8}$/.test(value) ? Number(value) : undefined
}
