import type { Context } from 'hono'
import { LIVE_PARAM } from './body.ts'

const ID = /^[A-Za-z][\w-]*$/
const SYNC = ['this:replace', 'this:queue last', 'this:drop']

/** Checks the options once, in the factory; returns the form id. */
export function checkOptions(options: {
  readonly id?: string | undefined
  readonly liveSwap?: string | undefined
  readonly liveSync?: string | undefined
  readonly htmx2Status?: number | undefined
}): string {
  const id = options.id ?? 'form'
  if (!ID.test(id)) {
    throw new TypeError(`form(): "id" must match ${String(ID)}, got ${JSON.stringify(id)}`)
  }
  if (options.liveSwap !== undefined && !['outerMorph', 'outerHTML'].includes(options.liveSwap)) {
    throw new TypeError('form(): "liveSwap" must be one of outerMorph, outerHTML')
  }
  if (options.liveSync !== undefined && !SYNC.includes(options.liveSync)) {
    throw new TypeError(`form(): "liveSync" must be one of ${SYNC.join(', ')}`)
  }
  if (options.htmx2Status !== undefined && ![200, 422].includes(options.htmx2Status)) {
    throw new TypeError('form(): "htmx2Status" must be one of 200, 422')
  }
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
