import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const read = (path: string) => readFileSync(join(root, path), 'utf8')
const pkg = JSON.parse(read('package.json')) as {
  exports: Record<string, unknown>
  files: string[]
  devDependencies: Record<string, string>
}

const modules = readdirSync(join(root, 'src'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'internal')
  .map((entry) => entry.name)
  .sort()

function vendoredVersion(file: string): string | undefined {
  const code = read(join('public/vendor', file))
  return /version\s*[:=]\s*"(\d+\.\d+\.\d+)"/.exec(code)?.[1]
}

describe('package.json exports', () => {
  it('has an entry for every public src folder and no other', () => {
    const subpaths = Object.keys(pkg.exports)
      .filter((key) => key !== '.' && key !== './package.json')
      .map((key) => key.slice(2))
      .sort()

    expect(subpaths).toEqual(modules)
  })

  it('points every entry at the built index of a src folder that exists', () => {
    for (const module of modules) {
      expect(pkg.exports[`./${module}`]).toEqual({
        types: `./dist/${module}/index.d.ts`,
        default: `./dist/${module}/index.js`,
      })
      expect(existsSync(join(root, 'src', module, 'index.ts'))).toBe(true)
    }
  })

  it('publishes the built files', () => {
    expect(pkg.files).toContain('dist')
  })

  it('never exposes src/internal', () => {
    expect(JSON.stringify(pkg.exports)).not.toContain('internal')
  })
})

describe('each public module', () => {
  it.each(modules)('%s has a docs page and a @module header', (module) => {
    expect(existsSync(join(root, 'docs', `${module}.md`))).toBe(true)
    expect(read(`src/${module}/index.ts`)).toMatch(/^\/\*\* @module /)
  })
})

describe('vendored htmx', () => {
  it('ships the htmx 4 version the package pins and the README states', () => {
    const installed = (
      JSON.parse(read('node_modules/htmx.org/package.json')) as { version: string }
    ).version

    expect(vendoredVersion('htmx.min.js')).toBe(installed)
    expect(pkg.devDependencies['htmx.org']).toBe(`~${installed}`)
    expect(read('README.md')).toContain(`htmx ${installed}`)
  })

  it('ships htmx 2.0.11 or later for the compatibility run', () => {
    const version = vendoredVersion('htmx2.min.js') ?? ''

    expect(version).toMatch(/^2\.0\.\d+$/)
    expect(Number(version.split('.')[2])).toBeGreaterThanOrEqual(11)
    expect(read('README.md')).toContain(`htmx ${version}`)
  })
})
