import { expect } from 'vitest'
import { cspMatchers } from '../src/csp/index.ts'
import type { CspScanOptions } from '../src/csp/index.ts'

expect.extend(cspMatchers)

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- must match vitest's declaration
  interface Matchers<T = any> {
    /** Passes when the HTML (or the Response, with its header's nonce) is safe under a strict CSP. */
    toBeCspSafe(options?: CspScanOptions): Promise<T>
  }
}
