import type { Context } from 'hono'
import type { UnofficialStatusCode } from 'hono/utils/http-status'
import { render } from '../html/index.ts'
import type { HtmlValue } from '../html/index.ts'
import { HX_RESWAP } from './headers.ts'

/**
 * Ends an `every` poll for both htmx versions: answers with the element's final markup (written
 * without its `hx-trigger`/`hx-get`), `HX-Reswap: outerHTML` and status 286.
 *
 * htmx 4 gives 286 no meaning and swaps it like 200; its poll stops because the polling element is
 * replaced by one without polling attributes. htmx 2 stops on the 286 itself
 * (docs/protocol.md §2.3).
 *
 * @param c - the hono context
 * @param markup - the final element (plain strings are escaped, as in `html`)
 * @returns the 286 response
 * @see docs/htmx.md
 * @example
 * if (job.done) return stopPolling(c, html`<div id="job">Done: ${job.result}</div>`)
 */
export async function stopPolling(c: Context, markup: HtmlValue): Promise<Response> {
  const body = await render(markup)
  c.header(HX_RESWAP, 'outerHTML')
  c.header('Content-Type', 'text/html; charset=UTF-8')
  // 286 is outside hono's StatusCode union; hono documents this cast for unofficial codes
  return c.body(body.value, 286 as UnofficialStatusCode)
}
