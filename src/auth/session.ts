// Sessions in a sealed cookie (default) or a server-side store, with absolute and idle expiry.
import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, generateCookie, getCookie, setCookie } from 'hono/cookie'
import type { CookieOptions } from 'hono/utils/cookie'
import { randomBytes } from 'node:crypto'
import { checkKeys } from '../internal/options.ts'
import { RedisUnavailable } from '../internal/redis.ts'
import { signer } from '../internal/sign.ts'
import { isThenable } from '../internal/thenable.ts'
import { resolveGuardConfig } from './guard-config.ts'
import type { GuardConfig, GuardOptions } from './guard-config.ts'
import { createSealer } from './seal.ts'
import type { SessionRecord, SessionStore } from './store.ts'

/** The signed-in user as the guards see it: an id and its roles. Apps extend it. */
export interface AuthUser {
  readonly id: string
  readonly roles: readonly string[]
}

/** Options of `sessions()`. */
export interface SessionOptions<U extends AuthUser = AuthUser> extends GuardOptions {
  /**
   * The secret the cookie is sealed (or signed) with: at least 32 characters. A list rotates
   * secrets: the first seals new cookies, every one opens old ones.
   */
  readonly secret: string | readonly string[]
  /**
   * Loads the user of a session on each request (so a changed role or a removed account counts
   * at once); `null` ends the session.
   */
  readonly loadUser: (
    userId: string,
    c: Context
  ) => U | null | undefined | Promise<U | null | undefined>
  /**
   * Where sessions live: `'cookie'` (sealed in the cookie, nothing on the server; ends only by
   * expiry or a new secret) or a `SessionStore` (`sqliteSessionStore(db)`,
   * `redisSessionStore({ connection })`: revocable).
   * @default 'cookie'
   */
  readonly store?: 'cookie' | SessionStore | undefined
  /** The cookie's name. @default '__Host-hxkit_session' with `secure: true`, else 'hxkit_session' */
  readonly cookieName?: string | undefined
  /**
   * The cookie's `Secure` flag: `'auto'` sets it when the request URL is https. Behind a proxy
   * that terminates TLS the app sees http: set `true`.
   * @default 'auto'
   */
  readonly secure?: boolean | 'auto' | undefined
  /** Absolute lifetime in seconds from sign-in. @default 28_800 (8 hours) */
  readonly maxAge?: number | undefined
  /** Idle lifetime in seconds since the last request. @default 1_800 (30 minutes) */
  readonly idleTimeout?: number | undefined
}

/** What `sessions()` returns: the middleware and the sign-in and sign-out steps. */
export interface Sessions {
  /** Reads the session of each request into `c.var.user` (`null` when signed out). */
  readonly middleware: MiddlewareHandler
  /** Signs `userId` in: a new session id (the old session, if any, is ended) and its cookie. */
  login(c: Context, userId: string): Promise<void>
  /**
   * Ends the request's session and deletes its cookie; throws `RedisUnavailable` (the cookie
   * kept) when the store cannot answer.
   */
  logout(c: Context): Promise<void>
  /**
   * Ends every session of a user (server-side store only; the cookie store returns 0); throws
   * `RedisUnavailable` when the store cannot answer.
   */
  revokeUser(userId: string): Promise<number>
  /** A `Cookie` header value signing `userId` in, for tests and scripts: `name=value`. */
  sessionCookie(userId: string): Promise<string>
}

/** The request's session state, set by the middleware. */
export interface SessionState {
  record: SessionRecord | null
  /**
   * Why the request has no session although it sent a cookie; `'unavailable'`: the store could
   * not answer (the guards answer 503, the cookie is kept).
   */
  readonly ended: 'expired' | 'invalid' | 'unavailable' | null
}

const SECONDS = 1000
// hono refuses a cookie Max-Age over 400 days
const MAX_SECONDS = 400 * 86_400
const KEYS = [
  'secret',
  'loadUser',
  'store',
  'cookieName',
  'secure',
  'maxAge',
  'idleTimeout',
  'loginPath',
  'forbidden',
]

function checkSecrets(secret: unknown): readonly string[] {
  const list: unknown[] = Array.isArray(secret) ? secret : [secret]
  if (list.length === 0 || !list.every((s) => typeof s === 'string' && s.length >= 32)) {
    throw new TypeError(
      'sessions(): "secret" must be a string of at least 32 characters, or a list of them'
    )
  }
  return list as string[]
}

function seconds(value: unknown, name: string, fallback: number): number {
  if (value === undefined) {
    return fallback
  }
  if (!Number.isSafeInteger(value) || (value as number) <= 0 || (value as number) > MAX_SECONDS) {
    throw new TypeError(
      `sessions(): "${name}" must be a whole number of seconds from 1 to 400 days`
    )
  }
  return value as number
}

