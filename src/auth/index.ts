/** @module Authentication: sessions in a sealed cookie or a server-side store (SQLite, Redis), scrypt password hashing, rate limits, and htmx-aware `requireUser()` / `requireRole()` guards. */
import type { GuardConfig } from './guard-config.ts'
import type { AuthUser, SessionState } from './session.ts'

export { clientAddress } from '../internal/client-address.ts'
export type { ForbiddenOptions, GuardOptions } from './guard-config.ts'
export { requireRole, requireUser, safeReturnPath } from './guards.ts'
export { hashPassword, verifyPassword } from './password.ts'
export type { PasswordHashOptions } from './password.ts'
export { RedisUnavailable } from '../internal/redis.ts'
export type { RedisScripting } from '../internal/redis.ts'
export { memoryRateLimitStore, rateLimiter, sqliteRateLimitStore } from './rate-limit.ts'
export type {
  RateLimitState,
  RateLimitStore,
  RateLimiter,
  RateLimiterOptions,
} from './rate-limit.ts'
export { redisRateLimitStore } from './redis-rate-limit.ts'
export type { RedisRateLimitStoreOptions } from './redis-rate-limit.ts'
export { redisSessionStore } from './redis-store.ts'
export type { RedisSessionStoreOptions } from './redis-store.ts'
export { getUser, sessions } from './session.ts'
export type { AuthUser, SessionOptions, SessionState, Sessions } from './session.ts'
export { sqliteSessionStore } from './store.ts'
export type { SessionRecord, SessionStore } from './store.ts'

/** The variables the session middleware sets. */
export interface AuthVariables {
  /** The signed-in user, `null` when signed out; `undefined` without the session middleware. */
  authUser: AuthUser | null | undefined
  /** The request's session. */
  authSession: SessionState | undefined
  /** The guards' options, from `sessions()`. */
  authGuard: GuardConfig | undefined
}

declare module 'hono' {
  interface ContextVariableMap extends AuthVariables {}
}
