// Password hashing with node:crypto's scrypt: a self-describing string, a constant-time check.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { checkKeys } from '../internal/options.ts'

/** Options of `hashPassword()`: scrypt's cost parameters. */
export interface PasswordHashOptions {
  /** CPU/memory cost, a power of two (memory ≈ 128 × N × r bytes). @default 32768 (2^15, 32 MiB) */
  readonly cost?: number | undefined
  /** Block size. @default 8 */
  readonly blockSize?: number | undefined
  /** Parallelisation. @default 1 */
  readonly parallelization?: number | undefined
}

const KEY_BYTES = 32
const SALT_BYTES = 16
const PREFIX = 'scrypt'
// the longest password hashed: a megabyte "password" must not cost a megabyte of work per try
const MAX_PASSWORD_BYTES = 1024

interface Params {
  readonly N: number
  readonly r: number
  readonly p: number
}

function derive(password: string, salt: Buffer, params: Params): Promise<Buffer> {
  return new Promise((done, fail) => {
    // maxmem: scrypt refuses above 32 MiB by default; N = 2^15, r = 8 needs exactly that
    scrypt(
      password,
      salt,
      KEY_BYTES,
      { ...params, maxmem: 256 * params.N * params.r },
      (error, key) => {
        if (error === null) {
          done(key)
        } else {
          fail(error)
        }
      }
    )
  })
}

function checkPassword(password: unknown, fn: string): asserts password is string {
  if (typeof password !== 'string') {
    throw new TypeError(`${fn}: "password" must be a string`)
  }
}

function resolveParams(options: PasswordHashOptions): Params {
  checkKeys('hashPassword()', options, ['cost', 'blockSize', 'parallelization'])
  const N = options.cost ?? 32_768
  const r = options.blockSize ?? 8
  const p = options.parallelization ?? 1
  if (!Number.isSafeInteger(N) || N < 2 || (N & (N - 1)) !== 0 || N > 2 ** 20) {
    throw new TypeError('hashPassword(): "cost" must be a power of two from 2 to 2^20')
  }
  for (const [name, value] of [
    ['blockSize', r],
    ['parallelization', p],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 1 || value > 16) {
      throw new TypeError(`hashPassword(): "${name}" must be a whole number from 1 to 16`)
    }
  }
  return { N, r, p }
}

/**
 * Hashes a password with scrypt (`node:crypto`) and a random 16-byte salt. The result names the
 * algorithm and its parameters (`scrypt$32768$8$1$<salt>$<key>`, base64url), so the cost can be
 * raised later without breaking stored hashes.
 *
 * @param password - the password as typed
 * @param [options] - scrypt's `cost`, `blockSize`, `parallelization`
 * @returns the string to store
 * @throws TypeError for a password longer than 1024 bytes or bad parameters
 * @see docs/auth.md
 * @example
 * const stored = await hashPassword('correct horse battery staple')
 * await verifyPassword('correct horse battery staple', stored) // true
 */
export async function hashPassword(
  password: string,
  options: PasswordHashOptions = {}
): Promise<string> {
  checkPassword(password, 'hashPassword()')
  if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) {
    throw new TypeError(`hashPassword(): a password is at most ${String(MAX_PASSWORD_BYTES)} bytes`)
  }
  const params = resolveParams(options)
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, params)
  return [
    PREFIX,
    params.N,
    params.r,
    params.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$')
}

interface Parsed {
  params: Params
  salt: Buffer
  key: Buffer
}

function parseHash(stored: string): Parsed | null {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== PREFIX) {
    return null
  }
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number]
  const salt = Buffer.from(parts[4] as string, 'base64url')
  const key = Buffer.from(parts[5] as string, 'base64url')
  try {
    const params = resolveParams({ cost: N, blockSize: r, parallelization: p })
    return key.length === KEY_BYTES && salt.length > 0 ? { params, salt, key } : null
  } catch {
    return null
  }
}

// Checked instead when there is no stored hash, so an unknown account costs what a known one
// does: one per set of parameters, made on first use.
const dummies = new Map<string, Promise<Parsed>>()

function dummyHash(options: PasswordHashOptions): Promise<Parsed> {
  const { N, r, p } = resolveParams(options)
  const key = `${String(N)}$${String(r)}$${String(p)}`
  let dummy = dummies.get(key)
  if (dummy === undefined) {
    dummy = hashPassword('hxkit dummy password', options).then((hash) => parseHash(hash) as Parsed)
    dummies.set(key, dummy)
  }
  return dummy
}

/**
 * Checks a password against a stored `hashPassword()` result, comparing in constant time. Pass
 * `null` for an unknown account: a dummy hash made with `options` (give the ones your hashes
 * use) is checked instead, so the answer takes as long as for a known one, and is `false`.
 *
 * @param password - the password as typed
 * @param stored - the stored hash, or `null` when the account does not exist
 * @param [options] - the scrypt parameters of the dummy hash (those of `hashPassword()`)
 * @returns whether it matches; `false` (never a throw) for a malformed hash or an oversized password
 * @see docs/auth.md
 * @example
 * const ok = await verifyPassword(form.password, user?.passwordHash ?? null)
 */
export async function verifyPassword(
  password: string,
  stored: string | null,
  options: PasswordHashOptions = {}
): Promise<boolean> {
  checkPassword(password, 'verifyPassword()')
  const parsed = stored === null ? null : parseHash(stored)
  const target = parsed ?? (await dummyHash(options))
  const oversized = Buffer.byteLength(password) > MAX_PASSWORD_BYTES
  const key = await derive(oversized ? '' : password, target.salt, target.params)
  return timingSafeEqual(key, target.key) && parsed !== null && !oversized
}
