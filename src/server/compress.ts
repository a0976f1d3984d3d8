import type { MiddlewareHandler } from 'hono'
import { parseAccept } from 'hono/utils/accept'
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress'
import { Duplex } from 'node:stream'
import zlib from 'node:zlib'
import { checkKeys } from '../internal/options.ts'
import { addVary, editResponseHeaders } from '../internal/vary.ts'
import { checkInteger } from './check.ts'

/** A response encoding `compression()` can produce. */
export type Encoding = 'br' | 'gzip'

/** Options of `compression()`. */
export interface CompressionOptions {
  /** The encodings offered, most preferred first (on equal `q` values). @default ['br', 'gzip'] */
  encodings?: readonly Encoding[] | undefined
  /** Bodies smaller than this many bytes are sent as they are. @default 1024 */
  threshold?: number | undefined
  /** Brotli quality, 0–11 (11 is far slower; 4 suits pages rendered per request). @default 4 */
  brotliQuality?: number | undefined
  /** gzip level, 1–9. @default 6 */
  gzipLevel?: number | undefined
}

const OPTION_KEYS = ['encodings', 'threshold', 'brotliQuality', 'gzipLevel'] as const
const ENCODINGS: readonly Encoding[] = ['br', 'gzip']
const EVENT_STREAM = /^\s*text\/event-stream/i
const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i

interface Settings {
  encodings: readonly Encoding[]
  threshold: number
  brotliQuality: number
  gzipLevel: number
}

function settings(options: CompressionOptions): Settings {
  checkKeys('compression()', options, OPTION_KEYS)
  const encodings = options.encodings ?? ENCODINGS
  if (
    !Array.isArray(encodings) ||
    encodings.length === 0 ||
    !encodings.every((e: unknown) => ENCODINGS.includes(e as Encoding))
  ) {
    throw new TypeError('compression(): "encodings" must be a non-empty list of br, gzip')
  }
  const fn = 'compression()'
  return {
    encodings,
    threshold: checkInteger(fn, 'threshold', options.threshold, 1024, { min: 0 }),
    brotliQuality: checkInteger(fn, 'brotliQuality', options.brotliQuality, 4, { min: 0, max: 11 }),
    gzipLevel: checkInteger(fn, 'gzipLevel', options.gzipLevel, 6, { min: 1, max: 9 }),
  }
}

// hono's compress() rule: the first offered encoding with q=1, else the highest q above 0.
function selectEncoding(header: string | undefined, offered: readonly Encoding[]): Encoding | null {
  if (header === undefined) {
    return null
  }
  const accepts = parseAccept(header)
  const wildcard = accepts.find((a) => a.type === '*')?.q
  let best: { encoding: Encoding; q: number } | null = null
  for (const encoding of offered) {
    const q = accepts.find((a) => a.type.toLowerCase() === encoding)?.q ?? wildcard ?? 0
    if (q === 1) {
      return encoding
    }
    if (q > 0 && (best === null || q > best.q)) {
      best = { encoding, q }
    }
  }
  return best?.encoding ?? null
}

function compressible(res: Response): boolean {
  const type = res.headers.get('Content-Type')
  const cacheControl = res.headers.get('Cache-Control')
  return (
    type !== null &&
    !EVENT_STREAM.test(type) &&
    COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) &&
    !res.headers.has('Content-Encoding') &&
    // a stream the handler flushes chunk by chunk (hono's stream helpers set it): leave it be
    !res.headers.has('Transfer-Encoding') &&
    !(cacheControl !== null && NO_TRANSFORM.test(cacheControl))
  )
}

function encoder(encoding: Encoding, s: Settings): zlib.BrotliCompress | zlib.Gzip {
  // flushed per chunk, so a streamed page still reaches the browser piece by piece
  return encoding === 'br'
    ? zlib.createBrotliCompress({
        flush: zlib.constants.BROTLI_OPERATION_FLUSH,
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: s.brotliQuality },
      })
    : zlib.createGzip({ level: s.gzipLevel, flush: zlib.constants.Z_SYNC_FLUSH })
}

// Whole bodies are compressed right here: for a page-sized body this is quicker than a round trip
// through libuv's thread pool (docs/performance.md, compression).
function encodeOnce(body: Uint8Array, encoding: Encoding, s: Settings): Uint8Array<ArrayBuffer> {
  const out =
    encoding === 'br'
      ? zlib.brotliCompressSync(body, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: s.brotliQuality,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
          },
        })
      : zlib.gzipSync(body, { level: s.gzipLevel })
  return out
}

