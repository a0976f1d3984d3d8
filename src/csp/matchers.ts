import { nonceFromPolicy } from '../internal/render-nonce.ts'
import { scanCspSafety } from './scanner.ts'
import type { CspScanOptions } from './scanner.ts'

interface MatcherResult {
  pass: boolean
  message: () => string
}

async function bodyAndNonce(received: unknown): Promise<[string, string | undefined]> {
  if (received instanceof Response) {
    const policy = received.headers.get('Content-Security-Policy') ?? ''
    return [await received.clone().text(), nonceFromPolicy(policy)]
  }
  return [String(received), undefined]
}

/**
 * Test matchers built on `scanCspSafety()`, for `expect.extend()` in Vitest or Jest.
 *
 * `toBeCspSafe(options?)` accepts a `Response` (the nonce is read from its CSP header) or an HTML
 * string (pass `{ nonce }`).
 *
 * @see docs/csp.md
 * @example
 * expect.extend(cspMatchers)
 * await expect(await app.request('/')).toBeCspSafe()
 */
export const cspMatchers = {
  async toBeCspSafe(received: unknown, options: CspScanOptions = {}): Promise<MatcherResult> {
    const [markup, headerNonce] = await bodyAndNonce(received)
    const findings = scanCspSafety(markup, { ...options, nonce: options.nonce ?? headerNonce })
    const lines = findings.map((finding) => `  ${finding.rule}: ${finding.excerpt}`)
    return {
      pass: findings.length === 0,
      message: () =>
        findings.length === 0
          ? 'expected CSP problems, found none'
          : `expected no CSP problems, found ${findings.length}:\n${lines.join('\n')}`,
    }
  },
}
