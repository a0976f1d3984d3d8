/** Which partials changed, by name; `undefined` means every live partial on the channel. */
export type LiveHint = readonly string[] | undefined

/** Receives every publish the bus carries: the channel and its hint. */
export type BusListener = (channel: string, hint: LiveHint) => void

/**
 * Carries publishes to the hubs that hold streams: in one process (`memoryBus()`) or across
 * processes (`redisBus()`). A hub subscribes while it has streams and unsubscribes after the last.
 */
export interface LiveBus {
  /** Sends a publish to every subscriber, here or in other processes. */
  publish(channel: string, hint?: LiveHint): void | Promise<void>
  /**
   * Starts delivering publishes to `listener`; returns the function that stops it. `onReady` is
   * called once every publish made from then on reaches `listener`: at once in process, after
   * Redis acknowledged the subscription for `redisBus()`. A hub holds back a new stream's first
   * render until then, so nothing published in between is missed.
   */
  subscribe(listener: BusListener, onReady?: () => void): () => void
  /** Live subscriptions (for leak checks). */
  readonly subscriptions: number
  /** Releases connections; a closed bus drops publishes. */
  close(): Promise<void>
}

/** Checks a channel name: a topic, optionally `:` and a key (`orders`, `task:42`). */
export function checkChannel(caller: string, channel: unknown): string {
  if (typeof channel !== 'string' || !/^[A-Za-z][\w.-]*(?::[\w.:-]+)?$/.test(channel)) {
    throw new TypeError(
      `${caller}: a channel is a topic of letters, digits, _ . - with an optional ":key" (got ${JSON.stringify(channel)})`
    )
  }
  return channel
}

/** Checks a hint: `undefined`, or a list of partial names. */
export function checkHint(caller: string, hint: unknown): LiveHint {
  if (hint === undefined) {
    return undefined
  }
  if (!Array.isArray(hint) || !hint.every((name) => typeof name === 'string')) {
    throw new TypeError(`${caller}: the hint must be a list of partial names`)
  }
  return hint
}

/**
 * An in-process bus: a publish reaches the subscribers of this process, synchronously. The
 * default of `liveHub()`.
 *
 * @returns the bus
 * @see docs/live.md
 * @example
 * const hub = liveHub({ bus: memoryBus() })
 */
export function memoryBus(): LiveBus {
  const listeners = new Set<BusListener>()
  let closed = false
  return {
    publish(channel, hint) {
      checkChannel('publish()', channel)
      const checked = checkHint('publish()', hint)
      if (closed) {
        return
      }
      for (const listener of listeners) {
        listener(channel, checked)
      }
    },
    subscribe(listener, onReady) {
      const own = (channel: string, hint: LiveHint): void => {
        listener(channel, hint)
      }
      listeners.add(own)
      // delivery is synchronous: ready at once
      onReady?.()
      return () => {
        listeners.delete(own)
      }
    },
    get subscriptions() {
      return listeners.size
    },
    close() {
      closed = true
      listeners.clear()
      return Promise.resolve()
    },
  }
}
