import { classNames } from './class-names.ts'
import type { ClassValue } from './class-names.ts'
import { escapeHtml } from './escape.ts'
import { SafeHtml } from './safe-html.ts'
import { assertSafeUrl } from './url.ts'

/** The value of one attribute: `true` → bare attribute, `false`/`null`/`undefined` → omitted. */
export type AttrValue = string | number | bigint | boolean | null | undefined

/**
 * The object `attrs()` takes: attribute name → value; `class` may also be a list or an object.
 *
 * @see docs/html.md
 * @example
 * const a: Attributes = { id: 'x', hidden: true, class: ['btn', { active }] }
 */
export interface Attributes {
  readonly class?: ClassValue
  readonly [name: string]: AttrValue | ClassValue
}

// Letters, digits, `_ . - : @`; starting with a letter, `_`, `:` or `@` (htmx and Alpine names).
const NAME = /^[A-Za-z_:@][\w.:@-]*$/
const EVENT_HANDLER = /^(?:on|(?:data-)?hx-on)/i

/** Attributes whose value is a URL (or that htmx evaluates after a `js:` prefix). */
const URL_ATTRIBUTES = new Set([
  'href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'cite', 'background', 'data',
  'ping', 'manifest', 'codebase', 'longdesc', 'usemap', 'icon', 'lowsrc', 'dynsrc', 'archive',
  'classid', 'profile', 'hx-get', 'hx-post', 'hx-put', 'hx-patch', 'hx-delete', 'hx-query',
  'hx-action', 'hx-push-url', 'hx-replace-url', 'hx-vals', 'hx-headers', 'hx-confirm',
]) // prettier-ignore

/** Throws a TypeError when `name` is not a safe attribute name or is refused by the strict CSP. */
export function checkAttributeName(caller: string, name: string): void {
  if (!NAME.test(name)) {
    throw new TypeError(`${caller}: invalid attribute name ${JSON.stringify(name.slice(0, 40))}`)
  }
  const lower = name.toLowerCase()
  if (EVENT_HANDLER.test(lower) && lower !== 'open') {
    throw new TypeError(
      `${caller}: refusing "${name}": inline event handlers are blocked by the strict CSP (attach behaviour from a script file)`
    )
  }
  if (lower === 'style') {
    throw new TypeError(
      `${caller}: refusing "style": inline styles are blocked by the strict CSP (use a class)`
    )
  }
  if (lower === 'srcdoc') {
    throw new TypeError(`${caller}: refusing "srcdoc": its value is parsed as a whole document`)
  }
}

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

function attribute(name: string, value: unknown): string {
  if (value === true) {
    return ` ${name}`
  }
  if (value === false || value === null || value === undefined) {
    return ''
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    return ` ${name}="${String(value)}"`
  }
  if (typeof value !== 'string') {
    throw new TypeError(`attrs: the value of "${name}" must be a string, number or boolean`)
  }
  if (isUrlAttribute(name)) {
    assertSafeUrl('attrs', name, value)
  }
  return ` ${name}="${escapeHtml(value)}"`
}

/**
 * Builds HTML attributes from an object, each with a leading space, values escaped.
 *
 * `true` renders a bare attribute, `false`, `null` and `undefined` omit it, numbers render as
 * text. `class` also takes a list or an object of conditional classes (like clsx). Refused with a
 * TypeError: names outside `[A-Za-z_:@][A-Za-z0-9_.:@-]*`, `on*` and `hx-on*` handlers, `style`,
 * `srcdoc`, and `javascript:`/`js:`/`vbscript:`/`data:text/html` values of URL attributes.
 *
 * @param input - attribute name → value, rendered in the object's key order
 * @returns the attributes as `SafeHtml`, e.g. ` id="a" hidden`
 * @see docs/html.md
 * @example
 * html`<button${attrs({ type: 'submit', class: ['btn', { primary: isMain }], disabled: busy })}>Go</button>`
 */
export function attrs(input: Attributes): SafeHtml {
  let out = ''
  for (const name of Object.keys(input)) {
    checkAttributeName('attrs', name)
    let value: unknown = input[name]
    if (name === 'class' && value !== null && typeof value === 'object') {
      value = classNames(value as ClassValue) || undefined
    }
    out += attribute(name, value)
  }
  return new SafeHtml(out)
}
