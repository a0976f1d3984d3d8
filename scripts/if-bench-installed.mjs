// Runs a command only when bench/ has its own dependencies installed (`npm run bench` installs
// them): the benchmarks import peers (React, fastify, …) that the kit never depends on.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const [command, ...args] = process.argv.slice(2)
if (command === undefined) {
  console.error('usage: node scripts/if-bench-installed.mjs <command> [args…]')
  process.exitCode = 2
} else if (existsSync(new URL('../bench/node_modules', import.meta.url))) {
  const result = spawnSync('npx', [command, ...args], { stdio: 'inherit' })
  process.exitCode = result.status ?? 1
} else {
  console.log(
    'bench/ dependencies are not installed; skipping its check (npm run bench installs them)'
  )
}
