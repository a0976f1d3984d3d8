import { describe, expect, it } from 'vitest'
import { addVary, mergeVary } from '../../src/internal/vary.ts'

describe('mergeVary', () => {
  it.each([
    [null, ['A', 'B'], 'A, B'],
    ['', ['A'], 'A'],
    ['Accept, a', ['A', 'B'], 'Accept, a, B'],
    [' , Accept ,', ['B'], 'Accept, B'],
    ['*', ['A'], '*'],
    ['Accept, *', ['A'], '*'],
  ])('merges %j with %j into %j', (existing, add, expected) => {
    expect(mergeVary(existing, add)).toBe(expected)
  })
})

describe('addVary', () => {
  it('adds the names to the headers once, whatever their case', () => {
    const headers = new Headers({ Vary: 'accept-encoding, hx-request' })

    addVary(headers, ['HX-Request', 'HX-Target'])

    expect(headers.get('Vary')).toBe('accept-encoding, hx-request, HX-Target')
  })
})
