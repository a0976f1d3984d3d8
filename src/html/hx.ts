import { assertSafeUrl } from '../internal/markup-policy.ts'
import { checkKeys } from '../internal/options.ts'
import { serializeSwap } from '../internal/swap.ts'
import { escapeHtml, escapeSingleQuoted } from './escape.ts'
import { headersJson, scalarRecord } from './hx-json.ts'
import { nonceAttribute } from './hx-nonce.ts'
import type { HxOptions } from './hx-types.ts'
import { SafeHtml } from './safe-html.ts'

type Options = Readonly<Record<string, unknown>>
type Render = (value: unknown, options: Options) => string | undefined

function text(option: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw new TypeError(`hx(): ${option} must be a string`)
  }
  return value
}

const str =
  (option: string): Render =>
  (value) =>
    value === undefined ? undefined : text(option, value)

const url =
  (option: string): Render =>
  (value) => {
    if (value === undefined) {
      return undefined
    }
    assertSafeUrl('hx()', option, text(option, value))
    return value as string
  }

const bool =
  (option: string, orUrl: boolean): Render =>
  (value) => {
    if (typeof value === 'boolean') {
      return String(value)
    }
    if (orUrl) {
      return url(option)(value, {})
    }
    if (value !== undefined) {
      throw new TypeError(`hx(): ${option} must be a boolean`)
    }
    return undefined
  }

const target: Render = (value) => {
  if (value === undefined || typeof value === 'string') {
    return value
  }
  const selector: unknown =
    typeof value === 'object' && value !== null && 'selector' in value ? value.selector : undefined
  return text('target (a selector or a partial)', selector)
}

const swap: Render = (value, options) => {
  if (value !== undefined) {
    return serializeSwap(value, 4, 'hx()')
  }
  return typeof options['target'] === 'object' ? 'outerHTML' : undefined
}

const encoding: Render = (value) => {
  if (value !== undefined && value !== 'multipart/form-data') {
    throw new TypeError("hx(): encoding must be 'multipart/form-data'")
  }
  return value
}

const vals: Render = (value) =>
  value === undefined ? undefined : JSON.stringify(scalarRecord('vals', value))

const headers: Render = (value, options) => headersJson(value, options['partial'])

// [option, attribute, render, single-quoted JSON]: the order attributes are written in.
const FIELDS: readonly (readonly [string, string, Render, boolean])[] = [
  ['get', 'hx-get', url('get'), false],
  ['post', 'hx-post', url('post'), false],
  ['put', 'hx-put', url('put'), false],
  ['patch', 'hx-patch', url('patch'), false],
  ['delete', 'hx-delete', url('delete'), false],
  ['query', 'hx-query', url('query'), false],
  ['target', 'hx-target', target, false],
  ['swap', 'hx-swap', swap, false],
  ['select', 'hx-select', str('select'), false],
  ['selectOob', 'hx-select-oob', str('selectOob'), false],
  ['trigger', 'hx-trigger', str('trigger'), false],
  ['pushUrl', 'hx-push-url', bool('pushUrl', true), false],
  ['replaceUrl', 'hx-replace-url', bool('replaceUrl', true), false],
  ['vals', 'hx-vals', vals, true],
  ['headers', 'hx-headers', headers, true],
  ['partial', '', () => undefined, false],
  ['include', 'hx-include', str('include'), false],
  ['indicator', 'hx-indicator', str('indicator'), false],
  ['disable', 'hx-disable', str('disable'), false],
  ['confirm', 'hx-confirm', url('confirm'), false],
  ['sync', 'hx-sync', str('sync'), false],
  ['encoding', 'hx-encoding', encoding, false],
  ['boost', 'hx-boost', bool('boost', false), false],
  ['status', '', () => undefined, false],
]

const VERBS_AND_TRIGGER = new Set(['get', 'post', 'put', 'patch', 'delete', 'query', 'trigger'])
const APPENDABLE = new Set([
  'vals',
  'headers',
  'partial',
  'include',
  'indicator',
  'disable',
  'selectOob',
])
const ALL: readonly string[] = [...FIELDS.map(([option]) => option), 'inherited', 'append']
const INHERITABLE: readonly string[] = ALL.filter(
  (o) => !VERBS_AND_TRIGGER.has(o) && o !== 'inherited' && o !== 'append'
)
const APPENDABLE_LIST: readonly string[] = [...APPENDABLE]
const STATUS = /^[1-5](?:\d\d|\dx|xx)$/

