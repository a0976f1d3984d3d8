import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { UnofficialStatusCode } from 'hono/utils/http-status'
import { SafeHtml, escapeHtml, hxNonce } from '../html/index.ts'
import type { HtmlValue } from '../html/index.ts'
import { checkKeys } from '../internal/options.ts'
import { addVary } from '../internal/vary.ts'
import type { NamedPartial } from '../partials/index.ts'
import { checkChannel } from './bus.ts'
import type { HubInternals } from './hub.ts'
import { askUntil, endIfDone } from './registry.ts'
import type { Entry } from './registry.ts'
import { renderBlocks } from './render.ts'
import { LiveStream, directResponse } from './stream.ts'
import type { DirectResponse } from './stream.ts'

/** Options of `hub.live()`. */
export interface LiveOptions {
  /** The route of the stream (and of the polling fallback), e.g. `/live/overview`. */
  path: string
  /** The partials kept fresh; they render with the same loaders as the page. */
  partials: readonly NamedPartial[]
  /** The channels to listen on, or a function of the request for keyed ones (`task:<id>`). */
  channels: string | readonly string[] | ((c: Context) => string | readonly string[])
  /** Render once per flush for every stream (loaders that do not depend on the user). @default false */
  shared?: boolean | undefined
  /**
   * Asked before each message is rendered: `true` makes that message the last, followed by
   * `hxkit:end` (a finished task), and the polling answer a `286`.
   */
  until?: ((c: Context) => boolean | Promise<boolean>) | undefined
  /**
   * Markup sent after the partials in every message and polling answer: `<hx-partial>` blocks for
   * regions that are not replaced whole, such as `toasts()` appended to the toast region.
   */
  oob?: ((c: Context) => HtmlValue) | undefined
}

/** Options of `view.element()`. */
export interface LiveElementOptions {
  /** The htmx the page loads: 4 opens the stream, 2 polls the same route instead. @default 4 */
  htmx?: 2 | 4 | undefined
  /** The htmx 2 polling interval, in seconds. @default 5 */
  poll?: number | undefined
  /**
   * The stream's URL when `path` has parameters (`/tasks/42/live` for `/tasks/:id/live`), or with
   * a query the loaders read (`/live/tasks?status=FAILED`). @default path
   */
  url?: string | undefined
}

// The stream URL with `since=` set to the page's render time. A `since` already on the URL (an
// application link copied from an earlier page) is replaced, never repeated; any other query is
// kept as written.
function withSince(target: string, since: number): string {
  const query = target.indexOf('?')
  if (query === -1) {
    return `${target}?since=${String(since)}`
  }
  if (!/[?&]since=/.test(target)) {
    return `${target}&since=${String(since)}`
  }
  const params = new URLSearchParams(target.slice(query + 1))
  params.set('since', String(since))
  return `${target.slice(0, query)}?${params.toString()}`
}

/** Live partials: the stream route and the element that opens it. */
export interface LiveView {
  /** The route to mount `handler` on. */
  readonly path: string
  /** The route handler: an event stream for htmx 4, the partials as `<hx-partial>` blocks otherwise. */
  readonly handler: (c: Context) => Promise<Response>
  /** The hidden element a page renders to open the stream (htmx 4) or poll (htmx 2). */
  readonly element: (c: Context, options?: LiveElementOptions) => SafeHtml
}

const END_EVENT = 'hxkit:end'

function checkOptions(options: LiveOptions): void {
  checkKeys('live()', options, ['path', 'partials', 'channels', 'shared', 'until', 'oob'])
  if (typeof options.path !== 'string' || !/^\/[^\s?#"<>]*$/.test(options.path)) {
    throw new TypeError('live(): "path" must be a path starting with / (no query)')
  }
  if (!Array.isArray(options.partials) || options.partials.length === 0) {
    throw new TypeError('live(): "partials" must list at least one partial')
  }
  if (typeof options.channels !== 'function') {
    listChannels('live()', options.channels)
  }
  for (const name of ['until', 'oob'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      throw new TypeError(`live(): "${name}" must be a function`)
    }
  }
}

function listChannels(caller: string, given: string | readonly string[]): readonly string[] {
  const list = typeof given === 'string' ? [given] : given
  if (!Array.isArray(list) || list.length === 0) {
    throw new TypeError(`${caller}: "channels" must name at least one channel`)
  }
  return list.map((channel: unknown) => checkChannel(caller, channel))
}

function refuse(c: Context, status: 404 | 503, retryAfter: number): Response {
  if (status === 503) {
    c.header('Retry-After', String(retryAfter))
  }
  c.header('Cache-Control', 'no-store')
  return c.text(status === 503 ? 'Too many live streams' : 'No such live channel', status)
}

const STREAM_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-store, no-transform',
  // nginx buffers proxied responses unless told not to
  'X-Accel-Buffering': 'no',
  // the socket is not reused after a stream: a shutdown need not wait for it to idle
  Connection: 'close',
}

