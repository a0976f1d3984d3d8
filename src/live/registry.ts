// What a hub holds: the open streams, which channels each listens to, when each channel was last
// published to (for resuming), and the one flush timer and one heartbeat timer all streams share.
import type { Context } from 'hono'
import type { HtmlValue } from '../html/index.ts'
import type { NamedPartial } from '../partials/index.ts'
import type { LiveHint } from './bus.ts'
import type { HubConfig } from './options.ts'
import type { EndReason, LiveStream } from './stream.ts'

/** How a view renders and ends its streams (view.ts). */
export interface ViewRuntime {
  readonly partials: readonly NamedPartial[]
  readonly shared: boolean
  readonly until: ((c: Context) => boolean | Promise<boolean>) | undefined
  readonly oob: ((c: Context) => HtmlValue) | undefined
}

export interface Entry {
  readonly stream: LiveStream
  readonly view: ViewRuntime
  readonly c: Context
  readonly nonce: string | undefined
  readonly channels: readonly string[]
  /** Partials to render at the next flush: `null` none, `'all'` every one, else by name. */
  dirty: null | 'all' | Set<string>
}

// Publish times kept per channel for resuming; past this many the oldest are forgotten (and a
// client resuming from before that point gets the full state).
const REMEMBERED = 10_000

export class Registry {
  readonly entries: Map<LiveStream, Entry> = new Map<LiveStream, Entry>()
  readonly byChannel: Map<string, Set<Entry>> = new Map<string, Set<Entry>>()
  readonly pending: Set<Entry> = new Set<Entry>()
  // streams whose message is being rendered: a flush leaves them pending until it has been sent,
  // so a slow loader never has two renders of one stream racing (the older could arrive last)
  readonly #rendering = new Set<Entry>()
  readonly #published = new Map<string, number>()
  #knownSince = Number.POSITIVE_INFINITY
  #unsubscribe: (() => void) | null = null
  // the streams waiting for the bus to acknowledge the subscription (null once it has), each with
  // its first render; a stream that ends meanwhile leaves the list
  #waiting: Map<Entry, () => void> | null = null
  #flushTimer: ReturnType<typeof setTimeout> | null = null
  #heartbeat: ReturnType<typeof setInterval> | null = null
  #lastFlush = Number.NEGATIVE_INFINITY
  readonly #config: HubConfig
  readonly #flush: (entries: Entry[]) => void

  constructor(config: HubConfig, flush: (entries: Entry[]) => void) {
    this.#config = config
    this.#flush = flush
  }

