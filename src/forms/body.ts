import { FormDecodeError } from './errors.ts'
import type { FormLimits } from './limits.ts'
import { byteLength } from './names.ts'

/** What the decoder reads: hono's `c.req` (its raw Request, and its cached copy of a read body). */
export interface BodySource {
  readonly raw: Request
  arrayBuffer(): Promise<ArrayBuffer>
}

/** One submitted name and its value. */
export type Pair = readonly [name: string, value: string | File]

/**
 * The query parameter that marks a live-validation request: `?_validate=address.city`.
 *
 * @see docs/forms.md
 * @example
 * const isLive = c.req.query(LIVE_PARAM) !== undefined
 */
export const LIVE_PARAM = '_validate'

const tooLarge = (what: string, max: number): FormDecodeError =>
  new FormDecodeError('body-too-large', `${what} is larger than ${String(max)} bytes`)

async function readCapped(req: BodySource, max: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.raw.headers.get('content-length') ?? '0')
  if (declared > max) {
    throw tooLarge('Request body', max)
  }
  const raw = req.raw
  if (raw.bodyUsed || raw.body === null) {
    // read earlier by a middleware: hono keeps a copy, so only the size is left to check
    const copy = new Uint8Array(await req.arrayBuffer())
    if (copy.byteLength > max) {
      throw tooLarge('Request body', max)
    }
    return copy
  }
  const reader = raw.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) {
      break
    }
    total += value.byteLength
    if (total > max) {
      // do not trust Content-Length: stop reading as soon as the cap is passed. Release the lock,
      // do not cancel: undici ≥ 7.20 (Node 24) keeps enqueueing an in-process FormData body after
      // a cancel, an unhandled rejection (nodejs/undici#5835); @hono/node-server drains or drops
      // the unread rest of a socket body (autoCleanupIncoming).
      reader.releaseLock()
      throw tooLarge('Request body', max)
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

function checkPairs(pairs: Pair[], limits: FormLimits): Pair[] {
  if (pairs.length > limits.maxFields) {
    throw new FormDecodeError('too-many-fields', `More than ${String(limits.maxFields)} fields`)
  }
  let files = 0
  for (const [name, value] of pairs) {
    if (typeof value === 'string') {
      if (byteLength(value, limits.maxValueBytes) > limits.maxValueBytes) {
        throw new FormDecodeError(
          'value-too-large',
          `The value of "${name.slice(0, 64)}" is larger than ${String(limits.maxValueBytes)} bytes`
        )
      }
    } else if (value.size > 0 || value.name !== '') {
      if (++files > limits.maxFiles) {
        throw new FormDecodeError('too-many-files', `More than ${String(limits.maxFiles)} files`)
      }
      if (value.size > limits.maxFileBytes) {
        throw new FormDecodeError(
          'file-too-large',
          `The file in "${name.slice(0, 64)}" is larger than ${String(limits.maxFileBytes)} bytes`
        )
      }
    }
  }
  return pairs
}

/** Splits an urlencoded body (or query string) into pairs, dropping the live-validation marker. */
export function urlencodedPairs(body: string | URLSearchParams, limits: FormLimits): Pair[] {
  const params = typeof body === 'string' ? new URLSearchParams(body) : body
  const pairs: Pair[] = []
  for (const pair of params) {
    pairs.push(pair)
    if (pairs.length > limits.maxFields) {
      break
    }
  }
  return checkPairs(pairs, limits)
}

/** Turns `FormData` into checked pairs. */
export function formDataPairs(data: FormData, limits: FormLimits): Pair[] {
  const pairs: Pair[] = []
  for (const pair of data) {
    pairs.push(pair)
  }
  return checkPairs(pairs, limits)
}

/**
 * Reads a request's form fields within the limits: the query string of a GET/HEAD form, an
 * urlencoded body or a multipart body. Refuses other media types (415).
 */
export async function readPairs(req: BodySource, limits: FormLimits): Promise<Pair[]> {
  if (req.raw.method === 'GET' || req.raw.method === 'HEAD') {
    const query = new URL(req.raw.url).searchParams
    query.delete(LIVE_PARAM)
    const text = query.toString()
    if (text.length > limits.maxBodyBytes) {
      throw tooLarge('Query string', limits.maxBodyBytes)
    }
    return urlencodedPairs(query, limits)
  }
  const type = req.raw.headers.get('content-type') ?? ''
  const media = (type.split(';')[0] ?? '').trim().toLowerCase()
  if (media === 'application/x-www-form-urlencoded') {
    const bytes = await readCapped(req, limits.maxBodyBytes)
    return urlencodedPairs(new TextDecoder().decode(bytes), limits)
  }
  if (media === 'multipart/form-data') {
    const bytes = await readCapped(req, limits.maxMultipartBytes)
    let data: FormData
    try {
      data = await new Response(bytes, { headers: { 'content-type': type } }).formData()
    } catch {
      throw new FormDecodeError('malformed', 'Malformed multipart/form-data body')
    }
    return formDataPairs(data, limits)
  }
  throw new FormDecodeError(
    'unsupported-media-type',
    'Expected application/x-www-form-urlencoded or multipart/form-data'
  )
}
