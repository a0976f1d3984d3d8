import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from '../../src/auth/index.ts'

const FAST = { cost: 1024 }

describe('hashPassword', () => {
  it('writes a self-describing scrypt hash with a fresh salt each time', async () => {
    const one = await hashPassword('s3cret', FAST)
    const two = await hashPassword('s3cret', FAST)

    expect(one).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/)
    expect(one).not.toBe(two)
  })

  it('uses N = 2^15 by default', async () => {
    expect(await hashPassword('x')).toMatch(/^scrypt\$32768\$8\$1\$/)
  })

  it.each([
    [{ cost: 1000 }, '"cost" must be a power of two'],
    [{ cost: 2 ** 21 }, '"cost" must be a power of two'],
    [{ blockSize: 0 }, '"blockSize" must be a whole number'],
    [{ parallelization: 17 }, '"parallelization" must be a whole number'],
    [{ costs: 4 }, 'unknown option "costs"'],
  ])('refuses bad parameters %j', async (options, message) => {
    await expect(hashPassword('x', options as never)).rejects.toThrow(message)
  })

  it('refuses a non-string or a password over 1024 bytes', async () => {
    await expect(hashPassword(42 as never)).rejects.toThrow(TypeError)
    await expect(hashPassword('é'.repeat(513), FAST)).rejects.toThrow('at most 1024 bytes')
  })
})

describe('verifyPassword', () => {
  it('accepts the password and refuses any other', async () => {
    const stored = await hashPassword('correct horse', FAST)

    expect(await verifyPassword('correct horse', stored)).toBe(true)
    expect(await verifyPassword('correct hors', stored)).toBe(false)
    expect(await verifyPassword('', stored)).toBe(false)
  })

  it('answers false for an unknown account (null) after checking a dummy hash', async () => {
    const started = performance.now()
    expect(await verifyPassword('anything', null)).toBe(false)
    expect(await verifyPassword('hxkit dummy password', null)).toBe(false)
    expect(await verifyPassword('hxkit dummy password', null, FAST)).toBe(false)
    expect(performance.now() - started).toBeGreaterThan(0)
  })

  it.each([
    'plain',
    'scrypt$1024$8$1$c2FsdA$short',
    'scrypt$1000$8$1$c2FsdHNhbHRzYWx0$' + 'A'.repeat(43),
    'bcrypt$1024$8$1$c2FsdA$' + 'A'.repeat(43),
    'scrypt$1024$8$1$$' + 'A'.repeat(43),
  ])('answers false, never throws, for the malformed hash %j', async (stored) => {
    expect(await verifyPassword('x', stored)).toBe(false)
  })

  it('answers false for an oversized password even against its own prefix', async () => {
    const stored = await hashPassword('', FAST)
    expect(await verifyPassword('a'.repeat(2000), stored)).toBe(false)
  })

  it('refuses a non-string password', async () => {
    await expect(verifyPassword(undefined as never, null)).rejects.toThrow(TypeError)
  })
})
