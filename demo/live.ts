// Live updates in the demo (hxkit/live): the overview's stat cards and activity list follow every
// order saved in any tab, or on any instance when LIVE_REDIS_URL names a Redis.
import type { Context } from 'hono'
import { Redis } from 'ioredis'
import { html } from '../src/html/index.ts'
import type { SafeHtml } from '../src/html/index.ts'
import { liveHub, memoryBus, redisBus } from '../src/live/index.ts'
import type { LiveBus, LiveHub, LiveView } from '../src/live/index.ts'
import type { NamedPartial } from '../src/partials/index.ts'
import type { HtmxVersion } from './layout.ts'

/** The route of the overview's stream (GET; the htmx 2 polling fallback asks the same route). */
export const OVERVIEW_LIVE_PATH = '/live/overview'

/** The channel an order save publishes to. */
export const ORDERS_CHANNEL = 'orders'

/** The demo's hub and the overview's live partials. */
export interface DemoLive {
  readonly hub: LiveHub
  readonly bus: LiveBus
  /** The hidden element the overview renders: a stream for htmx 4, polling for htmx 2. */
  readonly element: (c: Context) => SafeHtml
  /** Declares the overview's live partials (once the overview page exists). */
  readonly attach: (partials: { stats: NamedPartial; activity: NamedPartial }) => LiveView
  /** Tells every open overview that orders changed. */
  readonly ordersChanged: () => void
}

/**
 * The bus from the environment: Redis when `LIVE_REDIS_URL` is set (several instances), else in
 * process.
 *
 * @param env - the environment; default `process.env`
 * @example
 * const bus = busFromEnv({ LIVE_REDIS_URL: 'redis://127.0.0.1:6379' })
 */
export function busFromEnv(env: Record<string, string | undefined> = process.env): LiveBus {
  const url = env['LIVE_REDIS_URL']
  return url === undefined || url === ''
    ? memoryBus()
    : redisBus({ connection: new Redis(url, { maxRetriesPerRequest: 3 }) })
}

/**
 * Creates the demo's live hub.
 *
 * @param version - the htmx the layout loads (2 polls instead of streaming)
 * @param bus - the bus; default `busFromEnv()`
 * @example
 * const live = demoLive(4)
 */
export function demoLive(version: HtmxVersion, bus: LiveBus = busFromEnv()): DemoLive {
  const hub = liveHub({ bus })
  let view: LiveView | undefined
  return {
    hub,
    bus,
    element: (c) => view?.element(c, { htmx: version, poll: 2 }) ?? html``,
    attach: (partials) => {
      view = hub.live({
        path: OVERVIEW_LIVE_PATH,
        partials: [partials.stats, partials.activity],
        channels: ORDERS_CHANNEL,
        // the stat cards and the activity log are the same for every operator
        shared: true,
      })
      return view
    },
    ordersChanged: () => {
      void Promise.resolve(hub.publish(ORDERS_CHANNEL)).catch((error: unknown) => {
        console.error('live: publish failed', error)
      })
    },
  }
}
