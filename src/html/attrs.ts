import { assertSafeUrl, isUrlAttribute, refusedAttribute } from '../internal/markup-policy.ts'
import type { RefusedAttribute } from '../internal/markup-policy.ts'
import { classNames } from './class-names.ts'
import type { ClassValue } from './class-names.ts'
import { escapeHtml } from './escape.ts'
import { SafeHtml } from './safe-html.ts'

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

const REFUSALS: Readonly<Record<RefusedAttribute, string>> = {
  'inline-handler':
    'inline event handlers are blocked by the strict CSP (attach behaviour from a script file)',
  'hx-on':
    'inline event handlers are blocked by the strict CSP (attach behaviour from a script file)',
  'style-attribute': 'inline styles are blocked by the strict CSP (use a class)',
  srcdoc: 'its value is parsed as a whole document',
}

/** Throws a TypeError when `name` is not a safe attribute name or is refused by the strict CSP. */
export function checkAttributeName(caller: string, name: string): void {
  if (!NAME.test(name)) {
    throw new TypeError(`${caller}: invalid attribute name ${JSON.stringify(name.slice(0, 40))}`)
  }
  const refused = refusedAttribute(name.toLowerCase())
  if (refused !== null) {
    throw new TypeError(`${caller}: refusing "${name}": ${REFUSALS[refused]}`)
  }
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
    throw new TypeError(`attrs(): the value of "${name}" must be a string, number or boolean`)
  }
  if (isUrlAttribute(name)) {
    assertSafeUrl('attrs()', name, value)
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
    checkAttributeName('attrs()', name)
    let value: unknown = input[name]
    if (name === 'class' && value !== null && typeof value === 'object') {
      value = classNames(value as ClassValue) || undefined
    }
    out += attribute(name, value)
  }
  return new SafeHtml(out)
}
