// The htmx-aware matchers for `expect.extend()`: pages and fragments, Vary, <hx-partial>,
// HX-Trigger, the redirect contract, nonces, field errors and CSP safety. Each reads a Response
// (from a clone) or, where only markup matters, a string.
import type { CspScanOptions } from '../csp/index.ts'
import { decodeEntities } from '../internal/html-tokens.ts'
import { nonceFromPolicy } from '../internal/render-nonce.ts'
import { bodyOf, cspMatchers } from './csp-matchers.ts'
import type { MatcherResult } from './csp-matchers.ts'
import { compileSelector, parseElements } from './dom.ts'
import { toHaveEnqueued } from './task-matchers.ts'

/** The matchers of `htmxMatchers`, as an app's `expect` sees them (for `declare module`). */
export interface HtmxMatchers<R = unknown> {
  /** A whole document: `<!doctype html>`, `<html>` and `<body>`. */
  toBeFullPage(): Promise<R>
  /** Markup without a document shell; with `selector`, its first element matches it. */
  toBeFragment(selector?: string): Promise<R>
  /** `Vary` names every one of `headers` (case-insensitive), or is `*`. */
  toVaryOn(...headers: string[]): Promise<R>
  /** The body has an `<hx-partial hx-target="target">` block. */
  toHaveHxPartial(target: string): Promise<R>
  /** `HX-Trigger` fires `name`, with exactly `detail` when it is given. */
  toHaveHxTrigger(name: string, detail?: unknown): Promise<R>
  /** A 2xx with `HX-Location` (path) or `HX-Redirect` equal to `location`: never a 3xx. */
  toRedirectHtmx(location: string): Promise<R>
  /** The CSP header has a nonce not seen before, and every script and nonce attribute carries it. */
  toCarryFreshNonce(): Promise<R>
  /** The field named `path` is `aria-invalid` and its error text contains `message`. */
  toHaveFieldError(path: string, message?: string): Promise<R>
  /** The markup is safe under a strict CSP (`scanCspSafety`). */
  toBeCspSafe(options?: CspScanOptions): Promise<R>
  /** A task backend with `results` (the dummy backend) holds a task `name`, with `args` when given. */
  toHaveEnqueued(name: string, args?: readonly unknown[]): Promise<R>
}

type Implementation<M> = {
  [K in keyof M]: M[K] extends (...args: infer A) => unknown
    ? (received: unknown, ...args: A) => Promise<MatcherResult>
    : never
}

/** The implementations behind `HtmxMatchers`, for `expect.extend()`. */
export type HtmxMatcherFunctions = Implementation<HtmxMatchers>

const result = (pass: boolean, ifPass: string, ifFail: string): MatcherResult => ({
  pass,
  message: () => (pass ? ifPass : ifFail),
})

// A rejected promise rather than a throw, so `await expect(…).rejects` sees it either way.
function responseOf(received: unknown, matcher: string): Promise<Response> {
  return received instanceof Response
    ? Promise.resolve(received)
    : Promise.reject(new TypeError(`${matcher}(): expected a Response, got ${typeof received}.`))
}

const excerpt = (text: string): string =>
  JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text)

// Canonical JSON (sorted keys), so `{a, b}` and `{b, a}` compare equal.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner
  )
}

// HX-Trigger is a JSON object of name → detail, or a comma-separated list of names
// (docs/protocol.md §2.2); a list entry has no detail.
function parseTriggers(header: string): Map<string, unknown> {
  const out = new Map<string, unknown>()
  if (header.trimStart().startsWith('{')) {
    try {
      for (const [name, detail] of Object.entries(JSON.parse(header) as object)) {
        out.set(name, detail)
      }
    } catch {
      // not JSON: no triggers
    }
    return out
  }
  for (const name of header.split(',')) {
    if (name.trim() !== '') {
      out.set(name.trim(), undefined)
    }
  }
  return out
}

function locationPath(header: string): string | undefined {
  if (!header.startsWith('{')) {
    return header
  }
  try {
    const path: unknown = (JSON.parse(header) as { path?: unknown }).path
    return typeof path === 'string' ? path : undefined
  } catch {
    return undefined
  }
}

