// Kept apart from connection.ts so that the public types never import ioredis's. One class for
// the whole kit: hxkit/auth's Redis stores throw the same `RedisUnavailable`.
export { RedisUnavailable } from '../internal/redis.ts'
