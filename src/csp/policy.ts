/** Placeholder for the response's nonce in a directive's source list; becomes `'nonce-…'`. */
export const NONCE = "'nonce'"
/** The `'self'` source keyword. */
export const SELF = "'self'"
/** The `'none'` source keyword. */
export const NONE = "'none'"

/**
 * A CSP policy as Django writes it: directive name → source list (`[SELF, NONCE]`), or `true` for
 * a directive without sources (`upgrade-insecure-requests`). `false`/`undefined` leaves it out.
 */
export type CspDirectives = Readonly<Record<string, readonly string[] | boolean | undefined>>

/**
 * hxkit's default policy: strict, nonce-based, without `'strict-dynamic'` (with htmx it would let
 * any script inside a swapped fragment run, nonce or not).
 */
export const DEFAULT_CSP: CspDirectives = {
  'default-src': [SELF],
  'script-src': [NONCE],
  'script-src-attr': [NONE],
  'style-src': [SELF],
  'style-src-attr': [NONE],
  'img-src': [SELF, 'data:'],
  'font-src': [SELF],
  'connect-src': [SELF],
  'object-src': [NONE],
  'base-uri': [NONE],
  'frame-ancestors': [NONE],
  'form-action': [SELF],
}

const DIRECTIVE_NAME = /^[a-z][a-z-]*$/
// A source expression may not contain what separates directives (;) or policies (,), nor spaces.
const SOURCE = /^[^\s;,]+$/

/**
 * Checks a policy at startup.
 * @throws TypeError naming the bad directive or source
 */
export function validateDirectives(directives: CspDirectives, option: string): void {
  for (const [name, value] of Object.entries(directives)) {
    if (!DIRECTIVE_NAME.test(name)) {
      throw new TypeError(`csp(): ${option} has an invalid directive name "${name}"`)
    }
    if (Array.isArray(value)) {
      for (const source of value as readonly string[]) {
        if (!SOURCE.test(source)) {
          throw new TypeError(`csp(): ${option}["${name}"] has an invalid source "${source}"`)
        }
      }
    }
  }
}

/**
 * Serialises a policy for one response, turning `NONCE` into `'nonce-<nonce>'`.
 *
 * @param directives - the policy
 * @param nonce - this response's nonce
 * @returns the header value
 * @see docs/csp.md
 * @example
 * serializePolicy({ 'script-src': [NONCE], 'object-src': [NONE] }, 'abc')
 * // "script-src 'nonce-abc'; object-src 'none'"
 */
export function serializePolicy(directives: CspDirectives, nonce: string): string {
  const parts: string[] = []
  for (const [name, value] of Object.entries(directives)) {
    if (value === true) {
      parts.push(name)
    } else if (Array.isArray(value) && value.length > 0) {
      const sources = (value as readonly string[]).map((source) =>
        source === NONCE ? `'nonce-${nonce}'` : source
      )
      parts.push(`${name} ${sources.join(' ')}`)
    }
  }
  return parts.join('; ')
}
