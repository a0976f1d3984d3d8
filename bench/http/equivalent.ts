// Output equivalence of the HTTP candidates: the same markup up to whitespace and spelling.

/**
 * Normalizes HTML for comparison: CSP nonce values and the live stream's `since` time (fresh per
 * response), whitespace between and
 * inside tags, `/>`, numeric entities of the five escaped characters, and boolean attributes
 * written as `name=""`.
 *
 * @param markup - a response body
 * @example
 * normalizeHtml('<p >a </p>\n') // '<p>a</p>'
 */
export function normalizeHtml(markup: string): string {
  return markup
    .replace(/(\s(?:hx-)?nonce)="[^"]*"/g, '$1="*"')
    .replace(/([?&]since=)\d+/g, '$1*')
    .replace(/\s+/g, ' ')
    .replace(/\s*\/?>\s*/g, '>')
    .replace(/\s*</g, '<')
    .replace(/&#x27;|&#0*39;/g, '&#39;')
    .replace(/&#0*34;|&#x22;/g, '&quot;')
    .replace(/&#0*38;|&#x26;/g, '&amp;')
    .replace(/&#0*60;|&#x3c;/gi, '&lt;')
    .replace(/&#0*62;|&#x3e;/gi, '&gt;')
    .replace(/ (defer|async|hidden)=""/g, ' $1')
    .toLowerCase()
    .trim()
}

/**
 * Where two normalized strings first differ, with some context; null when equal.
 *
 * @param a - expected
 * @param b - actual
 * @example
 * firstDifference('<p>a</p>', '<p>b</p>') // 'at 3: …<p>a</p> vs …<p>b</p>'
 */
export function firstDifference(a: string, b: string): string | null {
  if (a === b) {
    return null
  }
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) {
    i++
  }
  const from = Math.max(0, i - 40)
  return `at ${String(i)}: …${a.slice(from, i + 40)} vs …${b.slice(from, i + 40)}`
}

// transport and framework details, not part of what the page promises the browser
const TRANSPORT = new Set([
  'connection',
  'content-length',
  'date',
  'etag',
  'keep-alive',
  'transfer-encoding',
  'x-powered-by',
])

/**
 * The response header names two responses do not share (transport headers aside).
 *
 * @param expected - the baseline's headers
 * @param actual - the candidate's headers
 * @example
 * headerDifference(base.headers, res.headers) // ['-content-security-policy']
 */
export function headerDifference(expected: Headers, actual: Headers): string[] {
  const names = (headers: Headers): Set<string> =>
    new Set([...headers.keys()].filter((name) => !TRANSPORT.has(name)))
  const a = names(expected)
  const b = names(actual)
  return [
    ...[...a].filter((name) => !b.has(name)).map((name) => `-${name}`),
    ...[...b].filter((name) => !a.has(name)).map((name) => `+${name}`),
  ]
}