const seenNonces = new Set<string>()

async function fullPage(received: unknown): Promise<MatcherResult> {
  const body = await bodyOf(received)
  const names = new Set(parseElements(body).map((element) => element.name))
  const missing = [
    /^\s*<!doctype html/i.test(body) ? '' : '<!doctype html>',
    names.has('html') ? '' : '<html>',
    names.has('body') ? '' : '<body>',
  ].filter((part) => part !== '')
  return result(
    missing.length === 0,
    `expected a fragment, got a full page: ${excerpt(body)}`,
    `expected a full page, but ${missing.join(', ')} missing: ${excerpt(body)}`
  )
}

async function fragment(received: unknown, selector?: string): Promise<MatcherResult> {
  const body = await bodyOf(received)
  const elements = parseElements(body)
  const shell = elements.find((element) => ['html', 'head', 'body'].includes(element.name))
  const doctype = /<!doctype/i.test(body)
  if (shell !== undefined || doctype) {
    const what = doctype ? '<!doctype>' : `<${(shell as { name: string }).name}>`
    return result(false, '', `expected a fragment, but it has ${what}: ${excerpt(body)}`)
  }
  if (selector === undefined) {
    return result(true, `expected a full page, got a fragment: ${excerpt(body)}`, '')
  }
  const matches = compileSelector(selector)
  if (matches === null) {
    throw new TypeError(`toBeFragment(): unsupported selector "${selector}".`)
  }
  const first = elements[0]
  return result(
    first !== undefined && matches(first),
    `expected a fragment not rooted at ${selector}, got ${excerpt(body)}`,
    `expected a fragment rooted at ${selector}, got ${excerpt(body)}`
  )
}

async function varyOn(received: unknown, ...headers: string[]): Promise<MatcherResult> {
  const vary = (await responseOf(received, 'toVaryOn')).headers.get('Vary') ?? ''
  const listed = new Set(vary.split(',').map((name) => name.trim().toLowerCase()))
  const missing = headers.filter((name) => !listed.has('*') && !listed.has(name.toLowerCase()))
  return result(
    missing.length === 0,
    `expected Vary not to name ${headers.join(', ')}, got "${vary}"`,
    `expected Vary to name ${missing.join(', ')}, got "${vary}"`
  )
}

async function hxPartial(received: unknown, target: string): Promise<MatcherResult> {
  const blocks = parseElements(await bodyOf(received)).filter(
    (element) => element.name === 'hx-partial'
  )
  const targets = blocks.map((element) => element.attrs.get('hx-target') ?? '')
  return result(
    targets.includes(target),
    `expected no <hx-partial> for ${target}, found one`,
    `expected an <hx-partial> for ${target}, found ${targets.length === 0 ? 'none' : targets.join(', ')}`
  )
}

async function hxTrigger(
  received: unknown,
  name: string,
  ...detail: unknown[]
): Promise<MatcherResult> {
  const header = (await responseOf(received, 'toHaveHxTrigger')).headers.get('HX-Trigger') ?? ''
  const triggers = parseTriggers(header)
  const fired = triggers.has(name)
  const same = detail.length === 0 || canonical(triggers.get(name)) === canonical(detail[0])
  const wanted = detail.length === 0 ? name : `${name} with ${canonical(detail[0])}`
  return result(
    fired && same,
    `expected HX-Trigger not to fire ${wanted}, got "${header}"`,
    `expected HX-Trigger to fire ${wanted}, got "${header}"`
  )
}

async function redirectHtmx(received: unknown, location: string): Promise<MatcherResult> {
  const res = await responseOf(received, 'toRedirectHtmx')
  const hxLocation = res.headers.get('HX-Location')
  const hxRedirect = res.headers.get('HX-Redirect')
  const to = (hxLocation === null ? undefined : locationPath(hxLocation)) ?? hxRedirect
  // htmx ignores every header of a 3xx: fetch follows it first (docs/protocol.md §2.1)
  const ok = res.status >= 200 && res.status < 300 && to === location
  const got = `${String(res.status)}, HX-Location ${String(hxLocation)}, HX-Redirect ${String(hxRedirect)}, Location ${String(res.headers.get('Location'))}`
  return result(
    ok,
    `expected no htmx redirect to ${location}, got ${got}`,
    `expected a 2xx htmx redirect to ${location}, got ${got}`
  )
}

