// Every ```ts (and ```tsx) example in docs/*.md is type-checked as a module of its own, as a user would write
// it: `hxkit` and `hxkit/<module>` resolve to this repository's sources. A block that cannot
// compile alone is opted out with `<!-- fragment -->` (optionally `<!-- fragment: why -->`) as the
// last line before its fence. Each docs page of a module keeps at least one complete example.
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const docsDir = join(root, 'docs')
const modulePages = [
  'auth',
  'html',
  'htmx',
  'views',
  'partials',
  'forms',
  'csp',
  'security',
  'server',
  'tasks',
  'tasks-bullmq',
  'live',
  'testing',
]

interface Block {
  /** `docs/<page>.md` */
  page: string
  /** 1-based line of the opening fence. */
  line: number
  code: string
  fragment: boolean
  /** The module's file name in the temp folder. */
  file: string
}

const fencePattern = /^```(tsx?)\s*$/
const fragmentPattern = /^<!--\s*fragment\b[^>]*-->\s*$/

function extractBlocks(page: string, text: string): Block[] {
  const lines = text.split('\n')
  const blocks: Block[] = []
  for (let i = 0; i < lines.length; i++) {
    const language = fencePattern.exec(lines[i] ?? '')?.[1]
    if (language === undefined) {
      continue
    }
    const start = i
    let end = i + 1
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? '')) {
      end++
    }
    let before = start - 1
    while (before >= 0 && (lines[before] ?? '').trim() === '') {
      before--
    }
    const name = page.replace(/^docs\//, '').replace(/\.md$/, '')
    blocks.push({
      page,
      line: start + 1,
      code: lines.slice(start + 1, end).join('\n') + '\n',
      fragment: before >= 0 && fragmentPattern.test(lines[before] ?? ''),
      file: `${name}-${String(start + 1)}.${language}`,
    })
    i = end
  }
  return blocks
}

const pages = readdirSync(docsDir)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => `docs/${name}`)
const blocks = pages.flatMap((page) => extractBlocks(page, readFileSync(join(root, page), 'utf8')))
const checked = blocks.filter((block) => !block.fragment)

const tempDir = mkdtempSync(join(tmpdir(), 'hxkit-docs-'))
afterAll(() => {
  rmSync(tempDir, { recursive: true, force: true })
})

function typeCheck(): Map<Block | null, string[]> {
  // `hono`, `zod`, `@types/node` … are found through node_modules next to the examples
  symlinkSync(join(root, 'node_modules'), join(tempDir, 'node_modules'), 'dir')
  for (const block of checked) {
    writeFileSync(join(tempDir, block.file), block.code)
  }
  const paths: Record<string, string[]> = { hxkit: [join(root, 'src/index.ts')] }
  for (const name of modulePages) {
    paths[`hxkit/${name}`] = [join(root, `src/${name}/index.ts`)]
  }
  paths['hxkit/testing/playwright'] = [join(root, 'src/testing/playwright.ts')]
  const { options, errors } = ts.convertCompilerOptionsFromJson(
    {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      moduleDetection: 'force',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      types: ['node'],
      strict: true,
      allowImportingTsExtensions: true,
      noEmit: true,
      skipLibCheck: true,
      jsx: 'react-jsx',
      jsxImportSource: 'hono/jsx',
      paths,
    },
    tempDir
  )
  expect(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([])
  const program = ts.createProgram({
    rootNames: checked.map((block) => join(tempDir, block.file)),
    options,
  })
  const byFile = new Map(checked.map((block) => [join(tempDir, block.file), block]))
  const found = new Map<Block | null, string[]>()
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
    const block = diagnostic.file === undefined ? undefined : byFile.get(diagnostic.file.fileName)
    let text: string
    if (diagnostic.file !== undefined && diagnostic.start !== undefined) {
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
      text =
        block === undefined
          ? `${diagnostic.file.fileName}:${String(line + 1)}:${String(character + 1)}`
          : `${block.page}:${String(block.line + line + 1)}:${String(character + 1)}`
    } else {
      text = 'program'
    }
    const list = found.get(block ?? null) ?? []
    list.push(`${text} TS${String(diagnostic.code)}: ${message}`)
    found.set(block ?? null, list)
  }
  return found
}

describe('docs examples', () => {
  it('finds the examples and the fragment markers', () => {
    expect(checked.length).toBeGreaterThan(0)
    for (const name of modulePages) {
      const page = `docs/${name}.md`
      expect(pages, page).toContain(page)
      expect(
        checked.filter((block) => block.page === page).length,
        `${page} needs at least one complete example`
      ).toBeGreaterThan(0)
    }
  })

  it('type-checks every example that is not marked as a fragment', { timeout: 60_000 }, () => {
    const found = typeCheck()
    const report = [...found]
      .sort(([a], [b]) =>
        a === null ? -1 : b === null ? 1 : blocks.indexOf(a) - blocks.indexOf(b)
      )
      .map(([block, messages]) =>
        block === null
          ? messages.join('\n')
          : `${block.page}, block at line ${String(block.line)}:\n  ${messages.join('\n  ')}`
      )
    expect(report.join('\n\n')).toBe('')
  })
})
