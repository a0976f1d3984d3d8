/**
 * Render benchmark: a ~34 KB dashboard page (layout with nav, 8 stat cards, a 100-row orders
 * table), the 100-row fragment and one row, each rendered by the LIMIT (a hand-written string
 * builder with a hand-written loop escaper), a no-escaping ceiling, hxkit `html`, hono/html,
 * @kitajs/html, eta, handlebars, ejs, preact-render-to-string, hono/jsx and React
 * `renderToStaticMarkup` (production mode). Outputs are checked equivalent and escaped first.
 *
 * Then the data table against a hand-built string (bench/table.ts, also `npm run bench:table`).
 *
 * Run: `npm run bench:render` (~85 s), `-- --quick` (~12 s), `-- --json` (JSON on stdout).
 * Results and method: docs/performance.md. Parts: bench/render/.
 */
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { limit } from './render/builder.ts'
import { canonical } from './render/canonical.ts'
import { clean, dashboard, escapeShare } from './render/data.ts'
import { checksum, measure } from './render/harness.ts'
import type { RenderResult } from './render/harness.ts'
import { verify } from './render/verify.ts'
import { runTableBench, tableBenchLine } from './table.ts'

export type { RenderResult } from './render/harness.ts'

const FULL = { rounds: 60, batchMs: 15, warmupMs: 3000 }
const QUICK = { rounds: 20, batchMs: 5, warmupMs: 500 }

/**
 * Checks every renderer's output, then times them; React runs in production mode.
 *
 * @param options - `quick`: ~10 s instead of ~80 s
 * @example
 * const results = await runRenderBench({ quick: true })
 */
export async function runRenderBench(options: { quick: boolean }): Promise<RenderResult[]> {
  // React picks its production or development build when it is first imported.
  process.env['NODE_ENV'] = 'production'
  const { CANDIDATES, reactMode } = await import('./render/candidates.ts')
  if (reactMode() !== 'production') {
    throw new Error('React was loaded in development mode: set NODE_ENV=production first')
  }
  const data = dashboard(100)
  verify(CANDIDATES, data, clean(data))
  return measure(CANDIDATES, data, options.quick ? QUICK : FULL)
}

function header(quick: boolean): string[] {
  const d = dashboard(100)
  const timing = quick ? QUICK : FULL
  const page = limit.page(d)
  const kb = (s: string): string => (s.length / 1024).toFixed(1)
  return [
    `render benchmark: node ${process.version}, ${String(os.availableParallelism())} CPUs, ` +
      `load ${os.loadavg()[0]?.toFixed(1) ?? '?'}, ${new Date().toISOString().slice(0, 10)}, ` +
      `NODE_ENV=${process.env['NODE_ENV'] ?? ''}, ${quick ? 'quick' : 'full'} run: ` +
      `${String(timing.rounds)} rounds × ~${String(timing.batchMs)} ms batches`,
    `page: ${kb(page)} KB as written, ${kb(canonical(page))} KB without whitespace between tags; ` +
      `${String(Math.round(escapeShare(d) * 100))}% of the text holes need escaping`,
  ]
}

function table(results: readonly RenderResult[]): string[] {
  const lines = [
    '| scenario | candidate | ops/s (median) | × LIMIT (median) | IQR of × |',
    '|---|---|---:|---:|---:|',
  ]
  for (const r of results) {
    const ops = Math.round(r.opsPerSec).toLocaleString('en-US')
    const iqr = `${r.q1.toFixed(2)}–${r.q3.toFixed(2)}`
    lines.push(`| ${r.scenario} | ${r.candidate} | ${ops} | ${r.ratio.toFixed(2)} | ${iqr} |`)
  }
  return lines
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick')
  const json = process.argv.includes('--json')
  const started = performance.now()
  const results = await runRenderBench({ quick })
  const dataTable = runTableBench({ quick })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  if (json) {
    console.log(JSON.stringify({ header: header(quick), seconds, results, dataTable }, null, 2))
    return
  }
  console.log(
    [...header(quick), '', ...table(results), '', tableBenchLine(dataTable), ''].join('\n')
  )
  console.log(`(${seconds} s; checksum ${String(checksum())})`)
}

if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? '')) {
  await main()
}
