// One open event stream: a ReadableStream the server pipes into the socket. Its queue counts
// bytes, so what a slow reader has not taken yet is known exactly (node-server stops pulling
// while the socket's own buffer is full).
import { HEARTBEAT_BYTES, encodeMessage } from './sse.ts'
import type { SseMessage } from './sse.ts'

/** Why a stream ended. */
export type EndReason = 'client' | 'slow' | 'until' | 'shutdown'

export interface StreamCallbacks {
  /** The byte bound: past it the stream is dropped. */
  readonly maxBuffered: number
  /** Called once, whatever ended the stream. */
  readonly onEnd: (stream: LiveStream, reason: EndReason) => void
}

export class LiveStream {
  readonly body: ReadableStream<Uint8Array>
  #controller: ReadableStreamDefaultController<Uint8Array> | undefined
  #ended = false
  readonly #callbacks: StreamCallbacks

  constructor(callbacks: StreamCallbacks) {
    this.#callbacks = callbacks
    this.body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.#controller = controller
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

  /** Bytes queued that the client has not read (beyond what the socket buffers). */
  get buffered(): number {
    return -(this.#controller?.desiredSize ?? 0)
  }

  /** Queues a message; a stream whose reader is too far behind is dropped instead. */
  send(message: SseMessage): boolean {
    return this.#write(encodeMessage(message))
  }

  heartbeat(): void {
    this.#write(HEARTBEAT_BYTES)
  }

  /** Ends the stream, after a last message if given. */
  end(reason: EndReason, last?: SseMessage): void {
    if (this.#ended) {
      return
    }
    if (last !== undefined) {
      this.#write(encodeMessage(last))
    }
    this.#finish(reason)
    this.#controller?.close()
  }

  #write(chunk: Uint8Array): boolean {
    if (this.#ended) {
      return false
    }
    const queued = this.buffered
    if (queued > 0 && queued + chunk.byteLength > this.#callbacks.maxBuffered) {
      // a reader that does not read must not hold memory or delay the other streams
      this.#finish('slow')
      this.#controller?.error(
        new Error(
          'hxkit/live: dropped a stream whose client left more than maxBuffered bytes unread'
        )
      )
      return false
    }
    this.#controller?.enqueue(chunk)
    return true
  }

  #finish(reason: EndReason): void {
    if (this.#ended) {
      return
    }
    this.#ended = true
    this.#callbacks.onEnd(this, reason)
  }
}
