/** @module Deployment: serve() with checked timeouts, graceful shutdown, health, static files, compression. */
export { compression } from './compress.ts'
export type { CompressionOptions, Encoding } from './compress.ts'
export type {
  HealthOptions,
  LoadBalancerOptions,
  ServeOptions,
  ShutdownOptions,
} from './options.ts'
export { serve } from './serve.ts'
export type { HxServer } from './serve.ts'
export type { ShutdownHook, ShutdownOutcome, ShutdownPhase, ShutdownRegistry } from './shutdown.ts'
export {
  HTMX_URL_PREFIX,
  HXKIT_SCRIPT_URL,
  HXKIT_STYLESHEET_URL,
  HXKIT_URL_PREFIX,
  staticFiles,
} from './static.ts'
export type { StaticFiles, StaticOptions } from './static.ts'
