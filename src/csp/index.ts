/** @module Content Security Policy: a strict policy with a fresh nonce per response, violation reports, the htmx script tags and a CSP-safety scanner. */
import type { CspVariables } from './middleware.ts'

export { csp, cspOverride, getNonce } from './middleware.ts'
export type { CspOptions, CspOverride, CspVariables } from './middleware.ts'
export { cspReportHandler, parseCspReports } from './report.ts'
export type { CspReport, CspReportOptions, CspReportSink } from './report.ts'
export { scanCspSafety } from './scanner.ts'
export type { CspFinding, CspScanOptions } from './scanner.ts'
export { htmxScripts } from './scripts.ts'
export type { HtmxScriptsOptions } from './scripts.ts'
export { generateNonce } from './nonce.ts'
export { runWithNonce } from './nonce-scope.ts'
export { DEFAULT_CSP, NONCE, NONE, SELF, serializePolicy } from './policy.ts'
export type { CspDirectives } from './policy.ts'

declare module 'hono' {
  interface ContextVariableMap extends CspVariables {}
}
