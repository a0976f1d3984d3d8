// The package as a user gets it: `npm pack` (which builds), publint and are-the-types-wrong on the
// tarball, then a consumer project that installs only the tarball and the README's dependencies,
// runs the README's example with plain `node` and type-checks it. The README example is the
// contract: this script reads it from README.md, so a changed example is the one that is tested.
import ts from 'typescript'
import { execFileSync, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>
}
const keep = process.env['KEEP_CONSUMER'] === '1'

function run(command: string, args: string[], cwd: string, quiet = false): string {
  console.log(`check-package: ${command} ${args.join(' ')}`)
  let out: string
  try {
    out = execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    })
  } catch (error) {
    const { stdout } = error as { stdout?: string | null }
    process.stdout.write(stdout ?? '')
    throw new Error(`check-package: ${command} ${args.join(' ')} failed`, { cause: error })
  }
  if (!quiet) {
    process.stdout.write(out)
  }
  return out
}

/** The README's example and what it promises about the partial request. */
interface ReadmeContract {
  code: string
  headers: Record<string, string>
  fragmentStart: string
}

function readmeContract(readme: string): ReadmeContract {
  const section = /^## Example\n([\s\S]*?)^## /m.exec(readme)?.[1]
  const code = section === undefined ? undefined : /```ts\n([\s\S]*?)```/.exec(section)?.[1]
  if (section === undefined || code === undefined) {
    throw new Error('README.md has no "## Example" section with a ```ts block')
  }
  const headers: Record<string, string> = {}
  for (const match of section.matchAll(/`(HX-[A-Za-z-]+): ([^`]+)`/g)) {
    headers[match[1] as string] = match[2] as string
  }
  const fragmentStart = /gets only `(<[a-z]+ id="[^"]+">)…<\/[a-z]+>`/.exec(section)?.[1]
  if (Object.keys(headers).length === 0 || fragmentStart === undefined) {
    throw new Error(
      'README.md "## Example" must name the partial request\'s headers (`HX-Target: …`) and ' +
        'the fragment it gets ("gets only `<div id="…">…</div>`")'
    )
  }
  return { code, headers, fragmentStart }
}

function pack(into: string): string {
  const out = run('npm', ['pack', '--json', '--pack-destination', into], root, true)
  const [info] = JSON.parse(out.slice(out.indexOf('['))) as { filename: string }[]
  if (info === undefined) {
    throw new Error('npm pack reported no tarball')
  }
  return join(into, info.filename)
}

// Every subpath export, imported once, so the type check reads every public declaration file.
function entriesModule(): string {
  const exports = (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>
    }
  ).exports
  return Object.keys(exports)
    .filter((key) => key !== './package.json')
    .map((key, i) => `export * as entry${String(i)} from '${key.replace(/^\./, 'hxkit')}'\n`)
    .join('')
}

function consumerProject(dir: string, tarball: string): void {
  const dependency = (name: string) => {
    const version = pkg.devDependencies[name]
    if (version === undefined) {
      throw new Error(`package.json has no devDependency ${name} to pin the consumer to`)
    }
    return version
  }
  const manifest = {
    name: 'hxkit-consumer',
    private: true,
    type: 'module',
    dependencies: {
      hxkit: `file:${tarball}`,
      hono: dependency('hono'),
      '@hono/node-server': dependency('@hono/node-server'),
      'htmx.org': dependency('htmx.org'),
      zod: dependency('zod'),
      // hxkit/testing/playwright's types are Playwright's (docs/decisions.md); no browser download
      '@playwright/test': dependency('@playwright/test'),
    },
    devDependencies: { '@types/node': dependency('@types/node') },
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2))
  const tsconfig = {
    compilerOptions: {
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      strict: true,
      skipLibCheck: false,
      noEmit: true,
      types: ['node'],
    },
    files: ['example.ts', 'entries.ts'],
  }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2))
  writeFileSync(join(dir, 'entries.ts'), entriesModule())
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], dir)
}

function startExample(dir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['example.js'], {
    cwd: dir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the example did not print its address within 10 s:\n${seen}`))
    }, 10_000)
    let seen = ''
    // the address line may come on stdout (console.log) or stderr (hxkit/server's log)
    const read = (chunk: string): void => {
      seen += chunk
      const port = /http:\/\/[^\s:]+:(\d+)/.exec(seen)?.[1]
      if (port !== undefined) {
        clearTimeout(timer)
        resolve({ child, port: Number(port) })
      }
    }
    child.stdout.setEncoding('utf8').on('data', read)
    child.stderr.setEncoding('utf8').on('data', read)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the example exited with ${String(code)} before listening:\n${seen}`))
    })
  })
}

function expect(condition: boolean, message: string): void {
  if (!condition) {
    throw new Error(`check-package: ${message}`)
  }
}

async function checkExample(dir: string, contract: ReadmeContract): Promise<void> {
  const { child, port } = await startExample(dir)
  try {
    const base = `http://127.0.0.1:${String(port)}/`
    const full = await fetch(base)
    const page = await full.text()
    expect(full.status === 200, `GET / answered ${String(full.status)}`)
    expect(/^<!doctype html>/i.test(page) && page.includes('</html>'), 'GET / is not a full page')
    const partial = await fetch(base, { headers: contract.headers })
    const fragment = await partial.text()
    expect(partial.status === 200, `the partial request answered ${String(partial.status)}`)
    expect(
      fragment.startsWith(contract.fragmentStart) && !fragment.includes('<html'),
      `the partial request got ${JSON.stringify(fragment.slice(0, 120))}, not ${contract.fragmentStart}…`
    )
    // every script the page loads comes from the installed packages (htmx from htmx.org)
    for (const [, src] of page.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) {
      const script = await fetch(new URL(src as string, base))
      expect(
        script.status === 200,
        `the page's script ${String(src)} answered ${String(script.status)}`
      )
      expect(
        (script.headers.get('Content-Type') ?? '').includes('javascript'),
        `the page's script ${String(src)} is not JavaScript`
      )
    }
    console.log(
      'check-package: the README example serves the full page, its scripts and the fragment'
    )
  } finally {
    child.kill('SIGTERM')
  }
}

async function main(): Promise<void> {
  const contract = readmeContract(readFileSync(join(root, 'README.md'), 'utf8'))
  const work = mkdtempSync(join(tmpdir(), 'hxkit-package-'))
  try {
    const tarball = pack(work)
    run('npx', ['publint', 'run', tarball, '--strict'], root)
    run('npx', ['attw', tarball, '--profile', 'esm-only', '--format', 'table'], root)
    const consumer = join(work, 'consumer')
    execFileSync('mkdir', [consumer])
    consumerProject(consumer, tarball)
    writeFileSync(join(consumer, 'example.ts'), contract.code)
    // plain node runs JavaScript: strip the types the way a build step would, nothing more
    const js = ts.transpileModule(contract.code, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText
    writeFileSync(join(consumer, 'example.js'), js)
    await checkExample(consumer, contract)
    run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], consumer)
    console.log('check-package: the README example type-checks against the packed types')
  } finally {
    if (keep) {
      console.log(`check-package: kept ${work}`)
    } else {
      rmSync(work, { recursive: true, force: true })
    }
  }
}

await main()
