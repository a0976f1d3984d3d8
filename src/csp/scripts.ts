import type { Context } from 'hono'
import { SafeHtml, escapeHtml } from '../html/index.ts'
import { checkKeys } from '../internal/options.ts'

/** Options of `htmxScripts()`: the script URLs (served from your origin) and the htmx config. */
export interface HtmxScriptsOptions {
  /** URL of htmx itself, e.g. `/_hxkit/htmx/htmx.min.js`. */
  htmx: string
  /** htmx extensions, loaded right after htmx, in order (`/_hxkit/htmx/ext/hx-csp.js`). @default [] */
  extensions?: readonly string[] | undefined
  /** Your own scripts, loaded with `defer` after htmx and its extensions. @default [] */
  scripts?: readonly string[] | undefined
  /** The htmx config, sent as JSON in `<meta name="htmx-config">` before htmx. @default none */
  config?: Readonly<Record<string, unknown>> | undefined
}

// Paths on this origin or http(s) URLs; nothing that could be a script scheme or break the tag.
const SCRIPT_URL = /^(?:\/(?!\/)|https?:\/\/)[^\s"'<>]*$/

function checkUrl(option: string, url: unknown): string {
  if (typeof url !== 'string' || !SCRIPT_URL.test(url)) {
    throw new TypeError(
      `htmxScripts(): ${option} must be a path starting with / or an http(s) URL, got ${JSON.stringify(url)}`
    )
  }
  return url
}

function configJson(config: Readonly<Record<string, unknown>>): string {
  if (typeof config !== 'object' || Array.isArray(config)) {
    throw new TypeError('htmxScripts(): "config" must be an object')
  }
  // It would put this response's nonce on every script an htmx response carries
  // (docs/protocol.md §4.3).
  if ('inlineScriptNonce' in config) {
    throw new TypeError(
      'htmxScripts(): "inlineScriptNonce" lets every script in an htmx response run; leave it out'
    )
  }
  return JSON.stringify(config)
}

/**
 * The head tags a layout needs for htmx under the strict CSP: `<meta name="htmx-config">` (JSON,
 * before htmx, which reads it once at start-up), then htmx, its extensions and your scripts, each
 * with this response's nonce. Without `csp()` the scripts carry no nonce. Nothing inline. The tags
 * are built once per options object (keep it in a constant, as a layout does) and each response
 * only splices in its nonce; change a URL by passing a new object.
 *
 * @param c - the hono context (for the nonce)
 * @param options - `htmx`, `extensions`, `scripts` (deferred) and `config`
 * @returns the tags as `SafeHtml`
 * @throws TypeError for a URL that is not a path or http(s), or `config.inlineScriptNonce`
 * @see docs/csp.md
 * @example
 * html`<head>
 *   ${htmxScripts(c, {
 *     htmx: '/_hxkit/htmx/htmx.min.js',
 *     extensions: ['/_hxkit/htmx/ext/hx-csp.js'],
 *     scripts: ['/app.js'],
 *     config: { includeIndicatorCSS: false, safeEval: true },
 *   })}
 * </head>`
 */
export function htmxScripts(c: Context, options: HtmxScriptsOptions): SafeHtml {
  let parts = compiled.get(options)
  if (parts === undefined) {
    parts = compile(options)
    compiled.set(options, parts)
  }
  const nonce = c.get('cspNonce')
  const attr =
    nonce === undefined ? '' : ` nonce="${NONCE_TEXT.test(nonce) ? nonce : escapeHtml(nonce)}"`
  return new SafeHtml(parts.join(attr))
}

// The tags are built once per options object, split where each response's nonce attribute goes.
const compiled = new WeakMap<HtmxScriptsOptions, readonly string[]>()
const NONCE_HOLE = '\u0000nonce\u0000'
// csp()'s nonces are base64: nothing in them needs escaping
const NONCE_TEXT = /^[A-Za-z0-9+/=_-]*$/

function compile(options: HtmxScriptsOptions): readonly string[] {
  checkKeys('htmxScripts()', options, ['htmx', 'extensions', 'scripts', 'config'])
  const script = (url: string, defer: boolean): string =>
    `<script${NONCE_HOLE} src="${escapeHtml(url)}"${defer ? ' defer' : ''}></script>`
  let out = ''
  if (options.config !== undefined) {
    out += `<meta name="htmx-config" content="${escapeHtml(configJson(options.config))}">`
  }
  out += script(checkUrl('"htmx"', options.htmx), false)
  for (const url of options.extensions ?? []) {
    out += script(checkUrl('an extension URL', url), false)
  }
  for (const url of options.scripts ?? []) {
    out += script(checkUrl('a script URL', url), true)
  }
  return out.split(NONCE_HOLE)
}