  get timers(): number {
    return (this.#flushTimer === null ? 0 : 1) + (this.#heartbeat === null ? 0 : 1)
  }

  get subscriptions(): number {
    let count = 0
    for (const set of this.byChannel.values()) {
      count += set.size
    }
    return count
  }

  add(entry: Entry): void {
    if (this.#unsubscribe === null) {
      const waiting = new Map<Entry, () => void>()
      this.#waiting = waiting
      this.#unsubscribe = this.#config.bus.subscribe(
        (channel, hint) => {
          this.receive(channel, hint)
        },
        () => {
          if (this.#waiting !== waiting) {
            return
          }
          // nothing heard before now: a client resuming from earlier gets the full state
          this.#knownSince = Date.now()
          this.#waiting = null
          for (const run of waiting.values()) {
            run()
          }
        }
      )
    }
    this.entries.set(entry.stream, entry)
    for (const channel of entry.channels) {
      let set = this.byChannel.get(channel)
      if (set === undefined) {
        set = new Set()
        this.byChannel.set(channel, set)
      }
      set.add(entry)
    }
    if (this.#heartbeat === null) {
      this.#heartbeat = setInterval(() => {
        for (const stream of [...this.entries.keys()]) {
          stream.heartbeat()
        }
      }, this.#config.heartbeat)
      this.#heartbeat.unref()
    }
  }

  /** Releases everything the stream held; the last stream takes the timers and the bus with it. */
  remove(stream: LiveStream, _reason: EndReason): void {
    const entry = this.entries.get(stream)
    if (entry === undefined) {
      return
    }
    this.entries.delete(stream)
    this.pending.delete(entry)
    this.#rendering.delete(entry)
    this.#waiting?.delete(entry)
    for (const channel of entry.channels) {
      const set = this.byChannel.get(channel)
      set?.delete(entry)
      if (set?.size === 0) {
        this.byChannel.delete(channel)
      }
    }
    if (this.entries.size === 0) {
      this.#stopTimers()
      this.#unsubscribe?.()
      this.#unsubscribe = null
      this.#waiting = null
      this.#knownSince = Number.POSITIVE_INFINITY
    }
  }

  /**
   * Runs `fn` once the bus hears every publish (at once when it already does): a stream's first
   * render waits for it, so a publish between the subscribe and its acknowledgement is not lost.
   * Not run when `entry` ends first.
   */
  whenReady(entry: Entry, fn: () => void): void {
    if (this.#waiting === null) {
      fn()
    } else {
      this.#waiting.set(entry, fn)
    }
  }

  /** Streams whose first render waits for the bus (for leak checks). */
  get waiting(): number {
    return this.#waiting?.size ?? 0
  }

  /** Whether something may have changed on `channels` since the message `since` (ms). */
  changedSince(channels: readonly string[], since: number): boolean {
    if (!Number.isFinite(since) || since < this.#knownSince) {
      return true
    }
    return channels.some((channel) => (this.#published.get(channel) ?? -1) >= since)
  }

  receive(channel: string, hint: LiveHint): void {
    const now = Date.now()
    this.#published.delete(channel)
    this.#published.set(channel, now)
    if (this.#published.size > REMEMBERED) {
      const [oldest, at] = this.#published.entries().next().value as [string, number]
      this.#published.delete(oldest)
      this.#knownSince = Math.max(this.#knownSince, at + 1)
    }
    const set = this.byChannel.get(channel)
    if (set === undefined) {
      return
    }
    for (const entry of set) {
      this.mark(entry, hint)
    }
  }

  mark(entry: Entry, hint: LiveHint): void {
    if (hint === undefined) {
      entry.dirty = 'all'
    } else if (entry.dirty !== 'all') {
      const names = entry.view.partials.map((part) => part.name).filter((n) => hint.includes(n))
      if (names.length === 0) {
        return
      }
      entry.dirty ??= new Set()
      for (const name of names) {
        entry.dirty.add(name)
      }
    }
    this.pending.add(entry)
    this.#schedule()
  }

  #schedule(): void {
    if (this.#flushTimer !== null) {
      return
    }
    // the first publish after a quiet interval goes out at once; a burst waits for the interval
    const wait = Math.max(0, this.#lastFlush + this.#config.interval - Date.now())
    this.#flushTimer = setTimeout(() => {
      this.#flushTimer = null
      const entries: Entry[] = []
      for (const entry of this.pending) {
        if (this.#rendering.has(entry)) {
          continue
        }
        this.pending.delete(entry)
        if (entry.dirty !== null) {
          this.#rendering.add(entry)
          entries.push(entry)
        }
      }
      if (entries.length > 0) {
        // only a flush that renders opens a new interval: one that found every stream still
        // rendering must not delay the flush their rendered() asks for
        this.#lastFlush = Date.now()
        this.#flush(entries)
      }
    }, wait)
    this.#flushTimer.unref()
  }

  /**
   * The hub has sent (or given up on) the messages of these streams, which a flush handed it:
   * what was published to them in the meantime goes out at the next flush.
   */
  rendered(entries: readonly Entry[]): void {
    for (const entry of entries) {
      this.#rendering.delete(entry)
    }
    if (this.pending.size > 0) {
      this.#schedule()
    }
  }

  #stopTimers(): void {
    if (this.#flushTimer !== null) {
      clearTimeout(this.#flushTimer)
      this.#flushTimer = null
    }
    if (this.#heartbeat !== null) {
      clearInterval(this.#heartbeat)
      this.#heartbeat = null
    }
  }
}

/** Whether the stream's view says it is finished (a task that completed); a throw counts as no. */
export async function isDone(entry: Entry): Promise<boolean> {
  return entry.stream.ended ? false : askUntil(entry.view.until, entry.c)
}

/** What a view's `until()` says for this request; none, or a throw, counts as not finished. */
export async function askUntil(until: ViewRuntime['until'], c: Context): Promise<boolean> {
  if (until === undefined) {
    return false
  }
  try {
    return await until(c)
  } catch {
    return false
  }
}

/** Ends the stream with the `hxkit:end` event. */
export function endStream(entry: Entry): void {
  entry.stream.end('until', { event: 'hxkit:end', data: '' })
}

/** Ends a stream whose view says it is finished. */
export async function endIfDone(entry: Entry): Promise<void> {
  if (await isDone(entry)) {
    endStream(entry)
  }
}
