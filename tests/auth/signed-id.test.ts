import { serializeSigned } from 'hono/utils/cookie'
import { describe, expect, it } from 'vitest'
import { createIdSigner } from '../../src/auth/signed-id.ts'

const SECRET = 'a-session-secret-of-at-least-32-characters'
const OLD = 'an-older-session-secret-still-accepted-xx'

/** The value hono's `setSignedCookie` writes (URL-decoded, as `getCookie` returns it). */
async function honoSigned(id: string, secret: string): Promise<string> {
  const header = await serializeSigned('s', id, secret)
  return decodeURIComponent(header.slice('s='.length))
}

/** `value` with the character at `at` replaced by another base64 character. */
function flip(value: string, at: number): string {
  return `${value.slice(0, at)}${value[at] === 'A' ? 'B' : 'A'}${value.slice(at + 1)}`
}

describe('createIdSigner', () => {
  it("writes exactly hono's signed-cookie value, so cookies from either stay valid", async () => {
    const signer = createIdSigner([SECRET])
    expect(signer.sign('abc-123')).toBe(await honoSigned('abc-123', SECRET))
    expect(signer.open(await honoSigned('abc-123', SECRET))).toBe('abc-123')
  })

  it('opens ids signed with an older secret of the list, and signs with the first', async () => {
    const signer = createIdSigner([SECRET, OLD])
    expect(signer.open(await honoSigned('id', OLD))).toBe('id')
    expect(signer.sign('id')).toBe(await honoSigned('id', SECRET))
  })

  it.each([
    ['another id under the signature', (v: string) => `x${v}`],
    ['a changed signature', (v: string) => flip(v, v.lastIndexOf('.') + 5)],
    ['no signature', (v: string) => v.slice(0, v.lastIndexOf('.'))],
    ['an empty id', (v: string) => v.slice(v.lastIndexOf('.'))],
    ['a short signature', (v: string) => v.slice(0, -4)],
    ['a signature without padding', (v: string) => `${v.slice(0, -1)}A`],
  ])('refuses %s', async (_, tamper) => {
    const signer = createIdSigner([SECRET])
    const value = tamper(await honoSigned('abc-123', SECRET))
    expect(signer.open(value)).toBeNull()
  })

  it('refuses an id signed with a secret not in the list', async () => {
    expect(createIdSigner([SECRET]).open(await honoSigned('abc', OLD))).toBeNull()
  })
})