function isStore(value: unknown): value is SessionStore {
  return (
    typeof value === 'object' &&
    value !== null &&
    ['get', 'set', 'delete', 'deleteUser'].every(
      (name) => typeof (value as Record<string, unknown>)[name] === 'function'
    )
  )
}

function cookieNameOf(options: SessionOptions): string {
  const name =
    options.cookieName ?? (options.secure === true ? '__Host-hxkit_session' : 'hxkit_session')
  if (!/^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/.test(name)) {
    throw new TypeError('sessions(): "cookieName" must be a cookie token (letters, digits, - _ .)')
  }
  if (/^__(Host|Secure)-/.test(name) && options.secure !== true) {
    throw new TypeError(`sessions(): the cookie name "${name}" needs secure: true`)
  }
  return name
}

function parseRecord(text: string | null): SessionRecord | null {
  if (text === null) {
    return null
  }
  try {
    const value = JSON.parse(text) as Record<string, unknown>
    const { id, userId, createdAt, lastSeenAt } = value
    return typeof id === 'string' &&
      typeof userId === 'string' &&
      typeof createdAt === 'number' &&
      typeof lastSeenAt === 'number'
      ? { id, userId, createdAt, lastSeenAt }
      : null
  } catch {
    return null
  }
}

const newId = (): string => randomBytes(32).toString('base64url')

// `name=value; Path=/; …` → `name=value`, as a Cookie request header carries it
const pair = (setCookieValue: string): string => setCookieValue.split(';')[0] as string

/**
 * Sessions for a hono app: who is signed in, in an HttpOnly, SameSite=Lax cookie (Secure over
 * https) that is sealed with AES-256-GCM by default, or holds only a signed id when a
 * server-side `store` is given (revocable sessions). Each session ends after `maxAge` seconds and
 * after `idleTimeout` seconds without a request. `login()` always starts a new session id.
 * The middleware sets `c.var.user`; `requireUser()` and `requireRole()` read it.
 *
 * @param options - `secret`, `loadUser`, `store`, cookie and lifetime options, guard options
 * @returns the middleware, `login`, `logout`, `revokeUser` and `sessionCookie`
 * @throws TypeError at startup for a short secret, an unknown option or a bad value
 * @see docs/auth.md
 * @example
 * const auth = sessions({ secret: process.env.SESSION_SECRET, loadUser: (id) => users.find(id) })
 * app.use(auth.middleware)
 * app.get('/admin', requireRole('admin'), (c) => c.text(`Hello ${getUser(c)?.id}`))
 */
