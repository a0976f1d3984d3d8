// Installs bench/'s own dependencies (the peers) on first use; the kit never depends on them.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url))

/**
 * Runs `npm --prefix bench install` when bench/node_modules is missing.
 *
 * @example
 * ensureBenchDeps()
 */
export function ensureBenchDeps(): void {
  if (existsSync(`${BENCH_DIR}node_modules/autocannon`)) {
    return
  }
  console.error('bench: installing the peer packages into bench/node_modules (first use)')
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  execFileSync(npm, ['--prefix', BENCH_DIR, 'install', '--no-audit', '--no-fund'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureBenchDeps()
}
