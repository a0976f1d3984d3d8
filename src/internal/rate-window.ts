// Fixed-window counters in memory, bounded in keys: the CSP report limit and the default store of
// hxkit/auth's rateLimiter().

/** One key's window: how many hits, and when the window ends (ms since the epoch). */
export interface WindowCount {
  readonly count: number
  readonly resetAt: number
}

/** Counters per key; the oldest keys are dropped beyond `maxKeys`. */
export interface WindowCounter {
  /** Counts `by` hits for `key` (0 only reads) and returns the window after it. */
  hit(key: string, by: number, now: number): WindowCount
  reset(key: string): void
  readonly size: number
}

/** Builds an in-memory counter of `windowMs` windows holding at most `maxKeys` keys. */
export function windowCounter(windowMs: number, maxKeys: number): WindowCounter {
  const windows = new Map<string, { count: number; resetAt: number }>()
  return {
    hit(key, by, now) {
      let entry = windows.get(key)
      if (entry === undefined || entry.resetAt <= now) {
        windows.delete(key)
        entry = { count: 0, resetAt: now + windowMs }
        windows.set(key, entry)
        // Map keeps insertion order: the first keys are the oldest windows
        for (const old of windows.keys()) {
          if (windows.size <= maxKeys) {
            break
          }
          windows.delete(old)
        }
      }
      entry.count += by
      return { count: entry.count, resetAt: entry.resetAt }
    },
    reset(key) {
      windows.delete(key)
    },
    get size() {
      return windows.size
    },
  }
}
