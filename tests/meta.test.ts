import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
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

// Subpaths beside the one-per-folder entries, each named here on purpose: the browser half of
// hxkit/testing is its own entry, so that hxkit/testing never loads @playwright/test.
const extraSubpaths: Record<string, unknown> = {
  './testing/playwright': {
    types: './dist/testing/playwright.d.ts',
    default: './dist/testing/playwright.js',
  },
}

function installedVersion(name: string): string {
  return (JSON.parse(read(`node_modules/${name}/package.json`)) as { version: string }).version
}

describe('package.json exports', () => {
  it('has an entry for every public src folder and no other', () => {
    const subpaths = Object.keys(pkg.exports)
      .filter((key) => key !== '.' && key !== './package.json' && !(key in extraSubpaths))
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

  it('has exactly the extra subpaths named above, each with its source file', () => {
    const extra = Object.keys(pkg.exports).filter(
      (key) => key !== '.' && key !== './package.json' && !modules.includes(key.slice(2))
    )

    expect(extra).toEqual(Object.keys(extraSubpaths))
    for (const [key, entry] of Object.entries(extraSubpaths)) {
      expect(pkg.exports[key]).toEqual(entry)
      expect(existsSync(join(root, 'src', `${key.slice(2)}.ts`))).toBe(true)
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

describe('htmx versions', () => {
  it('pins the htmx 4 the demo serves and the README states', () => {
    const installed = installedVersion('htmx.org')

    expect(pkg.devDependencies['htmx.org']).toBe(`~${installed}`)
    expect(read('README.md')).toContain(`htmx ${installed}`)
  })

  it('runs the compatibility suite on htmx 2.0.11 or later, as the README states', () => {
    const version = installedVersion('htmx2')

    expect(version).toMatch(/^2\.0\.\d+$/)
    expect(Number(version.split('.')[2])).toBeGreaterThanOrEqual(11)
    expect(read('README.md')).toContain(`htmx ${version}`)
  })
})

describe('documentation references', () => {
  // git's view of the repository: tracked files plus new ones not yet added, minus ignored ones
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: root,
      encoding: 'utf8',
    }
  )
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(root, file)))
    // node_modules may be a symlink (a worktree sharing another's), which git lists as a file
    .filter((file) => file !== 'node_modules' && !file.startsWith('node_modules/'))
  const text = (file: string): string => {
    const buffer = readFileSync(join(root, file))
    return buffer.includes(0) ? '' : buffer.toString('utf8')
  }

  it('cites no reference document that ships outside the repository', () => {
    // spelt in pieces so that this file does not match itself
    const outside = [
      ['..', '/shared'],
      ['shared', '/docs'],
      ['htmx4-server', '-contract'],
      ['security-and', '-reliability'],
      ['contract', ' §'],
      ['design', '.md'],
      ['house', '-style'],
      ['prior', '-art'],
      ['tasks', '-reference'],
      ['components', '-reference'],
    ].map((parts) => parts.join(''))
    const hits = files.flatMap((file) => {
      const content = text(file)
      return outside
        .filter((needle) => content.includes(needle))
        .map((needle) => `${file}: ${needle}`)
    })

    expect(hits).toEqual([])
  })

  it('points every "page.md §N" citation at an existing page and section', () => {
    const cited = /(?<![\w/.-])(?:docs\/)?([a-z][a-z0-9-]*)\.md (?=§)/g
    const nextCitation = /[A-Za-z][\w-]*(?:\.md)? §/
    const broken: string[] = []
    const scanned = files.filter((file) => /^(src|tests|demo|docs)\//.test(file))
    for (const file of scanned) {
      for (const [index, line] of text(file).split('\n').entries()) {
        for (const match of line.matchAll(cited)) {
          const page = match[1] as string
          const from = match.index + match[0].length
          const rest = line.slice(from + 1)
          const end = rest.search(nextCitation)
          const segment = line.slice(from, end === -1 ? undefined : from + 1 + end)
          const path = join('docs', `${page}.md`)
          const doc = existsSync(join(root, path)) ? read(path) : undefined
          for (const [, section] of segment.matchAll(/§(\d+(?:\.\d+)*)/g)) {
            const parts = (section as string).split('.')
            const heading = `${'#'.repeat(parts.length + 1)} ${parts.join('.')}${parts.length === 1 ? '.' : ''} `
            if (!doc?.split('\n').some((l) => l.startsWith(heading))) {
              broken.push(`${file}:${index + 1}: ${path} §${section}`)
            }
          }
        }
      }
    }

    expect(broken).toEqual([])
    expect(scanned.length).toBeGreaterThan(0)
  })
})
