// The demo's document layout: head (htmx config before htmx, nonced scripts), boosted navigation, main.
import type { Context } from 'hono'
import type { AuthUser } from '../src/auth/index.ts'
import { takeFlashes, toastRegion } from '../src/components/index.ts'
import { htmxScripts } from '../src/csp/index.ts'
import type { HtmxScriptsOptions } from '../src/csp/index.ts'
import { html, hx } from '../src/html/index.ts'
import type { SafeHtml } from '../src/html/index.ts'
import { HTMX_URL_PREFIX, HXKIT_SCRIPT_URL, HXKIT_STYLESHEET_URL } from '../src/server/index.ts'
import type { StaticFiles } from '../src/server/index.ts'
import type { DemoUser } from './users.ts'

/** Which htmx the browser gets: 4 (default) or 2 (`HTMX_VERSION=2`, for the compat e2e run). */
export type HtmxVersion = 2 | 4

/**
 * Reads the htmx version from the environment.
 *
 * @param env - the environment; default `process.env`
 * @example
 * htmxVersionFromEnv({ HTMX_VERSION: '2' }) // 2
 */
export function htmxVersionFromEnv(
  env: Record<string, string | undefined> = process.env
): HtmxVersion {
  return env['HTMX_VERSION'] === '2' ? 2 : 4
}

// htmx 4: the indicator CSS ships in hxkit.css, and hx-csp's safeEval runs hx-on without eval.
// htmx 2: no injected <style>, no eval, no scripts from responses (docs/protocol.md §4.2, §4.3).
const HTMX4_CONFIG = { includeIndicatorCSS: false, safeEval: true }
const HTMX2_CONFIG = { includeIndicatorStyles: false, allowEval: false, allowScriptTags: false }

// Each link shows only to the roles that may open it (the routes check again).
const NAV: readonly { href: string; label: string; role: string }[] = [
  { href: '/', label: 'Overview', role: 'viewer' },
  { href: '/orders', label: 'Orders', role: 'viewer' },
  { href: '/customers', label: 'Customers', role: 'viewer' },
  { href: '/orders/new', label: 'New order', role: 'operator' },
  { href: '/tasks', label: 'Tasks', role: 'viewer' },
  { href: '/csp-reports', label: 'CSP reports', role: 'admin' },
  { href: '/users', label: 'Users', role: 'admin' },
]

function navLinks(path: string, user: AuthUser | null): SafeHtml {
  const links = NAV.filter(({ role }) => user?.roles.includes(role) === true)
  // hx-boost sits on each link: htmx 4 does not inherit attributes implicitly, htmx 2 does.
  return html`${links.map(({ href, label }) => {
    const current = href === path ? html` aria-current="page"` : ''
    return html`<li><a href="${href}" ${hx({ boost: true })}${current}>${label}</a></li>`
  })}`
}

/**
 * Builds the demo layout for one htmx version. Scripts and stylesheets are linked by content hash
 * (`assets.url()`), so browsers keep them until they change.
 *
 * @param version - which htmx the page loads (the one `assets` serves under /_hxkit/htmx/)
 * @param assets - the static files the server serves
 * @returns a `Layout` for `page()`
 * @example
 * const layout = demoLayout(4, demoAssets(4))
 */
export function demoLayout(
  version: HtmxVersion,
  assets: StaticFiles
): (body: SafeHtml, meta: { title: string; c: Context }) => SafeHtml {
  const url = (path: string): string => assets.url(path)
  // one object per layout: htmxScripts() builds its tags once per options object
  const scripts: HtmxScriptsOptions =
    version === 2
      ? {
          htmx: url(`${HTMX_URL_PREFIX}htmx.min.js`),
          config: HTMX2_CONFIG,
          scripts: [url(HXKIT_SCRIPT_URL)],
        }
      : {
          htmx: url(`${HTMX_URL_PREFIX}htmx.min.js`),
          extensions: [
            url(`${HTMX_URL_PREFIX}ext/hx-csp.js`),
            url(`${HTMX_URL_PREFIX}ext/hx-sse.js`),
          ],
          config: HTMX4_CONFIG,
          scripts: [url(HXKIT_SCRIPT_URL)],
        }
  return (body, { title, c }) => {
    // the layout also renders pages of apps without the session middleware (tests of one part)
    const user = (c.get('authUser') as DemoUser | null | undefined) ?? null
    return html`<!doctype html>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>${title} · hxkit demo</title>
          <link rel="stylesheet" href="${url(HXKIT_STYLESHEET_URL)}" />
          <link rel="stylesheet" href="${url('/demo.css')}" />
          ${htmxScripts(c, scripts)}
        </head>
        <body data-htmx-version="${version}">
          <a class="skip-link" href="#main">Skip to content</a>
          <header class="app-header">
            <a class="brand" href="/">hxkit demo</a>
            <nav aria-label="Main">
              <ul>
                ${navLinks(c.req.path, user)}
              </ul>
            </nav>
            ${userBox(user)}
          </header>
          <main id="main">
            <div id="alerts" class="alerts" aria-live="assertive"></div>
            ${body}
          </main>
          ${toastRegion(takeFlashes(c))}
        </body>
      </html>`
  }
}

/** Who is signed in, and the sign-out button (a POST, so no link can sign anyone out). */
function userBox(user: DemoUser | null): SafeHtml | '' {
  if (user === null) {
    return ''
  }
  return html`<form class="user-box" method="post" action="/logout">
    <span>${user.name} <span class="role">(${user.role})</span></span>
    <button type="submit">Sign out</button>
  </form>`
}