type Body =
  | { kind: 'whole'; bytes: Uint8Array<ArrayBuffer> }
  | { kind: 'stream'; stream: ReadableStream<Uint8Array> }

const PENDING = Symbol('pending')
const ACCEPT_ENCODING = ['Accept-Encoding']

// A body made from a string or buffer is one chunk, already closed: read it whole and compress it
// in one go (with a Content-Length). A body that is still being produced stays a stream.
async function readBody(body: ReadableStream<Uint8Array>): Promise<Body> {
  const reader = body.getReader()
  const first = await reader.read()
  if (first.done) {
    return { kind: 'whole', bytes: new Uint8Array(0) }
  }
  const next = reader.read()
  const settled = await Promise.race([next, new Promise((done) => setImmediate(done, PENDING))])
  if (settled !== PENDING && (settled as ReadableStreamReadResult<Uint8Array>).done) {
    return { kind: 'whole', bytes: first.value as Uint8Array<ArrayBuffer> }
  }
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = next
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(first.value)
    },
    async pull(controller) {
      const result = await (pending ?? reader.read())
      pending = null
      if (result.done) {
        controller.close()
      } else {
        controller.enqueue(result.value)
      }
    },
    cancel(reason) {
      return reader.cancel(reason)
    },
  })
  return { kind: 'stream', stream }
}

/**
 * Compresses responses with brotli or gzip, chosen by `Accept-Encoding`: HTML, CSS, JavaScript,
 * JSON and the other text types hono's `compress()` lists. Never Server-Sent Events
 * (`text/event-stream`), streams with `Transfer-Encoding`, `HEAD`, 206 or `no-transform`
 * responses, or bodies under `threshold`. Compressible responses get `Vary: Accept-Encoding`;
 * a strong ETag becomes weak. `serve()` mounts it in front of the app.
 *
 * hono's own `compress()` has no brotli (Node's `CompressionStream` lacks it); this uses
 * `node:zlib`.
 *
 * @param options - `encodings`, `threshold`, `brotliQuality`, `gzipLevel`
 * @throws TypeError at start-up for an unknown option or a value out of range
 * @see docs/server.md
 * @example
 * app.use(compression({ encodings: ['gzip'] }))
 */
export function compression(options: CompressionOptions = {}): MiddlewareHandler {
  const s = settings(options)
  return async function compression(c, next) {
    await next()
    if (c.res.status === 304 && compressible(c.res)) {
      // the 304 names the variant the 200 was: the same Vary, and a weak ETag when compressed
      const encoded = selectEncoding(c.req.header('Accept-Encoding'), s.encodings) !== null
      editResponseHeaders(c, (headers) => {
        addVary(headers, ACCEPT_ENCODING)
        const tag = headers.get('ETag')
        if (encoded && tag?.startsWith('"') === true) {
          headers.set('ETag', `W/${tag}`)
        }
      })
      return
    }
    if (
      c.req.method === 'HEAD' ||
      c.res.status === 206 ||
      c.res.body === null ||
      !compressible(c.res)
    ) {
      return
    }
    const length = c.res.headers.get('Content-Length')
    if (length !== null && Number(length) < s.threshold) {
      return
    }
    // a fetch() response passed through has immutable headers: edited on a copy then
    editResponseHeaders(c, (headers) => {
      addVary(headers, ACCEPT_ENCODING)
    })
    const res = c.res
    const encoding = selectEncoding(c.req.header('Accept-Encoding'), s.encodings)
    if (encoding === null) {
      return
    }
    const body = await readBody(res.body as ReadableStream<Uint8Array>)
    let encoded: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>
    if (body.kind === 'whole') {
      if (body.bytes.byteLength < s.threshold) {
        c.res = new Response(body.bytes, res)
        return
      }
      encoded = encodeOnce(body.bytes, encoding, s)
    } else {
      const pair = Duplex.toWeb(encoder(encoding, s)) as unknown as ReadableWritablePair<
        Uint8Array,
        Uint8Array
      >
      encoded = body.stream.pipeThrough(pair)
    }
    c.res = new Response(encoded, res)
    const headers = c.res.headers
    headers.set('Content-Encoding', encoding)
    if (encoded instanceof Uint8Array) {
      headers.set('Content-Length', String(encoded.byteLength))
    } else {
      headers.delete('Content-Length')
    }
    const tag = headers.get('ETag')
    if (tag?.startsWith('"') === true) {
      headers.set('ETag', `W/${tag}`)
    }
  }
}
