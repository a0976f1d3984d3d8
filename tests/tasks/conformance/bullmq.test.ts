import { afterAll, beforeAll } from 'vitest'
import { bullmqBackend } from '../../../src/tasks-bullmq/index.ts'
import type { BullmqBackend } from '../../../src/tasks-bullmq/index.ts'
import { startRedis } from '../../fixtures/redis.ts'
import type { RedisServer } from '../../fixtures/redis.ts'
import { describeBackendConformance } from './suite.ts'

let redis: RedisServer
let stores = 0
beforeAll(async () => {
  redis = await startRedis()
})
afterAll(async () => {
  await redis.stop()
})

describeBackendConformance('bullmq', {
  supports: bullmqBackend({ url: 'redis://127.0.0.1:1' }).supports,
  open: () => {
    // one key prefix per test: a fresh, empty store on the same server
    const prefix = `c${String(++stores)}`
    const open: BullmqBackend[] = []
    return Promise.resolve({
      env: { BACKEND: 'bullmq', REDIS_URL: redis.url, PREFIX: prefix },
      connect: (options = {}) => {
        const backend = bullmqBackend({ url: redis.url, prefix, ...options })
        open.push(backend)
        return backend
      },
      prune: async (backend, ms) =>
        (await (backend as BullmqBackend).prune(ms)).map((record) => record.id),
      close: async () => {
        await Promise.all(open.map((backend) => backend.close()))
      },
    })
  },
})
