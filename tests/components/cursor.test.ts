import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { cursorCodec } from '../../src/components/index.ts'

const codec = cursorCodec({ secret: 'a-test-secret-of-32-characters!!' })

describe('cursorCodec()', () => {
  it('round-trips a key bound to a scope', () => {
    const token = codec.encode(['2026-11-30T10:00:00Z', 5123], 'status=shipped')

    expect(token).toMatch(/^[\w-]+\.[\w-]+$/)
    expect(codec.decode(token, 'status=shipped')).toEqual(['2026-11-30T10:00:00Z', 5123])
    expect(codec.decode(codec.encode([null, 1]))).toEqual([null, 1])
  })

  it.each([
    [
      'an edited payload',
      (t: string) => `${Buffer.from('[1]').toString('base64url')}${t.slice(t.indexOf('.'))}`,
    ],
    ['an edited tag', (t: string) => `${t.slice(0, -2)}AA`],
    ['no tag', (t: string) => t.slice(0, t.indexOf('.'))],
    ['another scope', (t: string) => t],
  ])('answers 400 for %s', async (_, tamper) => {
    const token = tamper(codec.encode([42], 'sort=id'))
    const app = new Hono().get('/', (c) =>
      c.json(codec.decode(c.req.query('after') ?? '', 'sort=-id'))
    )

    const res = await app.request(`/?after=${token}`)

    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Bad cursor')
  })

  it('answers 400 for a signed payload that is not a key', () => {
    const other = cursorCodec({ secret: 'a-test-secret-of-32-characters!!' })
    const notJson = Buffer.from('{').toString('base64url')
    const forged = codec.encode([1]).replace(/^[^.]+/, notJson)

    expect(() => other.decode(forged)).toThrow('Bad cursor')
  })

  it('refuses keys it cannot encode and short secrets', () => {
    expect(() => codec.encode([])).toThrow(TypeError)
    expect(() => codec.encode([Number.NaN])).toThrow(TypeError)
    expect(() => codec.encode([{}] as never)).toThrow(TypeError)
    expect(() => cursorCodec({ secret: 'short' })).toThrow(
      '"secret" must be a string of at least 16'
    )
    expect(() => cursorCodec({ secret: 'x'.repeat(16), ttl: 1 } as never)).toThrow(
      'unknown option "ttl"'
    )
  })
})
