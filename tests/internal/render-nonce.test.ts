import { describe, expect, it } from 'vitest'
import { nonceFromPolicy } from '../../src/internal/render-nonce.ts'

describe('nonceFromPolicy', () => {
  it.each([
    ["script-src 'nonce-abc+/=='; style-src 'self'", 'abc+/=='],
    ["default-src 'self'", undefined],
    [null, undefined],
    [undefined, undefined],
  ])('reads %j as %j', (policy, nonce) => {
    expect(nonceFromPolicy(policy)).toBe(nonce)
  })
})
