// Answers an example route: a bare fragment for htmx, the whole example page for everyone else.
import type { Context } from 'hono'
import { render } from '../src/html/index.ts'
import type { Renderable, SafeHtml } from '../src/html/index.ts'
import { HTMX_REQUEST_HEADERS, getHtmx } from '../src/htmx/index.ts'

/**
 * True for an htmx request that swaps a fragment (not a boosted page, not a history restore).
 *
 * @param c - the hono context
 * @example
 * if (wantsFragment(c)) return fragment(c, row)
 */
export function wantsFragment(c: Context): boolean {
  const request = getHtmx(c)
  return request !== null && request.type === 'partial' && !request.historyRestore
}

/**
 * Sends markup as an HTML fragment: `Cache-Control: no-store` and `Vary` on the htmx headers,
 * since the same URL answers a page to a plain request.
 *
 * @param c - the hono context
 * @param markup - the fragment
 * @param [status=200] - the status
 * @example
 * return fragment(c, html`<tr>…</tr>`, 422)
 */
export async function fragment(c: Context, markup: Renderable, status = 200): Promise<Response> {
  c.header('Cache-Control', 'no-store')
  c.header('Vary', HTMX_REQUEST_HEADERS.join(', '))
  const body = await render(markup)
  return c.html(body.value, status as 200)
}

/**
 * A fragment for htmx, the whole page otherwise (JavaScript off, a new tab, a reload).
 *
 * @param c - the hono context
 * @param view - the example page
 * @param markup - the fragment htmx swaps
 * @param [status=200] - the status of either answer
 * @example
 * app.get('/click-to-edit/edit', (c) => fragmentOrPage(c, view, editBox()))
 */
export async function fragmentOrPage(
  c: Context,
  view: { renderPage: (c: Context) => Promise<SafeHtml> },
  markup: () => Renderable,
  status = 200
): Promise<Response> {
  if (wantsFragment(c)) {
    return fragment(c, markup(), status)
  }
  c.header('Vary', HTMX_REQUEST_HEADERS.join(', '))
  const body = await view.renderPage(c)
  return c.html(body.value, status as 200)
}
