// Kept apart from connection.ts so that the public types never import ioredis's.

/**
 * Thrown when Redis cannot be reached within the backend's `offlineTimeoutMs` (or a command on
 * it fails for that reason): the task was not enqueued, the action not done. A request handler
 * can answer 503 instead of hanging.
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
