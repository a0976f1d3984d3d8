/** @module Live partials: named partials kept fresh over server-sent events, fanned out in process or through Redis. */
export { memoryBus } from './bus.ts'
export type { BusListener, LiveBus, LiveHint } from './bus.ts'
export { liveHub } from './hub.ts'
export type { LiveHub, LiveStats } from './hub.ts'
export type { LiveHubOptions } from './options.ts'
export type { LiveElementOptions, LiveOptions, LiveView } from './view.ts'
export { redisBus } from './redis.ts'
export type { RedisBusOptions, RedisConnection } from './redis.ts'
