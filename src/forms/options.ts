import type { Context } from 'hono'
import { LIVE_PARAM } from './body.ts'

const ID = /^[A-Za-z][\w-]*$/
const SWAPS: readonly string[] = ['outerMorph', 'outerHTML']
const SYNCS: readonly string[] = ['this:replace', 'this:queue last', 'this:drop']

/** The keys `form()` accepts. */
export const FORM_OPTIONS: readonly string[] = [
  'id',
  'action',
  'messages',
  'message',
  'limits',
  'live',
  'liveSwap',
  'liveTrigger',
  'liveSync',
  'htmx2Status',
  'jsonSchema',
]

/**
 * Refuses keys that are not options (a misspelt `lable` would be ignored otherwise), naming
 * the key: `field(): "lable" must be a known option: label, type, …`.
 */
export function checkKeys(
  fn: string,
  given: object | undefined,
  known: readonly string[],
  prefix = ''
): void {
  for (const key of Object.keys(given ?? {})) {
    if (!known.includes(key)) {
      throw new TypeError(`${fn}: "${prefix}${key}" must be a known option: ${known.join(', ')}`)
    }
  }
}

/** Refuses a value outside a list: `form(): "liveSwap" must be one of outerMorph, outerHTML`. */
export function checkOneOf(
  fn: string,
  name: string,
  value: unknown,
  allowed: readonly unknown[]
): void {
  if (value !== undefined && !allowed.includes(value)) {
    throw new TypeError(`${fn}: "${name}" must be one of ${allowed.map(String).join(', ')}`)
  }
}

/** Checks the options once, in the factory; returns the form id. */
export function checkOptions(options: {
  readonly id?: string | undefined
  readonly liveSwap?: string | undefined
  readonly liveSync?: string | undefined
  readonly htmx2Status?: number | undefined
}): string {
  checkKeys('form()', options, FORM_OPTIONS)
  const id = options.id ?? 'form'
  if (!ID.test(id)) {
    throw new TypeError(`form(): "id" must match ${String(ID)}, got ${JSON.stringify(id)}`)
  }
  checkOneOf('form()', 'liveSwap', options.liveSwap, SWAPS)
  checkOneOf('form()', 'liveSync', options.liveSync, SYNCS)
  checkOneOf('form()', 'htmx2Status', options.htmx2Status, [200, 422])
  return id
}

/**
 * The URL a submit came to, as the action of the re-rendered form: path and query without the
 * live marker, leading slashes collapsed so `//evil.example` never becomes a form action.
 */
export function actionOf(c: Context): string {
  const url = new URL(c.req.url)
  url.searchParams.delete(LIVE_PARAM)
  const path = `/${url.pathname.replace(/^[/\\]+/, '')}`
  return url.search === '' ? path : `${path}${url.search}`
}
