// The wire format of server-sent events (WHATWG HTML §9.2): one message per call, every line of
// `data` on its own `data:` field, so no text inside a payload can start a field of its own.

/** One server-sent event. */
export interface SseMessage {
  /** The payload; line breaks (CR, LF, CRLF) become separate `data:` lines. */
  data: string
  /** `event:`; without it htmx 4 swaps the data as HTML. */
  event?: string | undefined
  /** `id:`; the client sends the last one back as `Last-Event-ID` when it reconnects. */
  id?: string | undefined
  /** `retry:`, the client's reconnection delay in milliseconds. */
  retry?: number | undefined
}

const FIELD = /^[^\r\n\0]*$/

function field(name: string, value: string): string {
  // event and id come from the kit, never from user data: a line break would forge a field
  if (!FIELD.test(value)) {
    throw new TypeError(`live: an SSE "${name}" must not contain a line break or NUL`)
  }
  return `${name}: ${value}\n`
}

/** Serialises one message, ending with the blank line that dispatches it. */
export function formatMessage(message: SseMessage): string {
  let out = ''
  if (message.event !== undefined) {
    out += field('event', message.event)
  }
  if (message.id !== undefined) {
    out += field('id', message.id)
  }
  if (message.retry !== undefined) {
    out += `retry: ${String(Math.max(0, Math.trunc(message.retry)))}\n`
  }
  for (const line of message.data.split(/\r\n|\r|\n/)) {
    out += `data: ${line}\n`
  }
  return `${out}\n`
}

/** A comment line: ignored by every client, it keeps idle connections open through proxies. */
export const HEARTBEAT = ': \n\n'

const encoder = new TextEncoder()

const HEARTBEAT_BYTES = encoder.encode(HEARTBEAT)

/** Formatted text (a message or `HEARTBEAT`) as UTF-8 bytes; the heartbeat's are encoded once. */
export function encodeText(text: string): Uint8Array {
  return text === HEARTBEAT ? HEARTBEAT_BYTES : encoder.encode(text)
}
