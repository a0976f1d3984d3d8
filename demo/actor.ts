// Who the activity log names for a change: the signed-in user of the request.
import type { Context } from 'hono'
import type { DemoUser } from './users.ts'

/**
 * The name of the request's signed-in user, for activity entries; `'anonymous'` only where no
 * guard runs (an app without sign-in, as some tests build).
 *
 * @param c - the request's context, after the session middleware
 * @example
 * store().setStatus(order.id, 'shipped', actorOf(c))
 */
export function actorOf(c: Context): string {
  const user = c.get('authUser') as DemoUser | null | undefined
  return user?.name ?? 'anonymous'
}
