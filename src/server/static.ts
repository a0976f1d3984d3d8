import { serveStatic } from '@hono/node-server/serve-static'
import type { Context, MiddlewareHandler } from 'hono'
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress'
import { createReadStream } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { Readable } from 'node:stream'
import { checkKeys } from '../internal/options.ts'
import { FINGERPRINT_LENGTH, fileHashes } from './file-hash.ts'
import { CLIENT_DIR, isDirectory, resolveHtmxDist } from './paths.ts'

/** Where the kit's own client files are served: `/_hxkit/hxkit.js`, `/_hxkit/hxkit.css`. */
export const HXKIT_URL_PREFIX = '/_hxkit/'
/** URL of the kit's behaviour script (`client/hxkit.js`): load it with a nonce, after htmx. */
export const HXKIT_SCRIPT_URL = '/_hxkit/hxkit.js'
/** URL of the kit's base stylesheet (`client/hxkit.css`). */
export const HXKIT_STYLESHEET_URL = '/_hxkit/hxkit.css'
/** Where the `dist/` folder of the app's htmx package is served: `/_hxkit/htmx/htmx.min.js`. */
export const HTMX_URL_PREFIX = '/_hxkit/htmx/'

/** Options of `staticFiles()`. */
export interface StaticOptions {
  /**
   * The app's own static folder, served at `/`, relative to the working directory; `false` for
   * none. The default is used only when the folder exists; a folder you name must exist.
   * @default 'public'
   */
  root?: string | false | undefined
  /**
   * The htmx package whose `dist/` is served under `/_hxkit/htmx/`, as the app depends on it
   * (an alias such as `htmx2` for `npm:htmx.org@2` works); `false` serves no htmx.
   * @default 'htmx.org'
   */
  htmx?: string | false | undefined
  /** The folder the htmx package is resolved from (the app's). @default process.cwd() */
  resolveFrom?: string | undefined
}

/** Static files: the app's folder, the kit's client files and htmx, with content-hash URLs. */
export interface StaticFiles {
  /**
   * The fingerprinted URL of a served file: `/_hxkit/hxkit.js` → `/_hxkit/hxkit.0123456789ab.js`.
   * The hash is of the file's content, so the URL changes when the file does.
   * @throws Error when no served file has that path
   */
  url(path: string): string
  /** The middleware that serves them (GET and HEAD; anything else, or no file, goes to `next`). */
  readonly handler: MiddlewareHandler
}

const OPTION_KEYS = ['root', 'htmx', 'resolveFrom'] as const
const IMMUTABLE = 'public, max-age=31536000, immutable'
const FINGERPRINTED = new RegExp(`^(.*)\\.([0-9a-f]{${String(FINGERPRINT_LENGTH)}})(\\.[^./]+)?$`)
// No dotfiles (.env, .git/…) from a served folder; RFC 8615's /.well-known/ is the exception.
const DOTFILE = /(?:^|\/)\.(?!well-known\/)/

interface Mount {
  prefix: string
  dir: string
}

function mounts(options: StaticOptions): Mount[] {
  const list: Mount[] = []
  const htmx = options.htmx ?? 'htmx.org'
  if (htmx !== false) {
    if (typeof htmx !== 'string' || htmx === '') {
      throw new TypeError('staticFiles(): "htmx" must be a package name or false')
    }
    list.push({
      prefix: HTMX_URL_PREFIX,
      dir: resolve(resolveHtmxDist(htmx, options.resolveFrom ?? '.')),
    })
  }
  list.push({ prefix: HXKIT_URL_PREFIX, dir: resolve(CLIENT_DIR) })
  const root = options.root ?? 'public'
  if (root !== false) {
    if (typeof root !== 'string' || root === '') {
      throw new TypeError('staticFiles(): "root" must be a folder path or false')
    }
    const dir = resolve(root)
    if (isDirectory(dir)) {
      list.push({ prefix: '/', dir })
    } else if (options.root !== undefined) {
      throw new TypeError(`staticFiles(): "root" folder ${dir} does not exist`)
    }
  }
  return list
}

