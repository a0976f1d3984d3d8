// What the kit's Redis stores (hxkit/auth's sessions and rate limits) use of an ioredis client,
// typed here so that ioredis stays an optional peer and no published type imports it; the error
// every Redis-backed part of the kit throws when Redis cannot answer in time; and the bounded
// command that throws it.

/**
 * The part of an ioredis client (`new Redis(url)`) the kit's Redis stores use: scripts only, so
 * every change is one atomic step on the server.
 */
export interface RedisScripting {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>
}

/**
 * Thrown when Redis cannot be reached in time (or a command on it fails for that reason): the
 * action was not done. A request handler answers 503 instead of hanging; the session guards do
 * so themselves.
 * @see docs/auth.md
 * @see docs/tasks-bullmq.md
 * @example
 * try { await report.enqueue(id) } catch (error) {
 *   if (error instanceof RedisUnavailable) return c.text('The task queue is down; try again.', 503)
 *   throw error
 * }
 */
export class RedisUnavailable extends Error {
  override name = 'RedisUnavailable'
}

/** ioredis's messages for a command that could not be sent or was cut off. */
export const CONNECTION_FAILURE: RegExp =
  /enableOfflineQueue|Connection is closed|Command timed out|ECONNREFUSED|ECONNRESET|EPIPE|Stream isn't writeable|Socket closed|Reached the max retries/

/** A Redis-backed key prefix: letters, digits and `_ : . -`, at most 100. */
export const REDIS_PREFIX: RegExp = /^[\w:.-]{0,100}$/

// the error of a command sent while the client is not connected (no offline queue): worth a retry
const NOT_CONNECTED = /enableOfflineQueue|Connection is closed/
const RETRY_MS = 25

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms)
  })

/**
 * Runs one script, failing with `RedisUnavailable` when no answer comes within `timeoutMs`. A
 * client without an offline queue refuses commands until it is connected: those are retried
 * until the time is up (so a fresh client, or one reconnecting, gets the chance); a client with
 * an offline queue would wait for Redis forever, and the timeout ends that too.
 *
 * @param connection - the client
 * @param timeoutMs - the bound on the whole command
 * @param what - who is asking, for the message (`redisSessionStore()`)
 * @param script - the Lua source
 * @param keys - the script's KEYS
 * @param args - the script's ARGV
 */
export async function evalWithin(
  connection: RedisScripting,
  timeoutMs: number,
  what: string,
  script: string,
  keys: readonly string[],
  args: readonly (string | number)[]
): Promise<unknown> {
  const deadline = Date.now() + timeoutMs
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new RedisUnavailable(`${what}: Redis did not answer within ${String(timeoutMs)} ms.`))
    }, timeoutMs)
  })
  const attempt = async (): Promise<unknown> => {
    for (;;) {
      try {
        return await connection.eval(script, keys.length, ...keys, ...args)
      } catch (error) {
        const retry =
          error instanceof Error &&
          NOT_CONNECTED.test(error.message) &&
          Date.now() + RETRY_MS < deadline
        if (!retry) {
          throw error
        }
        await sleep(RETRY_MS)
      }
    }
  }
  const command = attempt()
  // a command that fails after the timeout won the race must not be an unhandled rejection
  command.catch(() => undefined)
  try {
    return await Promise.race([command, late])
  } catch (error) {
    if (
      error instanceof Error &&
      !(error instanceof RedisUnavailable) &&
      CONNECTION_FAILURE.test(error.message)
    ) {
      throw new RedisUnavailable(`${what}: Redis is unreachable (${error.message}).`, {
        cause: error,
      })
    }
    throw error
  } finally {
    clearTimeout(timer)
  }
}
