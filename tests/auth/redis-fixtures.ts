// A real redis-server for the auth tests, and clients set up as an app should: no offline queue,
// quick reconnects, so a command during an outage fails at once.
import { Redis } from 'ioredis'
import { randomUUID } from 'node:crypto'
import { startRedis } from '../fixtures/redis.ts'
import type { RedisServer } from '../fixtures/redis.ts'

/** A client of `server` that fails fast while Redis is down and reconnects when it is back. */
export function redisClient(server: RedisServer): Redis {
  const client = new Redis(server.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => 100,
  })
  client.on('error', () => {
    // reconnect attempts during an outage; the commands' own errors are what the tests check
  })
  return client
}

/** Whether `call` gets an answer (a store call after Redis came back, say). */
export async function answers(call: () => unknown): Promise<boolean> {
  try {
    await call()
    return true
  } catch {
    return false
  }
}

/** A key prefix of its own for each test, so tests on one Redis never see each other's keys. */
export const uniquePrefix = (): string => `t${randomUUID().slice(0, 8)}:`

/** One redis-server and the clients a test file opened on it, closed together. */
export interface RedisFixture {
  readonly server: RedisServer
  /** A client for the test's own looks at the keys (it queues commands until connected). */
  readonly admin: Redis
  client(): Redis
  close(): Promise<void>
}

/** Starts a redis-server for one test file. */
export async function redisFixture(): Promise<RedisFixture> {
  const server = await startRedis()
  const admin = new Redis(server.url, { retryStrategy: () => 100 })
  admin.on('error', () => undefined)
  const clients: Redis[] = [admin]
  return {
    server,
    admin,
    client() {
      const client = redisClient(server)
      clients.push(client)
      return client
    },
    async close() {
      for (const client of clients.splice(0)) {
        client.disconnect()
      }
      await server.stop()
    },
  }
}
