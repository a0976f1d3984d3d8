// What the hxkit demo sends besides the markup, for the hand-built candidates: a fresh CSP nonce
// per response and the same security headers, so every candidate does the same work.
import { randomBytes } from 'node:crypto'

const STATIC: Readonly<Record<string, string>> = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  vary: 'HX-Request, HX-Request-Type, HX-History-Restore-Request, HX-Boosted, HX-Target, HX-Partial',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
}

/**
 * A fresh CSP nonce (16 random bytes, base64).
 *
 * @example
 * const nonce = newNonce()
 */
export function newNonce(): string {
  return randomBytes(16).toString('base64')
}

/**
 * The demo's response headers for one nonce: the CSP, the reporting endpoint, the static ones.
 *
 * @param nonce - this response's nonce
 * @param fragment - a partial response (the demo sends `no-store` on every page response too)
 * @example
 * res.writeHead(200, { ...securityHeaders(nonce, false), 'content-type': 'text/html' })
 */
export function securityHeaders(nonce: string, fragment: boolean): Record<string, string> {
  return {
    'content-security-policy': `default-src 'self'; script-src 'nonce-${nonce}'; script-src-attr 'none'; style-src 'self'; style-src-attr 'none'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; report-uri /__csp-report; report-to csp-endpoint`,
    'reporting-endpoints': 'csp-endpoint="/__csp-report"',
    'cache-control': fragment ? 'no-store' : 'private, no-store',
    ...STATIC,
  }
}
