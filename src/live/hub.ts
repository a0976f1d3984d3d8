import { checkChannel, checkHint } from './bus.ts'
import type { LiveHint } from './bus.ts'
import { resolveHubOptions } from './options.ts'
import type { HubConfig, LiveHubOptions } from './options.ts'
import { Registry, endStream, isDone } from './registry.ts'
import type { Entry } from './registry.ts'
import { renderJobs } from './render.ts'
import { createView } from './view.ts'
import type { LiveOptions, LiveView } from './view.ts'

/** Counts of what a hub holds, for leak checks and metrics. */
export interface LiveStats {
  /** Open streams. */
  readonly streams: number
  /** Stream-to-channel subscriptions. */
  readonly subscriptions: number
  /** Channels with at least one stream. */
  readonly channels: number
  /** Timers running: the shared flush and heartbeat timers (0 with no stream open). */
  readonly timers: number
  /** The hub's own subscriptions on its bus (1 while a stream is open). */
  readonly bus: number
}

/** The streams of one process, the bus they hear publishes on, and their limits. */
export interface LiveHub {
  /**
   * Tells every stream listening on `channel` (here or, with `redisBus()`, on other instances)
   * to send its partials again; `hint` names the partials that changed.
   */
  publish(channel: string, hint?: LiveHint): void | Promise<void>
  /** Declares live partials and the stream route that keeps them fresh. */
  live(options: LiveOptions): LiveView
  /** Sends every stream a final `hxkit:shutdown` event, ends it, and refuses new streams (503). */
  close(): Promise<void>
  /** What the hub holds right now. */
  stats(): LiveStats
}

/** What a view needs from its hub (view.ts). */
export interface HubInternals {
  readonly config: HubConfig
  readonly registry: Registry
  readonly closed: () => boolean
  /** Reports a render that failed (logged, rate-limited). */
  readonly onError: (error: unknown) => void
  /** Reports a stream dropped for its slow reader (logged, rate-limited). */
  readonly onSlow: () => void
}

const LOG_INTERVAL_MS = 60_000

// The first occurrence is logged at once, later ones at most once a minute with how many there
// were: a failing loader or a crowd of slow clients must not flood the log, nor go unseen.
function everyMinute(level: 'error' | 'warn', message: string): (detail?: unknown) => void {
  let last = Number.NEGATIVE_INFINITY
  let unlogged = 0
  return (detail) => {
    const now = Date.now()
    if (now - last < LOG_INTERVAL_MS) {
      unlogged++
      return
    }
    const more = unlogged === 0 ? '' : ` (and ${String(unlogged)} more since the last report)`
    last = now
    unlogged = 0
    if (detail === undefined) {
      console[level](`${message}${more}`)
    } else {
      console[level](`${message}${more}:`, detail)
    }
  }
}

/**
 * Creates the hub that holds a process's live streams: publishes come in through its bus, are
 * coalesced per `interval`, and each listening stream gets its changed partials rendered by the
 * partials' own loaders. End it from the server's shutdown: `server.onShutdown(() => hub.close())`.
 *
 * @param [options={}] - `bus`, `interval`, `heartbeat`, `maxStreams`, `maxBuffered`, `retryAfter`, `retry`
 * @returns the hub
 * @throws TypeError at startup for an unknown option or a value out of range
 * @see docs/live.md
 * @example
 * const hub = liveHub({ interval: 250, maxStreams: 5_000 })
 * const overviewLive = hub.live({ path: '/live/overview', partials: [stats], channels: 'orders' })
 * app.get(overviewLive.path, overviewLive.handler)
 * hub.publish('orders')
 */
export function liveHub(options: LiveHubOptions = {}): LiveHub {
  const config = resolveHubOptions(options)
  let closed = false
  const onError = everyMinute('error', 'hxkit/live: a live partial failed to render')
  const onSlow = everyMinute(
    'warn',
    `hxkit/live: dropped a stream whose client left more than ${String(config.maxBuffered)} bytes unread`
  )
  const flush = (picked: Entry[]): void => {
    registry.rendered(picked.filter((entry) => entry.stream.ended))
    const id = String(Date.now())
    for (const job of renderJobs(picked.filter((entry) => !entry.stream.ended))) {
      void (async () => {
        // until() is asked before the render: when it says finished, the render that follows
        // shows the finished state, and that message is the last (asked after, a state that
        // changed between the two would end the stream on markup from before the change)
        const done = await Promise.all(job.entries.map((entry) => isDone(entry)))
        const finished = new Set(job.entries.filter((_, i) => done[i] === true))
        for (const { entry, data } of await job.render()) {
          // each stream's data differs even for a shared partial: it carries the stream's nonce
          entry.stream.send({ id, data })
          // a message whose render failed is not the last: the next publish tries again
          if (finished.has(entry)) {
            endStream(entry)
          }
        }
      })()
        .catch(onError)
        .finally(() => {
          registry.rendered(job.entries)
        })
    }
  }
  const registry = new Registry(config, flush)
  const internals: HubInternals = { config, registry, closed: () => closed, onError, onSlow }

  return {
    publish(channel, hint) {
      checkChannel('publish()', channel)
      return config.bus.publish(channel, checkHint('publish()', hint))
    },
    live: (liveOptions) => createView(internals, liveOptions),
    close() {
      closed = true
      for (const stream of [...registry.entries.keys()]) {
        stream.end('shutdown', { event: 'hxkit:shutdown', data: '' })
      }
      return Promise.resolve()
    },
    stats: () => ({
      streams: registry.entries.size,
      subscriptions: registry.subscriptions,
      channels: registry.byChannel.size,
      timers: registry.timers,
      bus: config.bus.subscriptions,
    }),
  }
}
