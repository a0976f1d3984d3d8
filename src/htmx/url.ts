// Header-safe values for the HX-* response headers (docs/security.md §3.3, §3.5).
import { hasControl, isScriptUrl } from '../internal/markup-policy.ts'
import { checkKeys } from '../internal/options.ts'
import { parseOrigins } from '../internal/origins.ts'

/** The option keys of the helpers that take a URL. */
export const URL_OPTION_KEYS: readonly string[] = ['allowedOrigins']

/** Checks a URL helper's options (unknown keys refused) and parses its `allowedOrigins` once. */
export function originsOf(
  options: unknown,
  fn: string,
  keys: readonly string[] = URL_OPTION_KEYS
): ReadonlySet<string> {
  checkKeys(fn, options, keys)
  return parseOrigins((options as UrlOptions | undefined)?.allowedOrigins, fn)
}

/** Options of the helpers that take a URL (`clientRedirect`, `clientLocation`, `redirectTo`, …). */
export interface UrlOptions {
  /**
   * Origins (`https://accounts.example.com`) an absolute URL may point to. Without it only
   * same-origin paths starting with a single `/` are accepted.
   */
  readonly allowedOrigins?: readonly string[] | undefined
}

// Characters a header (and the htmx client, which decodes header bytes as Latin-1) cannot carry
// as they are: percent-encoded as UTF-8 (docs/protocol.md §2.1).
const UNSAFE_IN_URL = /[^\u0021-\u007e]|["<>^`{|}]/gu

function encodeChar(char: string, fn: string): string {
  try {
    return encodeURIComponent(char)
  } catch {
    throw new TypeError(`${fn}: refused URL: it contains a lone surrogate.`)
  }
}

function percentEncode(value: string, fn: string): string {
  return value.replace(UNSAFE_IN_URL, (char) => encodeChar(char, fn))
}

function refuse(fn: string, url: unknown): never {
  const shown = typeof url === 'string' ? JSON.stringify(url) : `(${typeof url})`
  throw new TypeError(
    `${fn}: refused redirect target ${shown}: only paths starting with a single "/" ` +
      'are allowed, or absolute http(s) URLs whose origin is listed in "allowedOrigins" ' +
      '(docs/security.md §3.5).'
  )
}

/**
 * Checks a redirect target and returns it ready for a header: a same-origin path (`/x`, not `//x`
 * or `/\x`) with non-ASCII percent-encoded, or an absolute URL whose origin is allowed.
 * Throws a TypeError otherwise: a refused URL is a programming error.
 */
export function toSafeUrl(url: unknown, fn: string, allowed: ReadonlySet<string>): string {
  if (typeof url !== 'string' || hasControl(url) || url.includes('\\') || isScriptUrl(url)) {
    return refuse(fn, url)
  }
  if (url.startsWith('/') && !url.startsWith('//')) {
    return percentEncode(url, fn)
  }
  const parsed = URL.parse(url)
  if (parsed === null || !allowed.has(parsed.origin)) {
    return refuse(fn, url)
  }
  return parsed.href
}

/** `JSON.stringify` with every non-ASCII character (and DEL) escaped as `\uXXXX`, so the header stays ASCII. */
export function toAsciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}
