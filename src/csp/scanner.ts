import { scanTags } from '../internal/html-tokens.ts'
import { isScriptUrl, isUrlAttribute, refusedAttribute } from '../internal/markup-policy.ts'
import { checkKeys } from '../internal/options.ts'

type Attributes = readonly (readonly [name: string, value: string])[]

/** One thing in a page that a strict CSP would block or that defeats it. */
export interface CspFinding {
  /** What kind of problem it is. */
  readonly rule:
    | 'inline-handler'
    | 'style-attribute'
    | 'srcdoc'
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

// hx-csp: an element with htmx attributes keeps them only with hx-nonce equal to the page nonce.
function needsHxNonce(attributes: Attributes, nonce: string | undefined): boolean {
  const hasHtmx = attributes.some(([name]) => /^(?:data-)?hx-/.test(name) && name !== 'hx-nonce')
  const stamped = attributes.find(([name]) => name === 'hx-nonce')?.[1]
  return hasHtmx && (stamped === undefined || (nonce !== undefined && stamped !== nonce))
}

function attributeRule(
  name: string,
  value: string,
  options: CspScanOptions
): CspFinding['rule'] | null {
  const refused = refusedAttribute(name)
  if (refused !== null) {
    return refused === 'hx-on' && options.hxCsp ? null : refused
  }
  return isUrlAttribute(name) && isScriptUrl(value) ? 'script-url' : null
}

function checkTag(tag: string, attributes: Attributes, options: CspScanOptions) {
  const rules: CspFinding['rule'][] = []
  for (const [name, value] of attributes) {
    const rule = attributeRule(name, value, options)
    if (rule !== null) {
      rules.push(rule)
    }
  }
  if (options.hxCsp && needsHxNonce(attributes, options.nonce)) {
    rules.push('hx-without-nonce')
  }
  const nonceOk =
    options.nonce !== undefined &&
    attributes.find(([name]) => name === 'nonce')?.[1] === options.nonce
  if (tag === 'script' && !nonceOk) {
    rules.push('script-without-nonce')
  }
  if (tag === 'style' && !nonceOk) {
    rules.push('style-without-nonce')
  }
  return rules
}

/**
 * Scans rendered HTML for what a strict CSP blocks or what defeats it: everything the builders
 * `attrs()` and `hx()` refuse (inline event handlers, `style=`, `srcdoc`, script URLs in any of
 * their URL attributes, character references decoded as a browser does), `<script>`/`<style>`
 * without the response's nonce, and `hx-on` without htmx's `hx-csp` extension; with it
 * (`hxCsp: true`), elements with htmx attributes but without the response's `hx-nonce`.
 * Comments and the content of raw-text elements are skipped, as a browser's tokenizer does.
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
  checkKeys('scanCspSafety()', options, ['nonce', 'hxCsp'])
  const findings: CspFinding[] = []
  for (const tag of scanTags(markup)) {
    if (tag.closing) {
      continue
    }
    for (const rule of checkTag(tag.name, tag.attributes, options)) {
      findings.push({ rule, excerpt: markup.slice(tag.start, tag.end).slice(0, 200) })
    }
    if (tag.name === 'noscript' && !tag.selfClosing) {
      // read as text with scripting on, as markup with it off: check the markup reading too
      const close = markup.toLowerCase().indexOf('</noscript', tag.end)
      findings.push(
        ...scanCspSafety(markup.slice(tag.end, close === -1 ? undefined : close), options)
      )
    }
  }
  return findings
}
