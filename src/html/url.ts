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

/** Throws a TypeError naming the attribute when `url` would run script. */
export function assertSafeUrl(caller: string, name: string, url: string): void {
  if (isScriptUrl(url)) {
    throw new TypeError(
      `${caller}: refusing ${name}=${JSON.stringify(url.slice(0, 40))}: javascript:, js:, vbscript: and data:text/html values run script`
    )
  }
}
