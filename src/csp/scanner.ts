/** One thing in a page that a strict CSP would block or that defeats it. */
export interface CspFinding {
  /** What kind of problem it is. */
  readonly rule:
    | 'inline-handler'
    | 'style-attribute'
    | 'script-url'
    | 'script-without-nonce'
    | 'style-without-nonce'
    | 'hx-on'
    | 'hx-without-nonce'
  /** The start tag it was found in (cut to 200 characters). */
  readonly excerpt: string
}

/** Options of `scanCspSafety()`. */
export interface CspScanOptions {
  /** The response's nonce: every `<script>` and `<style>` must carry exactly this one. */
  nonce?: string | undefined
  /**
   * `true` when the page loads htmx 4's `hx-csp` extension: `hx-on` is then allowed (it runs
   * without eval under `safeEval`), and every element with htmx attributes must carry
   * `hx-nonce` equal to `nonce`, or the extension strips its attributes.
   * @default false
   */
  hxCsp?: boolean | undefined
}

const COMMENT = /<!--[\s\S]*?-->/g
const START_TAG =
  /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g
const URL_ATTRIBUTE =
  /^(?:(?:data-)?hx-(?:get|post|put|patch|delete|query|action)|href|src|action|formaction|xlink:href)$/
// Browsers drop tabs and newlines inside URLs and ignore leading spaces and control characters.
const SCRIPT_URL = /^(?:javascript|vbscript|js):/i

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '')
    .replace(/&amp;/g, '&')
}

function normaliseUrl(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what browsers strip
  return decodeEntities(value).replace(/[\u0000-\u0020]/g, '')
}

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>()
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = (match[1] as string).toLowerCase()
    attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '')
  }
  return attributes
}

// hx-csp: an element with htmx attributes keeps them only with hx-nonce equal to the page nonce.
function needsHxNonce(attributes: Map<string, string>, nonce: string | undefined): boolean {
  const hasHtmx = [...attributes.keys()].some(
    (name) => /^(?:data-)?hx-/.test(name) && name !== 'hx-nonce'
  )
  const stamped = attributes.get('hx-nonce')
  return hasHtmx && (stamped === undefined || (nonce !== undefined && stamped !== nonce))
}

function checkTag(tag: string, attributes: Map<string, string>, options: CspScanOptions) {
  const rules: CspFinding['rule'][] = []
  for (const [name, value] of attributes) {
    if (/^on[a-z]/.test(name)) {
      rules.push('inline-handler')
    } else if (name === 'style') {
      rules.push('style-attribute')
    } else if (/^(?:data-)?hx-on/.test(name)) {
      if (!options.hxCsp) {
        rules.push('hx-on')
      }
    } else if (URL_ATTRIBUTE.test(name) && SCRIPT_URL.test(normaliseUrl(value))) {
      rules.push('script-url')
    }
  }
  if (options.hxCsp && needsHxNonce(attributes, options.nonce)) {
    rules.push('hx-without-nonce')
  }
  const nonceOk = options.nonce !== undefined && attributes.get('nonce') === options.nonce
  if (tag === 'script' && !nonceOk) {
    rules.push('script-without-nonce')
  }
  if (tag === 'style' && !nonceOk) {
    rules.push('style-without-nonce')
  }
  return rules
}

/**
 * Scans rendered HTML for what a strict CSP blocks or what defeats it: inline event handlers,
 * `style=` attributes, `javascript:`/`js:` URLs, `<script>`/`<style>` without the response's
 * nonce, and `hx-on` without htmx's `hx-csp` extension; with it (`hxCsp: true`), elements with
 * htmx attributes but without the response's `hx-nonce`.
 *
 * @param markup - the HTML as sent
 * @param options - the response's `nonce`; `hxCsp` when the page runs the hx-csp extension
 * @returns the findings, empty when the page is safe
 * @see docs/csp.md
 * @example
 * const res = await app.request('/')
 * const nonce = /'nonce-([^']+)'/.exec(res.headers.get('Content-Security-Policy') ?? '')?.[1]
 * expect(scanCspSafety(await res.text(), { nonce })).toEqual([])
 */
export function scanCspSafety(markup: string, options: CspScanOptions = {}): CspFinding[] {
  const findings: CspFinding[] = []
  for (const match of markup.replace(COMMENT, '').matchAll(START_TAG)) {
    const tag = (match[1] as string).toLowerCase()
    for (const rule of checkTag(tag, attributesOf(match[2] ?? ''), options)) {
      findings.push({ rule, excerpt: match[0].slice(0, 200) })
    }
  }
  return findings
}
