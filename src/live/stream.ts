// One open event stream. The response body is a ReadableStream, which every runtime and
// `app.request()` understand, and whose queue counts bytes, so what a slow reader has not taken
// is known exactly. Behind @hono/node-server the stream also writes straight to Node's response
// once the server has sent the head: a publish to 1,000 streams then costs 1,000 `write()`s,
// not 1,000 enqueue → read → write hand-offs (docs/performance.md, "Live streams").
import { HEARTBEAT, encodeText, formatMessage } from './sse.ts'
import type { SseMessage } from './sse.ts'

/** Why a stream ended. */
export type EndReason = 'client' | 'slow' | 'until' | 'shutdown'

/** The part of Node's `ServerResponse` a stream writes to directly. */
export interface DirectResponse {
  readonly headersSent: boolean
  readonly writableLength: number
  readonly writableEnded: boolean
  readonly destroyed: boolean
  write(chunk: string): boolean
}

export interface StreamCallbacks {
  /** The byte bound: past it the stream is dropped. */
  readonly maxBuffered: number
  /** Called once, whatever ended the stream. */
  readonly onEnd: (stream: LiveStream, reason: EndReason) => void
  /**
   * Asked once the server has asked for more: Node's response behind @hono/node-server
   * (`c.env.outgoing`) if the server is sending the very response the stream's handler
   * returned, else undefined (no Node response, or a middleware replaced the response and may
   * have wrapped the body in a transform that direct writes would bypass).
   */
  readonly direct?: (() => DirectResponse | undefined) | undefined
}

/** Node's response in a hono context's bindings, if the app is served by @hono/node-server. */
export function directResponse(env: unknown): DirectResponse | undefined {
  const outgoing = (env as { outgoing?: unknown } | undefined)?.outgoing as
    Partial<DirectResponse> | undefined
  return typeof outgoing?.write === 'function' && typeof outgoing.headersSent === 'boolean'
    ? (outgoing as DirectResponse)
    : undefined
}

export class LiveStream {
  readonly body: ReadableStream<Uint8Array>
  #controller: ReadableStreamDefaultController<Uint8Array> | undefined
  #ended = false
  // true once the server asked for more with nothing queued: everything enqueued so far is in
  // the response, so a direct write cannot overtake it
  #drained = false
  // undecided; then for good either Node's response, written to directly (the ReadableStream
  // then only ends), or null: there is none to write to
  #writing: DirectResponse | null | undefined
  readonly #callbacks: StreamCallbacks

  constructor(callbacks: StreamCallbacks) {
    this.#callbacks = callbacks
    this.body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.#controller = controller
        },
        pull: () => {
          this.#drained = true
        },
        // node-server cancels the reader when the socket closes: the client went away
        cancel: () => {
          this.#finish('client')
        },
      },
      { highWaterMark: 0, size: (chunk) => chunk.byteLength }
    )
  }

  get ended(): boolean {
    return this.#ended
  }

  /** True once messages go straight to Node's response instead of through the ReadableStream. */
  get writesDirectly(): boolean {
    return this.#writing !== undefined && this.#writing !== null
  }

  /**
   * What the client has not read yet: bytes queued in the ReadableStream (beyond what the socket
   * buffers), or, writing directly, what Node's response still holds (UTF-16 units).
   */
  get buffered(): number {
    return this.#writing === undefined || this.#writing === null
      ? -(this.#controller?.desiredSize ?? 0)
      : this.#writing.writableLength
  }

  /** Queues a message; a stream whose reader is too far behind is dropped instead. */
  send(message: SseMessage): boolean {
    return this.#write(formatMessage(message))
  }

  heartbeat(): void {
    this.#write(HEARTBEAT)
  }

  /** Ends the stream, after a last message if given. */
  end(reason: EndReason, last?: SseMessage): void {
    if (this.#ended) {
      return
    }
    if (last !== undefined) {
      this.#write(formatMessage(last))
    }
    this.#finish(reason)
    this.#controller?.close()
  }

  #write(text: string): boolean {
    if (this.#ended) {
      return false
    }
    const direct = this.#direct()
    if (direct !== undefined && (direct.writableEnded || direct.destroyed)) {
      // the response ended under the stream (a socket error): the same as a client leaving
      this.#finish('client')
      return false
    }
    const chunk = direct === undefined ? encodeText(text) : text
    const queued = this.buffered
    if (queued > 0 && queued + chunk.length > this.#callbacks.maxBuffered) {
      // a reader that does not read must not hold memory or delay the other streams
      this.#finish('slow')
      this.#controller?.error(
        new Error(
          'hxkit/live: dropped a stream whose client left more than maxBuffered bytes unread'
        )
      )
      return false
    }
    if (typeof chunk === 'string') {
      ;(direct as DirectResponse).write(chunk)
    } else {
      this.#drained = false
      this.#controller?.enqueue(chunk)
    }
    return true
  }

  // Node's response once writing to it cannot overtake a chunk still in the ReadableStream: the
  // server has sent the head and asked for more with nothing queued
  #direct(): DirectResponse | undefined {
    if (this.#writing === undefined && this.#drained) {
      const direct = this.#callbacks.direct?.() ?? null
      if (direct === null || direct.headersSent) {
        this.#writing = direct
      }
    }
    return this.#writing ?? undefined
  }

  #finish(reason: EndReason): void {
    if (this.#ended) {
      return
    }
    this.#ended = true
    this.#callbacks.onEnd(this, reason)
  }
}