// If-None-Match uses the weak comparison: W/"x" and "x" both match W/"x" (RFC 9110 §13.1.2).
function matches(header: string | undefined, tag: string): boolean {
  if (header === undefined) {
    return false
  }
  const bare = tag.replace(/^W\//, '')
  return header.split(',').some((entry) => {
    const candidate = entry.trim()
    return candidate === '*' || candidate.replace(/^W\//, '') === bare
  })
}

function withFingerprint(path: string, fingerprint: string): string {
  const slash = path.lastIndexOf('/')
  const dot = path.lastIndexOf('.')
  return dot > slash + 1
    ? `${path.slice(0, dot)}.${fingerprint}${path.slice(dot)}`
    : `${path}.${fingerprint}`
}

/**
 * Serves the app's static folder at `/`, the kit's client files (`client/`) under `/_hxkit/` and
 * the app's htmx package under `/_hxkit/htmx/`, with an ETag and `Cache-Control: no-cache` (a
 * 304 when unchanged), or `public, max-age=31536000, immutable` on a URL made by `url()` whose
 * hash matches the file. Every file gets `X-Content-Type-Options: nosniff`. Path checks are
 * `@hono/node-server`'s `serveStatic` (no `..`, backslashes, `//` or percent-escapes);
 * dotfiles are never served. `serve()` mounts the handler after the app's own routes and
 * middleware, so `secure()` adds its headers to static files as to pages.
 *
 * @param options - `root`, `htmx`, `resolveFrom`
 * @returns `url(path)` for layouts and the `handler`
 * @throws TypeError at start-up for an unknown option, a missing `root` or htmx package
 * @see docs/server.md
 * @example
 * const assets = staticFiles({ root: 'public' })
 * const layout: Layout = (body, { c }) => html`<head>
 *   <link rel="stylesheet" href="${assets.url(HXKIT_STYLESHEET_URL)}" />
 *   ${htmxScripts(c, { htmx: assets.url(`${HTMX_URL_PREFIX}htmx.min.js`), scripts: [assets.url(HXKIT_SCRIPT_URL)] })}
 * </head><body>${body}</body>`
 * serve(app, { static: assets })
 */
export function staticFiles(options: StaticOptions = {}): StaticFiles {
  checkKeys('staticFiles()', options, OPTION_KEYS)
  const list = mounts(options)
  const hashes = fileHashes()
  const locate = (path: string): string | null => {
    const mount = list.find((m) => path.startsWith(m.prefix))
    if (mount === undefined) {
      return null
    }
    const { dir } = mount
    const file = join(dir, path.slice(mount.prefix.length))
    // never outside the mounted folder, whatever the path checks before let through
    return file === dir || file.startsWith(dir + sep) ? file : null
  }
  // what rewriteRequestPath found, per request: the fingerprint the URL asked for
  const asked = new WeakMap<Context, string>()
  const served = new WeakMap<Context, string>()
  const files = serveStatic({
    root: '',
    // the decoded path has passed serveStatic's traversal checks by now
    rewriteRequestPath: (path, c) => {
      const file = locate(path)
      if (file === null || hashes(file) !== null || isDirectory(file)) {
        return file ?? '\u0000'
      }
      const match = FINGERPRINTED.exec(path)
      if (match === null) {
        return file
      }
      asked.set(c, match[2] as string)
      return locate(`${match[1] as string}${match[3] ?? ''}`) ?? '\u0000'
    },
    onFound: (path, c) => {
      served.set(c, path)
    },
  })
  const serveFile: MiddlewareHandler = async function serveFile(c, next) {
    if (DOTFILE.test(c.req.path)) {
      return next()
    }
    const res = await files(c, next)
    const path = served.get(c)
    if (!(res instanceof Response) || path === undefined) {
      return res
    }
    const hash = hashes(path)
    // weak: the compressed and the identity bytes are the same resource, and If-Range (which
    // needs a strong validator) then never matches, so a resumed download is never spliced
    const tag = hash === null ? null : `W/${hash.etag}`
    const immutable = hash !== null && asked.get(c) === hash.fingerprint
    const headers = new Headers(res.headers)
    headers.set('X-Content-Type-Options', 'nosniff')
    headers.set('Cache-Control', immutable ? IMMUTABLE : 'no-cache')
    if (tag !== null) {
      headers.set('ETag', tag)
    }
    if (COMPRESSIBLE_CONTENT_TYPE_REGEX.test(headers.get('Content-Type') ?? '')) {
      headers.set('Vary', 'Accept-Encoding')
    }
    if (tag !== null && matches(c.req.header('If-None-Match'), tag)) {
      await res.body?.cancel()
      for (const name of ['Content-Length', 'Content-Range', 'Accept-Ranges', 'Content-Type']) {
        headers.delete(name)
      }
      return new Response(null, { status: 304, headers })
    }
    if (res.status === 206 && c.req.header('If-Range') !== undefined && hash !== null) {
      await res.body?.cancel()
      headers.delete('Content-Range')
      headers.set('Content-Length', String(hash.size))
      const body =
        c.req.method === 'HEAD'
          ? null
          : (Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>)
      return new Response(body, { status: 200, headers })
    }
    return new Response(res.body, { status: res.status, headers })
  }
  // A layout asks for the same few URLs on every page: the path checks and the file lookup are
  // done once per path, the content hash is still re-read (hashes() notices changed files).
  const urls = new Map<string, { file: string; fingerprint: string; url: string }>()
  return {
    url(path) {
      let known = urls.get(path)
      if (known === undefined) {
        const ok =
          /^\/(?!\/)[^?#%\\]*$/.test(path) &&
          !/(?:^|\/)\.\.?(?:\/|$)/.test(path) &&
          !DOTFILE.test(path)
        known = { file: (ok ? locate(path) : null) ?? '\u0000', fingerprint: '', url: '' }
      }
      const hash = hashes(known.file)
      if (hash === null) {
        throw new Error(`staticFiles(): no static file is served at ${path}`)
      }
      if (hash.fingerprint !== known.fingerprint) {
        known = {
          file: known.file,
          fingerprint: hash.fingerprint,
          url: withFingerprint(path, hash.fingerprint),
        }
        urls.set(path, known)
      }
      return known.url
    },
    handler: serveFile,
  }
}