async function freshNonce(received: unknown): Promise<MatcherResult> {
  const res = await responseOf(received, 'toCarryFreshNonce')
  const nonce = nonceFromPolicy(res.headers.get('Content-Security-Policy'))
  if (nonce === undefined) {
    return result(false, '', 'expected a nonce in Content-Security-Policy, found none')
  }
  const repeated = seenNonces.has(nonce)
  seenNonces.add(nonce)
  const problems = parseElements(await res.clone().text()).flatMap((element) => {
    const carried = ['nonce', 'hx-nonce'].flatMap((name) => {
      const value = element.attrs.get(name)
      return value === undefined || value === nonce ? [] : [`<${element.name} ${name}="${value}">`]
    })
    const bare = element.name === 'script' && !element.attrs.has('nonce')
    return bare ? [...carried, '<script> without nonce'] : carried
  })
  if (repeated) {
    problems.unshift(`nonce ${nonce} was seen before`)
  }
  return result(
    problems.length === 0,
    `expected a stale or missing nonce, but ${nonce} is fresh and carried everywhere`,
    `expected a fresh nonce carried everywhere: ${problems.join('; ')}`
  )
}

async function fieldError(
  received: unknown,
  path: string,
  message?: string
): Promise<MatcherResult> {
  const body = await bodyOf(received)
  const elements = parseElements(body)
  const control = elements.find(
    (element) =>
      ['input', 'select', 'textarea'].includes(element.name) && element.attrs.get('name') === path
  )
  if (control === undefined) {
    return result(false, '', `expected a field named "${path}", found none`)
  }
  const id = control.attrs.get('id') ?? ''
  const errorElement = elements.find((element) => element.attrs.get('id') === `${id}-error`)
  // error messages are escaped, so the first end tag after the start tag closes the element
  const text =
    errorElement === undefined
      ? ''
      : decodeEntities(
          body
            .slice(errorElement.end, body.indexOf(`</${errorElement.name}>`, errorElement.end))
            .replace(/<[^>]*>/g, ' ')
        )
          .replace(/\s+/g, ' ')
          .trim()
  const invalid = control.attrs.get('aria-invalid') === 'true'
  const says = message === undefined ? text !== '' : text.includes(message)
  const wanted = message === undefined ? 'an error' : `the error "${message}"`
  return result(
    invalid && says,
    `expected "${path}" not to show ${wanted}, but it is invalid with "${text}"`,
    `expected "${path}" to show ${wanted}: aria-invalid ${control.attrs.get('aria-invalid') ?? 'absent'}, error text "${text}"`
  )
}

/**
 * The htmx-aware test matchers, for `expect.extend()` in Vitest (or Jest): `toBeFullPage`,
 * `toBeFragment`, `toVaryOn`, `toHaveHxPartial`, `toHaveHxTrigger`, `toRedirectHtmx`,
 * `toCarryFreshNonce`, `toHaveFieldError`, `toBeCspSafe` and `toHaveEnqueued`. Type them with
 * `interface Matchers<T> extends HtmxMatchers<T> {}` in a `declare module 'vitest'` block.
 *
 * @see docs/testing.md
 * @example
 * expect.extend(htmxMatchers)
 * await expect(await htmxRequest(app, '/orders')).toVaryOn('HX-Request')
 */
export const htmxMatchers: HtmxMatcherFunctions = {
  toBeFullPage: fullPage,
  toBeFragment: fragment,
  toVaryOn: varyOn,
  toHaveHxPartial: hxPartial,
  toHaveHxTrigger: hxTrigger,
  toRedirectHtmx: redirectHtmx,
  toCarryFreshNonce: freshNonce,
  toHaveFieldError: fieldError,
  toBeCspSafe: cspMatchers.toBeCspSafe,
  toHaveEnqueued,
}
