// The fields of a small posted form (an action button's hidden inputs), read with hono's
// parseBody; a malformed body is the sender's mistake, answered 400 and never a 500.
import type { Context } from 'hono'
import { FormDecodeError } from '../src/forms/index.ts'

/**
 * The request's urlencoded or multipart fields; `all` keeps repeated names as arrays. A body that
 * does not parse (a multipart body without its boundary, say) throws a 400 `FormDecodeError`, so
 * the caller reads the body before it changes anything.
 *
 * @param c - the request's context
 * @param all - keep every value of a repeated name
 * @example
 * const form = await postedFields(c)
 * const fromList = form['from'] !== 'detail'
 */
export async function postedFields(
  c: Context,
  all = false
): Promise<Record<string, string | File | (string | File)[]>> {
  try {
    return await c.req.parseBody({ all })
  } catch {
    throw new FormDecodeError('malformed', 'The form could not be read: its body is malformed.')
  }
}
