// Guards for a group of pages (`/tasks/*`, `/orders/*`): the group's module says which of its
// requests change something, the app says who may read and who may change.
import type { Context, Hono, MiddlewareHandler } from 'hono'

/** Who may open a group's pages and who may change something there. */
export interface GroupGuards {
  /** Reads (the app passes `requireRole('viewer')`). */
  readonly read: MiddlewareHandler
  /** Changes, and the GETs that open one (the app passes `requireRole('operator')`). */
  readonly change: MiddlewareHandler
}

/** A static file's path: a dot in the last segment. No page or action path has one. */
export const FILE_PATH = /\.[^/]*$/

/**
 * `true` for GET and HEAD.
 *
 * @param c - the request's context
 * @example
 * guardGroup(app, '/tasks', guards, (c) => !isRead(c))
 */
export const isRead = (c: Context): boolean => c.req.method === 'GET' || c.req.method === 'HEAD'

/**
 * Mounts the group's guard on `prefix` and `prefix/*`, before the group's routes: `changes(c)`
 * picks `guards.change`, else `guards.read`. A file-like path there, which the session
 * middleware skipped, is no page of the group: 404, never the guard without a session. Without
 * `guards` nothing is mounted (anyone may, as tests of a module alone want).
 *
 * @param app - the app
 * @param prefix - the group's path, such as `/orders`
 * @param guards - the app's read and change guards
 * @param changes - whether a request changes something (or opens a change)
 * @example
 * guardGroup(app, '/tasks', deps.guards, (c) => !isRead(c))
 */
export function guardGroup(
  app: Hono,
  prefix: string,
  guards: GroupGuards | undefined,
  changes: (c: Context) => boolean
): void {
  if (guards === undefined) {
    return
  }
  const guard: MiddlewareHandler = async function guardedGroup(c, next) {
    if (FILE_PATH.test(c.req.path)) {
      return c.notFound()
    }
    return (changes(c) ? guards.change : guards.read)(c, next)
  }
  app.use(prefix, guard)
  app.use(`${prefix}/*`, guard)
}
