/** @module Security: strict CSP with per-response nonces and cross-origin protection. */
import type { CspVariables } from './middleware.ts'

export { crossOriginProtection, parseTrustedOrigin } from './cross-origin.ts'
export type { CrossOriginOptions } from './cross-origin.ts'
export { cspMatchers } from './matchers.ts'
export { csp, cspOverride, getNonce } from './middleware.ts'
export type { CspOptions, CspOverride, CspVariables } from './middleware.ts'
export { cspReportHandler, parseCspReports } from './report.ts'
export type { CspReport, CspReportOptions, CspReportSink } from './report.ts'
export { scanCspSafety } from './scanner.ts'
export type { CspFinding, CspScanOptions } from './scanner.ts'
export { htmxScripts } from './scripts.ts'
export type { HtmxScriptsOptions } from './scripts.ts'
export { secure } from './secure.ts'
export type { SecureHeadersOptions, SecureOptions } from './secure.ts'
export { generateNonce } from './nonce.ts'
export { DEFAULT_CSP, NONCE, NONE, SELF, serializePolicy } from './policy.ts'
export type { CspDirectives } from './policy.ts'

declare module 'hono' {
  interface ContextVariableMap extends CspVariables {}
}
