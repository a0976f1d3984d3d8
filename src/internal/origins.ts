// The kit's one origin-list parser, behind the one option name `allowedOrigins`: redirect targets
// (`htmx()`, `redirectTo`, `clientRedirect`, …) and cross-origin requests (`crossOriginProtection`)
// accept the same bare http(s) origins, normalised once, in the factory.

/**
 * Normalises an `allowedOrigins` list once; throws a TypeError naming `caller` for anything that
 * is not an array of bare http(s) origins (`scheme://host[:port]`, no path, query or fragment).
 */
export function parseOrigins(origins: unknown, caller: string): ReadonlySet<string> {
  if (origins === undefined) {
    return new Set()
  }
  if (!Array.isArray(origins)) {
    throw new TypeError(
      `${caller}: "allowedOrigins" must be an array of origins such as "https://example.com".`
    )
  }
  return new Set(origins.map((origin: unknown) => parseOrigin(origin, caller)))
}

function parseOrigin(origin: unknown, caller: string): string {
  const parsed = typeof origin === 'string' ? URL.parse(origin) : null
  if (
    parsed === null ||
    (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') ||
    parsed.href !== `${parsed.origin}/` ||
    !/^https?:\/\/[^/?#\s]+$/i.test(origin as string)
  ) {
    throw new TypeError(
      `${caller}: "allowedOrigins" entries must be http(s) origins such as "https://example.com", got ${JSON.stringify(origin)}.`
    )
  }
  return parsed.origin
}
