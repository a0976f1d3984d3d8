import { nonceFromPolicy } from '../internal/render-nonce.ts'
import type { NamedPartial } from '../partials/index.ts'
import { findElementById } from './extract.ts'

/** The parity of one partial: its fragment response and the matching subtree of the full page. */
export interface PartialParity {
  /** The partial's name. */
  name: string
  /** `true` when the subtree exists and equals the fragment exactly. */
  ok: boolean
  /** The body of the partial response. */
  partial: string
  /** The element with the partial's id in the full page, or `null` when it is missing. */
  subtree: string | null
}

/** Anything with hono's `app.request()`. */
export interface RequestableApp {
  request(input: string, init?: RequestInit): Response | Promise<Response>
}

// Under csp() every response has its own nonce (in `hx-nonce` and `nonce` attributes): compare
// the markup with each response's nonce replaced by the same placeholder.
async function bodyWithoutNonce(res: Response): Promise<string> {
  const body = await res.text()
  const nonce = nonceFromPolicy(res.headers.get('Content-Security-Policy'))
  return nonce === undefined ? body : body.replaceAll(`="${nonce}"`, '="{nonce}"')
}

/**
 * Checks that every partial of a page, requested as a fragment, equals the element with its id in
 * the full page (page/fragment parity). For tests: assert that every entry is `ok`.
 *
 * Requests `path` once without htmx headers, then once per partial as an htmx 4 partial request
 * (`HX-Request: true`, `HX-Request-Type: partial`, `HX-Target: <tag>#<id>`). Each response's
 * CSP nonce (under `csp()`) is replaced by `{nonce}` before comparing.
 *
 * @param app - the hono app (or anything with `request()`)
 * @param path - the page's path, with any query
 * @param page - the page (only its `partials` are read)
 * @returns one entry per declared partial, in declaration order
 * @see docs/views.md
 * @example
 * const parity = await checkPartialParity(app, '/orders?page=2', ordersPage)
 * expect(parity.filter((p) => !p.ok)).toEqual([])
 */
export async function checkPartialParity(
  app: RequestableApp,
  path: string,
  page: { readonly partials: Readonly<Record<string, NamedPartial>> }
): Promise<PartialParity[]> {
  const full = await bodyWithoutNonce(await app.request(path))
  const parts = Object.values(page.partials)
  return Promise.all(
    parts.map(async (part): Promise<PartialParity> => {
      const found = findElementById(full, part.id)
      // The wrapper's tag, as htmx 4 reports it; when the element is missing parity fails anyway.
      const tag = found?.tag ?? 'div'
      const subtree = found?.markup ?? null
      const res = await app.request(path, {
        headers: {
          'HX-Request': 'true',
          'HX-Request-Type': 'partial',
          'HX-Target': `${tag}#${encodeURI(part.id)}`,
        },
      })
      const partial = await bodyWithoutNonce(res)
      const ok = res.ok && subtree !== null && subtree === partial
      return { name: part.name, ok, partial, subtree }
    })
  )
}
