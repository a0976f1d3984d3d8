import { describe, expect, it } from 'vitest'
import { checkSecret, signer } from '../../src/internal/sign.ts'

const SECRET = 'a-secret-of-sixteen-or-more'
const OLDER = 'an-older-secret-still-valid'

/** `token` with the character at `at` replaced by another base64url character. */
function flip(token: string, at: number): string {
  return `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`
}

describe('signer()', () => {
  it('returns the payload of its own token, for the same context', () => {
    const s = signer(SECRET, 'cursor')
    expect(s.verify(s.sign('abc.def', 'orders'), 'orders')).toBe('abc.def')
  })

  it.each([
    ['another context', (t: string) => t, 'customers'],
    ['a changed payload', (t: string) => `x${t}`, 'orders'],
    ['a changed tag', (t: string) => flip(t, t.lastIndexOf('.') + 3), 'orders'],
    ['a cut tag', (t: string) => t.slice(0, -2), 'orders'],
    ['no payload', (t: string) => t.slice(t.lastIndexOf('.')), 'orders'],
  ])('refuses %s', (_, tamper, context) => {
    const s = signer(SECRET, 'cursor')
    expect(s.verify(tamper(s.sign('abc', 'orders')), context)).toBeNull()
  })

  it("refuses another purpose's token and another secret's", () => {
    const token = signer(SECRET, 'cursor').sign('abc', 'orders')
    expect(signer(SECRET, 'scope').verify(token, 'orders')).toBeNull()
    expect(signer(OLDER, 'cursor').verify(token, 'orders')).toBeNull()
  })

  it('with several secrets, signs with the first and accepts any', () => {
    const rotated = signer([SECRET, OLDER], 'session')
    const old = signer(OLDER, 'session').sign('id-1', 'c')
    expect(rotated.verify(old, 'c')).toBe('id-1')
    expect(rotated.sign('id-2', 'c')).toBe(signer(SECRET, 'session').sign('id-2', 'c'))
    expect(signer([OLDER], 'session').verify(rotated.sign('id-2', 'c'), 'c')).toBeNull()
  })
})

describe('checkSecret()', () => {
  it('refuses short or non-string secrets, naming the caller', () => {
    expect(() => checkSecret('flashes()', 'short')).toThrow(
      'flashes(): "secret" must be a string of at least 16 characters'
    )
    expect(() => checkSecret('flashes()', 42)).toThrow(TypeError)
    expect(checkSecret('flashes()', SECRET)).toBe(SECRET)
  })
})
