/** @module The BullMQ/Redis backend of hxkit/tasks, for several Node instances on one Redis. */
export { bullmqBackend } from './backend.ts'
export type { BullmqBackend, BullmqBackendOptions } from './backend.ts'
export { RedisUnavailable } from './errors.ts'
