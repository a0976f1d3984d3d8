import { describe, expect, it } from 'vitest'
import { parseOrigins } from '../../src/internal/origins.ts'

describe('parseOrigins', () => {
  // Go: TestCrossOriginProtectionAddTrustedOriginErrors, limited to http(s)
  it.each([
    ['https://example.com', 'https://example.com'],
    ['https://example.com:8080', 'https://example.com:8080'],
    ['http://example.com', 'http://example.com'],
    ['HTTPS://Example.COM', 'https://example.com'],
  ])('accepts %s', (origin, expected) => {
    expect([...parseOrigins([origin], 'f()')]).toEqual([expected])
  })

  it.each([
    'example.com',
    'https://',
    'https://example.com/',
    'https://example.com/path',
    'https://example.com?query=value',
    'https://example.com#fragment',
    'https://ex ample.com',
    '',
    'null',
    'ftp://example.com',
    'chrome-extension://abc',
    42,
  ])('refuses %j', (origin) => {
    expect(() => parseOrigins([origin], 'f()')).toThrow(
      'f(): "allowedOrigins" entries must be http(s) origins'
    )
  })
})

describe('parseOrigins with a value that is not a list', () => {
  it.each(['https://example.com', null, {}])('refuses %j', (value) => {
    expect(() => parseOrigins(value, 'f()')).toThrow('f(): "allowedOrigins" must be an array')
  })

  it('reads undefined as no origins', () => {
    expect(parseOrigins(undefined, 'f()').size).toBe(0)
  })
})
