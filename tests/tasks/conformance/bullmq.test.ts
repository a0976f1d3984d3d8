import { bullmqBackend } from '../../../src/tasks-bullmq/index.ts'
import { useRedisBackends } from '../../tasks-bullmq/fixtures/redis-backends.ts'
import { describeBackendConformance } from './suite.ts'

const backends = useRedisBackends()

describeBackendConformance('bullmq', {
  supports: bullmqBackend({ url: 'redis://127.0.0.1:1' }).supports,
  open: () => {
    // one key prefix per test: a fresh, empty store on the same server
    const prefix = backends.prefix()
    return Promise.resolve({
      env: { BACKEND: 'bullmq', REDIS_URL: backends.redis.url, PREFIX: prefix },
      connect: (options = {}) => backends.connect({ ...options, prefix }),
      prune: async (backend, ms) =>
        (await (backend as ReturnType<typeof bullmqBackend>).prune(ms)).map((record) => record.id),
      close: () => backends.closeAll(),
    })
  },
})