export function sessions<U extends AuthUser>(options: SessionOptions<U>): Sessions {
  checkKeys('sessions()', options, KEYS)
  const secrets = checkSecrets(options.secret)
  if (typeof (options.loadUser as unknown) !== 'function') {
    throw new TypeError('sessions(): "loadUser" must be a function of a user id')
  }
  const storeOption: unknown = options.store ?? 'cookie'
  if (storeOption !== 'cookie' && !isStore(storeOption)) {
    throw new TypeError(
      'sessions(): "store" must be \'cookie\' or a SessionStore (get, set, delete, deleteUser)'
    )
  }
  const store = storeOption === 'cookie' ? null : storeOption
  const secure: unknown = options.secure ?? 'auto'
  if (secure !== true && secure !== false && secure !== 'auto') {
    throw new TypeError('sessions(): "secure" must be true, false or \'auto\'')
  }
  const name = cookieNameOf(options)
  const maxAge = seconds(options.maxAge, 'maxAge', 8 * 3600) * SECONDS
  const idle = seconds(options.idleTimeout, 'idleTimeout', 1800) * SECONDS
  // a request refreshes the idle clock at most once a minute (a cookie or a row written)
  const touchAfter = Math.min(60 * SECONDS, Math.floor(idle / 4))
  const guard: GuardConfig = resolveGuardConfig(options)
  const sealer = createSealer(secrets)
  // a store's cookie is the session id, signed (docs/decisions.md)
  const ids = signer(secrets, 'hxkit-session')

  const cookieOptions = (c: Context, record: SessionRecord): CookieOptions => ({
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure === 'auto' ? new URL(c.req.url).protocol === 'https:' : secure,
    maxAge: Math.max(1, Math.ceil((record.createdAt + maxAge - Date.now()) / SECONDS)),
  })

  const cookieValue = (record: SessionRecord): string => sealer.seal(JSON.stringify(record), name)

  const write = async (c: Context, record: SessionRecord): Promise<void> => {
    if (store === null) {
      setCookie(c, name, cookieValue(record), cookieOptions(c, record))
      return
    }
    await store.set(record, Math.min(record.createdAt + maxAge, record.lastSeenAt + idle))
    setCookie(c, name, ids.sign(record.id, name), cookieOptions(c, record))
  }

  // synchronous while the store is (SQLite, the cookie): an await of a plain value costs a promise
  const read = (
    c: Context
  ): SessionRecord | null | 'invalid' | Promise<SessionRecord | null | 'invalid'> => {
    const value = getCookie(c, name)
    if (value === undefined) {
      return null
    }
    if (store === null) {
      return parseRecord(sealer.open(value, name)) ?? 'invalid'
    }
    const id = ids.verify(value, name)
    if (id === null) {
      return 'invalid'
    }
    const stored = store.get(id)
    return isThenable(stored) ? stored.then((found) => found ?? 'invalid') : (stored ?? 'invalid')
  }

  const clear = (c: Context): void => {
    deleteCookie(c, name, { path: '/', secure: secure === true || name.startsWith('__') })
  }

  const end = async (state: SessionState | undefined): Promise<void> => {
    const record = state?.record ?? null
    if (record !== null && store !== null) {
      await store.delete(record.id)
    }
    if (state !== undefined) {
      state.record = null
    }
  }

  // the request's session and user; a store that cannot answer (RedisUnavailable) propagates
  const resolve = async (c: Context): Promise<[SessionState, U | null]> => {
    const reading = read(c)
    const found = isThenable(reading) ? await reading : reading
    const now = Date.now()
    let record = found === 'invalid' ? null : found
    let ended: SessionState['ended'] = found === 'invalid' ? 'invalid' : null
    if (record !== null && (now - record.createdAt >= maxAge || now - record.lastSeenAt >= idle)) {
      if (store !== null) {
        await store.delete(record.id)
      }
      record = null
      ended = 'expired'
    }
    const loading = record === null ? null : options.loadUser(record.userId, c)
    const user = (isThenable(loading) ? await loading : loading) ?? null
    if (record !== null && user === null) {
      if (store !== null) {
        await store.delete(record.id)
      }
      record = null
      ended = 'invalid'
    }
    if (ended !== null) {
      clear(c)
    }
    if (record !== null && now - record.lastSeenAt >= touchAfter) {
      record = { ...record, lastSeenAt: now }
      await write(c, record)
    }
    return [{ record, ended }, user]
  }

  const middleware: MiddlewareHandler = async function session(c, next) {
    c.set('authGuard', guard)
    let resolved: [SessionState, U | null]
    try {
      resolved = await resolve(c)
    } catch (error) {
      if (!(error instanceof RedisUnavailable)) {
        throw error
      }
      // neither signed in nor signed out: the guards answer 503 and the cookie stays
      resolved = [{ record: null, ended: 'unavailable' }, null]
    }
    c.set('authSession', resolved[0])
    c.set('authUser', resolved[1])
    await next()
  }

  const login = async (c: Context, userId: string): Promise<void> => {
    if (typeof userId !== 'string' || userId === '') {
      throw new TypeError('login(): "userId" must be a non-empty string')
    }
    const state = c.get('authSession')
    if (state === undefined) {
      throw new Error(
        'login(): the session middleware is not mounted: app.use(auth.middleware) first'
      )
    }
    await end(state)
    const now = Date.now()
    const record: SessionRecord = { id: newId(), userId, createdAt: now, lastSeenAt: now }
    await write(c, record)
    state.record = record
  }

  return {
    middleware,
    login,
    async logout(c) {
      const state = c.get('authSession')
      if (state?.ended === 'unavailable') {
        throw new RedisUnavailable('logout(): the session store is unavailable; nothing was ended')
      }
      await end(state)
      clear(c)
      c.set('authUser', null)
    },
    async revokeUser(userId) {
      return store === null ? 0 : store.deleteUser(userId)
    },
    async sessionCookie(userId) {
      const now = Date.now()
      const record: SessionRecord = { id: newId(), userId, createdAt: now, lastSeenAt: now }
      const attributes = { path: '/', secure: secure === true }
      if (store === null) {
        return pair(generateCookie(name, cookieValue(record), attributes))
      }
      await store.set(record, now + Math.min(maxAge, idle))
      return pair(generateCookie(name, ids.sign(record.id, name), attributes))
    },
  }
}

/**
 * The signed-in user of this request, or `null`.
 *
 * @param c - the hono context
 * @throws Error when the session middleware is not mounted
 * @see docs/auth.md
 * @example
 * const user = getUser<DemoUser>(c)
 * html`<p>Signed in as ${user?.name ?? 'nobody'}</p>`
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the app names its user type, as with c.get()
export function getUser<U extends AuthUser = AuthUser>(c: Context): U | null {
  const user = c.get('authUser')
  if (user === undefined) {
    throw new Error(
      'getUser(): the session middleware is not mounted: app.use(auth.middleware) first'
    )
  }
  return user as U | null
}
