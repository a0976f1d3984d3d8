import { existsSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

// src/server/*.ts and the compiled dist/server/*.js are both two levels below the package root.
export const CLIENT_DIR: string = fileURLToPath(new URL('../../client/', import.meta.url))

export function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory()
}

/**
 * The `dist/` folder of the htmx package the *app* depends on, resolved from `from` (the app's
 * folder), not from hxkit's own location: with pnpm or a nested install, hxkit may not see the
 * app's htmx, and an app that aliases a version (`"htmx2": "npm:htmx.org@2"`) names it here.
 */
export function resolveHtmxDist(pkg: string, from: string): string {
  // the node_modules folders Node would search from there; no package `exports` get in the way
  const folders = createRequire(join(resolve(from), 'noop.js')).resolve.paths(pkg) ?? []
  const manifest = folders
    .map((dir) => join(dir, pkg, 'package.json'))
    .find((path) => existsSync(path))
  if (manifest === undefined) {
    throw new TypeError(
      `staticFiles(): "htmx" names ${JSON.stringify(pkg)}, which cannot be found from ${resolve(from)}; install it (npm install ${pkg}) or pass htmx: false`
    )
  }
  const dist = join(dirname(manifest), 'dist')
  if (!isDirectory(dist)) {
    throw new TypeError(`staticFiles(): "htmx" package ${JSON.stringify(pkg)} has no dist/ folder`)
  }
  return dist
}
