// What the guards need to answer a refusal, given once to sessions() and read per request.
import type { Context } from 'hono'
import type { Renderable } from '../html/index.ts'
import { checkKeys } from '../internal/options.ts'
import { toSafeSelector } from '../internal/selector.ts'

/** How a guard answers a signed-in user who lacks the role (403). */
export interface ForbiddenOptions {
  /**
   * Where htmx puts the error fragment (`HX-Retarget`): the page's alert region, so no fragment
   * target receives an error page.
   * @default '#alerts'
   */
  readonly target?: string | undefined
  /** The message shown. @default 'You do not have permission to do that.' */
  readonly message?: string | undefined
  /** The full error page for a request without htmx (403); default a minimal document. */
  readonly page?:
    ((c: Context, message: string) => Renderable | Response | Promise<Response>) | undefined
  /** The fragment htmx swaps into `target`; default a `role="alert"` paragraph. */
  readonly fragment?: ((c: Context, message: string) => Renderable) | undefined
}

/** The guard options of `sessions()`. */
export interface GuardOptions {
  /** Where signed-out users are sent, with `?next=` the page they were on. @default '/login' */
  readonly loginPath?: string | undefined
  /** How a forbidden action is answered. */
  readonly forbidden?: ForbiddenOptions | undefined
}

/** The resolved guard options, on the context as `authGuard`. */
export interface GuardConfig {
  readonly loginPath: string
  readonly target: string
  readonly message: string
  readonly page: ForbiddenOptions['page']
  readonly fragment: ForbiddenOptions['fragment']
}

/** Checks and resolves the guard options once, in `sessions()`. */
export function resolveGuardConfig(options: GuardOptions): GuardConfig {
  const forbidden = options.forbidden ?? {}
  checkKeys('sessions()', forbidden, ['target', 'message', 'page', 'fragment'], 'forbidden.')
  const loginPath = options.loginPath ?? '/login'
  if (typeof loginPath !== 'string' || !/^\/(?![/\\])[^?#\s]*$/.test(loginPath)) {
    throw new TypeError('sessions(): "loginPath" must be a path such as /login (no query)')
  }
  for (const name of ['page', 'fragment'] as const) {
    if (forbidden[name] !== undefined && typeof forbidden[name] !== 'function') {
      throw new TypeError(`sessions(): "forbidden.${name}" must be a function`)
    }
  }
  const message = forbidden.message ?? 'You do not have permission to do that.'
  if (typeof message !== 'string' || message === '') {
    throw new TypeError('sessions(): "forbidden.message" must be a non-empty string')
  }
  return {
    loginPath,
    target: toSafeSelector(forbidden.target ?? '#alerts', 'sessions()'),
    message,
    page: forbidden.page,
    fragment: forbidden.fragment,
  }
}
