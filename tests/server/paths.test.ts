import { describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CLIENT_DIR, resolveHtmxDist } from '../../src/server/paths.ts'

const repo = join(import.meta.dirname, '../..')

describe('CLIENT_DIR', () => {
  it('is the package’s client/ folder with the kit’s script and stylesheet', () => {
    expect(CLIENT_DIR).toBe(join(repo, 'client/'))
    expect(existsSync(join(CLIENT_DIR, 'hxkit.js'))).toBe(true)
    expect(existsSync(join(CLIENT_DIR, 'hxkit.css'))).toBe(true)
  })
})

describe('resolveHtmxDist()', () => {
  it('finds the app’s htmx package, or an alias of it', () => {
    const installed = realpathSync(join(repo, 'node_modules'))

    expect(realpathSync(resolveHtmxDist('htmx.org', repo))).toBe(join(installed, 'htmx.org/dist'))
    expect(realpathSync(resolveHtmxDist('htmx2', repo))).toBe(join(installed, 'htmx2/dist'))
  })

  it('throws a TypeError naming "htmx" when the package is not installed', () => {
    expect(() => resolveHtmxDist('htmx-not-installed', repo)).toThrow(
      /"htmx" names "htmx-not-installed", which cannot be found/
    )
  })

  it('throws a TypeError for a package without dist/', () => {
    const app = mkdtempSync(join(tmpdir(), 'hxkit-app-'))
    mkdirSync(join(app, 'node_modules', 'not-htmx'), { recursive: true })
    writeFileSync(join(app, 'node_modules', 'not-htmx', 'package.json'), '{"name":"not-htmx"}')

    try {
      expect(() => resolveHtmxDist('not-htmx', app)).toThrow(/"not-htmx" has no dist\/ folder/)
    } finally {
      rmSync(app, { recursive: true, force: true })
    }
  })
})
