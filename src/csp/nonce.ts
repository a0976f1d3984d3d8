/**
 * A fresh CSP nonce: 128 bits from the platform CSPRNG, base64-encoded.
 *
 * @see docs/csp.md
 * @example
 * generateNonce() // 'q0yO3n5Lr2Zr2v0m3j1b3A=='
 */
export function generateNonce(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes))
}
