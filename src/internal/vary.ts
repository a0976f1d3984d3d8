// The one `Vary` merge of the kit: pages, fragments, redirects and form responses add the request
// headers their answer depends on (docs/protocol.md §1.5); and the one way to edit the headers of
// a response that may be immutable.
import type { Context } from 'hono'
import type { HeaderTarget } from './fast-response.ts'

/** Merges header-list values case-insensitively, keeping the first spelling and `*` alone. */
export function mergeVary(existing: string | null, add: readonly string[]): string {
  const out: string[] = []
  const seen = new Set<string>()
  for (const token of [...(existing ?? '').split(','), ...add]) {
    const name = token.trim()
    const key = name.toLowerCase()
    if (name !== '' && !seen.has(key)) {
      seen.add(key)
      out.push(name)
    }
  }
  return seen.has('*') ? '*' : out.join(', ')
}

// The kit adds the same few lists to responses that mostly have no Vary yet: merged once per list.
const alone = new WeakMap<readonly string[], string>()

/** Adds `names` to the `Vary` header of `headers`, keeping what is there. */
export function addVary(headers: HeaderTarget, names: readonly string[]): void {
  const existing = headers.get('Vary')
  if (existing !== null) {
    headers.set('Vary', mergeVary(existing, names))
    return
  }
  let value = alone.get(names)
  if (value === undefined) {
    value = mergeVary(null, names)
    alone.set(names, value)
  }
  headers.set('Vary', value)
}

/**
 * Applies `edit` to the response's headers and returns the response; when its headers are
 * immutable (a `fetch()` response passed through by a proxy route), to a copy sharing its body.
 */
export function editHeaders(res: Response, edit: (headers: Headers) => void): Response {
  try {
    edit(res.headers)
    return res
  } catch (error) {
    if (!(error instanceof TypeError)) {
      throw error
    }
    const copy = new Response(res.body, res)
    edit(copy.headers)
    return copy
  }
}

/**
 * Applies `edit` to the headers of `c.res` in place; only when they are immutable is `c.res`
 * replaced by an edited copy (cleared first: hono copies the old response's headers into a new
 * one, which would undo the edit). Assigning `c.res` always would copy every response.
 */
export function editResponseHeaders(c: Context, edit: (headers: Headers) => void): void {
  const edited = editHeaders(c.res, edit)
  if (edited !== c.res) {
    c.res = undefined
    c.res = edited
  }
}
