// The one policy of what kit output may contain (docs/security.md §1.3): which attribute names a
// strict CSP blocks, which attributes hold URLs, and which URLs run script. The builders (`attrs()`,
// `hx()`) refuse what it refuses; `scanCspSafety()` reports the same things in rendered HTML.

/** Why an attribute name is refused, as the CSP-safety scanner names it. */
export type RefusedAttribute = 'inline-handler' | 'hx-on' | 'style-attribute' | 'srcdoc'

const HX_ON = /^(?:data-)?hx-on/

/**
 * The reason `name` (lower case) may not appear in kit output, or `null` when it may:
 * `on*` handlers (but `open`), `hx-on*` (htmx evaluates them), `style`, and `srcdoc`.
 */
export function refusedAttribute(name: string): RefusedAttribute | null {
  if (HX_ON.test(name)) {
    return 'hx-on'
  }
  if (name.startsWith('on') && name !== 'open') {
    return 'inline-handler'
  }
  if (name === 'style') {
    return 'style-attribute'
  }
  return name === 'srcdoc' ? 'srcdoc' : null
}

/** Attributes whose value is a URL (or that htmx evaluates after a `js:` prefix). */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'cite', 'background', 'data',
  'ping', 'manifest', 'codebase', 'longdesc', 'usemap', 'icon', 'lowsrc', 'dynsrc', 'archive',
  'classid', 'profile', 'hx-get', 'hx-post', 'hx-put', 'hx-patch', 'hx-delete', 'hx-query',
  'hx-action', 'hx-push-url', 'hx-replace-url', 'hx-vals', 'hx-headers', 'hx-confirm',
]) // prettier-ignore

/** Tells whether the value of attribute `name` is a URL checked for script schemes. */
export function isUrlAttribute(name: string): boolean {
  let lower = name.toLowerCase()
  if (lower.startsWith('data-hx-')) {
    lower = lower.slice(5)
  }
  if (lower.startsWith('hx-')) {
    const colon = lower.indexOf(':')
    lower = colon === -1 ? lower : lower.slice(0, colon)
  }
  return URL_ATTRIBUTES.has(lower)
}

// Browsers drop ASCII tabs and newlines anywhere in a URL and trim C0 controls and spaces around
// it; we remove every control character and every kind of space anywhere, so no spelling of a
// script scheme slips through (`java\tscript:`, ` JaVaScRiPt:`, `\u0000js:`).
/* eslint-disable no-control-regex -- control characters are what this strips */
const IGNORED =
  /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g
/* eslint-enable no-control-regex */
const SCRIPT_SCHEME = /^(?:javascript:|js:|vbscript:|data:text\/html|data:application\/xhtml\+xml)/

/**
 * Tells whether a URL (or an htmx value) would run script: `javascript:`, `js:` (which htmx 4
 * evaluates), `vbscript:`, `data:text/html` or `data:application/xhtml+xml`, in any case and with
 * any control characters or spaces inside.
 */
export function isScriptUrl(url: string): boolean {
  if (!url.includes(':')) {
    return false
  }
  return SCRIPT_SCHEME.test(url.replace(IGNORED, '').toLowerCase())
}

/** Throws a TypeError naming the caller and the attribute when `url` would run script. */
export function assertSafeUrl(caller: string, name: string, url: string): void {
  if (isScriptUrl(url)) {
    throw new TypeError(
      `${caller}: refusing ${name}=${JSON.stringify(url.slice(0, 40))}: javascript:, js:, vbscript: and data:text/html values run script (docs/security.md §1.3).`
    )
  }
}

/** Tells whether a value holds a C0 control character or DEL (never valid in a header or URL). */
export function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code < 0x20 || code === 0x7f) {
      return true
    }
  }
  return false
}
