// toBeCspSafe: the CSP-safety scanner as a test matcher.
import { scanCspSafety } from '../csp/index.ts'
import type { CspScanOptions } from '../csp/index.ts'
import { nonceFromPolicy } from '../internal/render-nonce.ts'

/** What a matcher returns to `expect.extend()` (Vitest and Jest share the shape). */
export interface MatcherResult {
  pass: boolean
  message: () => string
}

/** The body of a `Response` (read from a clone, so the test can read it again) or a string. */
export async function bodyOf(received: unknown): Promise<string> {
  return received instanceof Response ? received.clone().text() : String(received)
}

/**
 * Test matchers built on `scanCspSafety()`, for `expect.extend()` in Vitest or Jest; they are
 * part of `htmxMatchers` too.
 *
 * `toBeCspSafe(options?)` accepts a `Response` (the nonce is read from its CSP header) or an HTML
 * string (pass `{ nonce }`).
 *
 * @see docs/testing.md
 * @example
 * expect.extend(cspMatchers)
 * await expect(await app.request('/')).toBeCspSafe()
 */
export const cspMatchers: {
  toBeCspSafe: (received: unknown, options?: CspScanOptions) => Promise<MatcherResult>
} = {
  toBeCspSafe: async (received: unknown, options: CspScanOptions = {}): Promise<MatcherResult> => {
    const markup = await bodyOf(received)
    const headerNonce =
      received instanceof Response
        ? nonceFromPolicy(received.headers.get('Content-Security-Policy') ?? '')
        : undefined
    const findings = scanCspSafety(markup, { ...options, nonce: options.nonce ?? headerNonce })
    const lines = findings.map((finding) => `  ${finding.rule}: ${finding.excerpt}`)
    return {
      pass: findings.length === 0,
      message: () =>
        findings.length === 0
          ? 'expected CSP problems, found none'
          : `expected no CSP problems, found ${String(findings.length)}:\n${lines.join('\n')}`,
    }
  },
}
