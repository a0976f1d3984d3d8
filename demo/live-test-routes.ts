// Test-only routes for the live e2e suite (HXKIT_TEST_ROUTES=1): a live partial whose next message
// can carry injected markup, to prove what hx-csp lets through in server-sent messages.
import type { Context, Hono } from 'hono'
import { htmxScripts } from '../src/csp/index.ts'
import { html, hx, raw } from '../src/html/index.ts'
import type { LiveHub } from '../src/live/index.ts'
import { partial } from '../src/partials/index.ts'
import { HTMX_URL_PREFIX } from '../src/server/index.ts'
import type { StaticFiles } from '../src/server/index.ts'
import { page } from '../src/views/index.ts'
import type { Layout } from '../src/views/index.ts'

const CHANNEL = 'e2e-probe'

/** What the probe's next render adds, set by `/__test/live/publish`. */
interface ProbeState {
  version: number
  inject: string
}

function probeMarkup(state: ProbeState) {
  return html`<p>Version ${state.version}</p>
    <button type="button" id="probe-ping" ${hx({ get: '/__test/live/pong', target: '#pong' })}>
      Ping
    </button>
    ${raw(state.inject)}`
}

/**
 * Mounts `/__test/live` (a page with one live partial), `/__test/live/bare` (the same without
 * hxkit.js), its stream, `/__test/live/publish?inject=…&stolen=…` and the ping targets.
 *
 * @param app - the demo app
 * @param deps - the hub, the layout and the static files of the app
 * @example
 * registerLiveTestRoutes(app, { hub, layout, assets })
 */
export function registerLiveTestRoutes(
  app: Hono,
  deps: { hub: LiveHub; layout: Layout; assets: StaticFiles; version: 2 | 4 }
): void {
  const state: ProbeState = { version: 0, inject: '' }
  const probe = partial('probe', () => probeMarkup(state))
  const view = deps.hub.live({ path: '/__test/live/stream', partials: [probe], channels: CHANNEL })
  const body = (c: Context) =>
    html`<h1>Live probe</h1>
      ${probe.render(c)}
      <p id="pong">none</p>
      ${view.element(c, { htmx: deps.version, poll: 1 })}`
  const probePage = page({
    title: 'Live probe',
    layout: deps.layout,
    partials: { probe },
    render: (_p, c) => body(c),
  })
  app.get('/__test/live', probePage.handler)
  // htmx, hx-csp and hx-sse without hxkit.js: what hx-csp does to messages on its own
  app.get('/__test/live/bare', async (c) => {
    const url = (path: string): string => deps.assets.url(path)
    const scripts = htmxScripts(c, {
      htmx: url(`${HTMX_URL_PREFIX}htmx.min.js`),
      extensions: [url(`${HTMX_URL_PREFIX}ext/hx-csp.js`), url(`${HTMX_URL_PREFIX}ext/hx-sse.js`)],
      config: { includeIndicatorCSS: false },
    })
    const markup = await html`<!doctype html>
      <html lang="en">
        <head>
          <title>Live probe (bare)</title>
          ${scripts}
        </head>
        <body>
          <main>${body(c)}</main>
        </body>
      </html>`
    return c.html(markup.value)
  })
  app.get(view.path, view.handler)
  app.get('/__test/live/publish', async (c) => {
    const stolen = c.req.query('stolen') ?? ''
    const injected: string[] = []
    if (c.req.query('inject') === '1') {
      injected.push(
        '<button type="button" id="injected-plain" hx-get="/__test/live/pwned" hx-target="#pong">Plain</button>'
      )
    }
    if (/^[\w+/=]+$/.test(stolen)) {
      injected.push(
        `<button type="button" id="injected-stolen" hx-get="/__test/live/pwned" hx-target="#pong" hx-nonce="${stolen}">Stolen</button>`
      )
    }
    state.version++
    state.inject = injected.join('')
    await deps.hub.publish(CHANNEL)
    return c.json({ version: state.version })
  })
  let pings = 0
  app.get('/__test/live/pong', (c) => c.html(`pong ${String(++pings)}`))
  app.get('/__test/live/pwned', (c) => c.html('pwned'))
}
