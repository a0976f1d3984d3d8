import { Hono } from 'hono'
import type { Env, MiddlewareHandler, Schema } from 'hono'
import { editResponseHeaders } from '../internal/vary.ts'
import { compression } from './compress.ts'
import type { ServeConfig } from './options.ts'

/** What the composed app reads at request time. */
export interface ComposeState {
  ready: () => boolean
  closing: () => boolean
}

const withStatic = new WeakSet<object>()

/**
 * The app as `serve()` runs it: compression in front, the health routes, then the app itself with
 * the static files as its last route, so the app's own middleware (`secure()`) covers them.
 */
export function composeApp<E extends Env, S extends Schema, B extends string>(
  app: Hono<E, S, B>,
  config: Pick<ServeConfig, 'static' | 'compression' | 'liveness' | 'readiness'>,
  state: ComposeState,
  track: MiddlewareHandler
): Hono {
  if (config.static !== null) {
    if (withStatic.has(app)) {
      throw new TypeError('serve(): this app already serves static files from an earlier serve()')
    }
    withStatic.add(app)
    app.get('/*', config.static.handler)
  }
  const root = new Hono()
  root.use(async function closeWhileDraining(c, next) {
    await next()
    if (state.closing()) {
      // a client on a kept-alive connection (a probe too) goes elsewhere for its next request
      editResponseHeaders(c, (headers) => {
        headers.set('Connection', 'close')
      })
    }
  })
  if (config.compression !== null) {
    root.use(compression(config.compression))
  }
  const health = (ok: boolean): Response =>
    Response.json(
      { ok },
      {
        status: ok ? 200 : 503,
        headers: { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
      }
    )
  if (config.liveness !== null) {
    root.get(config.liveness, () => health(true))
  }
  if (config.readiness !== null) {
    root.get(config.readiness, () => health(state.ready()))
  }
  root.all('*', track, (c) => app.fetch(c.req.raw, c.env as E['Bindings']))
  return root
}
