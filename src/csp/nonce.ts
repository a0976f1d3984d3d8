// Random bytes are drawn from the CSPRNG in blocks (as Node's randomUUID() does), since a call per
// response was a measurable share of a small page; each nonce takes 16 unused bytes, which are
// zeroed once encoded.
const BLOCK = 4096
const SIZE = 16
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
let pool = new Uint8Array(0)
let at = 0

function char(n: number): string {
  return BASE64[n & 63] as string
}

/**
 * A fresh CSP nonce: 128 bits from the platform CSPRNG, base64-encoded.
 *
 * @see docs/csp.md
 * @example
 * generateNonce() // 'q0yO3n5Lr2Zr2v0m3j1b3A=='
 */
export function generateNonce(): string {
  if (at + SIZE > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(BLOCK))
    at = 0
  }
  const b = pool
  let out = ''
  for (let i = at; i < at + 15; i += 3) {
    const n = ((b[i] as number) << 16) | ((b[i + 1] as number) << 8) | (b[i + 2] as number)
    out += char(n >> 18) + char(n >> 12) + char(n >> 6) + char(n)
  }
  const last = b[at + 15] as number
  out += `${char(last >> 2)}${char((last & 3) << 4)}==`
  b.fill(0, at, at + SIZE)
  at += SIZE
  return out
}