function statusAttributes(status: unknown, suffix: string): string {
  if (status === undefined) {
    return ''
  }
  if (status === null || typeof status !== 'object') {
    throw new TypeError('hx(): status must be an object')
  }
  let out = ''
  for (const pattern of Object.keys(status).sort()) {
    if (!STATUS.test(pattern)) {
      throw new TypeError(`hx(): invalid status pattern "${pattern}" (use 422, '42x' or '4xx')`)
    }
    const value = (status as Options)[pattern]
    if (value !== undefined) {
      out += ` hx-status:${pattern}${suffix}="${escapeHtml(text(`status[${pattern}]`, value))}"`
    }
  }
  return out
}

// Field positions by option; `target` also decides the default `hx-swap`, and `partial` writes
// into `hx-headers`, so either brings that field along.
const POSITION = new Map(FIELDS.map(([option], i) => [option, i]))
const ALSO: Readonly<Record<string, number>> = {
  target: POSITION.get('swap') as number,
  partial: POSITION.get('headers') as number,
}

// The fields to render, in FIELDS order: only those the options name (a link names two or three
// of the 24), so a build costs what it writes.
function fieldsOf(options: Options): number[] {
  const at: number[] = []
  for (const option of Object.keys(options)) {
    const i = POSITION.get(option)
    if (i !== undefined && options[option] !== undefined) {
      at.push(i)
      const also = ALSO[option]
      if (also !== undefined) {
        at.push(also)
      }
    }
  }
  return at.sort((a, b) => a - b)
}

function group(options: Options, suffix: string): string {
  let out = ''
  let last = -1
  for (const i of fieldsOf(options)) {
    if (i === last) {
      continue
    }
    last = i
    const [option, name, render, json] = FIELDS[i] as (typeof FIELDS)[number]
    const value = render(options[option], options)
    if (value !== undefined) {
      out += json
        ? ` ${name}${suffix}='${escapeSingleQuoted(value)}'`
        : ` ${name}${suffix}="${escapeHtml(value)}"`
    }
  }
  return out + statusAttributes(options['status'], suffix)
}

/**
 * Builds htmx 4 attributes from a typed object: names as htmx 4 spells them, values escaped,
 * `hx-vals`/`hx-headers` as single-quoted JSON of scalars, script URLs (`js:`, `javascript:`…)
 * refused with a TypeError, attributes in a fixed order whatever the key order.
 *
 * `target` takes a selector or a partial (then `hx-swap` defaults to `outerHTML`); `partial`
 * adds `HX-Partial` to `hx-headers`; `inherited: {…}` and `append: {…}` render the same options
 * with the `:inherited` and `:append` suffixes. Inside a request under `csp()`, the attributes
 * end with `hx-nonce="<this response's nonce>"`, which htmx 4's `hx-csp` extension requires.
 *
 * @param options - the htmx options
 * @returns the attributes as `SafeHtml`, each with a leading space
 * @see docs/html.md
 * @example
 * html`<a href="${next}"${hx({ get: next, target: orders, pushUrl: true })}>Next</a>`
 * // <a href="/orders?page=2" hx-get="/orders?page=2" hx-target="#orders" hx-swap="outerHTML" hx-push-url="true">Next</a>
 */
export function hx(options: HxOptions): SafeHtml {
  const all = options as Options
  checkKeys('hx()', all, ALL)
  let out = group(all, '')
  if (options.inherited !== undefined) {
    checkKeys('hx()', options.inherited, INHERITABLE, 'inherited.')
    out += group(options.inherited as Options, ':inherited')
  }
  if (options.append !== undefined) {
    checkKeys('hx()', options.append, APPENDABLE_LIST, 'append.')
    out += group(options.append, ':append')
  }
  return new SafeHtml(out === '' ? out : out + nonceAttribute())
}