export function createView(hub: HubInternals, options: LiveOptions): LiveView {
  checkOptions(options)
  const { path, partials, until, oob } = options
  const runtime = { partials: [...partials], shared: options.shared === true, until, oob }
  const channelsOf = (c: Context): readonly string[] | null => {
    try {
      const given = typeof options.channels === 'function' ? options.channels(c) : options.channels
      return listChannels('live()', given)
    } catch (error) {
      // a keyed channel built from request input: a bad key is a 404, not a 500
      if (error instanceof TypeError) {
        return null
      }
      throw error
    }
  }

  // as on a stream: until() throwing counts as not finished, and a render that fails costs this
  // answer only (204: htmx swaps nothing and polls again), logged like a stream's
  const poll = async (c: Context): Promise<Response> => {
    const done = await askUntil(until, c)
    let res: Response
    try {
      const markup = await renderBlocks(c, runtime.partials, oob)
      res = c.html(markup.value, (done ? 286 : 200) as UnofficialStatusCode)
    } catch (error) {
      // a loader's own answer (a 404 for a task that is gone) stays the answer
      if (error instanceof HTTPException) {
        throw error
      }
      hub.onError(error)
      res = c.body(null, 204)
    }
    res.headers.set('Cache-Control', 'no-store')
    addVary(res.headers, ['Accept'])
    return res
  }

  const handler = async (c: Context): Promise<Response> => {
    const channels = channelsOf(c)
    if (channels === null) {
      return refuse(c, 404, 0)
    }
    if (!(c.req.header('Accept') ?? '').includes('text/event-stream')) {
      return poll(c)
    }
    const { registry, config } = hub
    if (hub.closed() || registry.entries.size >= config.maxStreams) {
      return refuse(c, 503, config.retryAfter)
    }
    // hono answers HEAD through the GET route and drops the body unread: a stream opened for it
    // would stay registered, rendering on every publish and holding a place under maxStreams
    if (c.req.method === 'HEAD') {
      return new Response(null, { headers: STREAM_HEADERS })
    }
    const stream: LiveStream = new LiveStream({
      maxBuffered: config.maxBuffered,
      // only while the server sends the very response returned here: a middleware that replaced
      // it may have wrapped the body, and direct writes would bypass the wrapper
      direct: (): DirectResponse | undefined =>
        c.res === response ? directResponse(c.env) : undefined,
      onEnd: (ended, reason) => {
        registry.remove(ended, reason)
        if (reason === 'slow') {
          hub.onSlow()
        }
      },
    })
    const nonce = c.get('cspNonce')
    const entry: Entry = { stream, view: runtime, c, nonce, channels, dirty: null }
    registry.add(entry)
    stream.send({ event: 'hxkit:nonce', data: nonce ?? '', retry: config.retry })
    const since = Number(c.req.header('Last-Event-ID') ?? c.req.query('since'))
    // the first render waits until the bus hears every publish (Redis acknowledged it)
    registry.whenReady(entry, () => {
      if (registry.changedSince(channels, since)) {
        registry.mark(entry, undefined)
      } else {
        void endIfDone(entry)
      }
    })
    const response = new Response(stream.body, { headers: STREAM_HEADERS })
    return response
  }

  const element = (_c: Context, elementOptions: LiveElementOptions = {}): SafeHtml => {
    checkKeys('element()', elementOptions, ['htmx', 'poll', 'url'])
    const target = elementOptions.url ?? path
    if (typeof target !== 'string' || !/^\/[^\s#"<>]*$/.test(target)) {
      throw new TypeError('element(): "url" must be a path starting with / (a query may follow)')
    }
    const since = Date.now() - 2000
    if (elementOptions.htmx === 2) {
      const seconds = elementOptions.poll ?? 5
      if (typeof seconds !== 'number' || !(seconds > 0)) {
        throw new TypeError('element(): "poll" must be a positive number of seconds')
      }
      return new SafeHtml(
        `<div hidden hx-get="${escapeHtml(target)}" hx-trigger="every ${String(seconds)}s"${hxNonce().value}></div>`
      )
    }
    const url = withSince(target, since)
    return new SafeHtml(
      `<div hidden hx-sse:connect="${escapeHtml(url)}" hx-sse:close="${END_EVENT}"${hxNonce().value}></div>`
    )
  }

  return Object.freeze({ path, handler, element })
}
