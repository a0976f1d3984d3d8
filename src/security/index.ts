/** @module Request security: `secure()` (security headers, CSP, cross-origin refusal, body limit) and the cross-origin check on its own. */
export { crossOriginProtection } from './cross-origin.ts'
export type { CrossOriginOptions } from './cross-origin.ts'
export { secure } from './secure.ts'
export type { SecureHeadersOptions, SecureOptions } from './secure.ts'
