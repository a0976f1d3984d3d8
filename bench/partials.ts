/**
 * The partial advantage: an hxkit page() with three partials whose loaders each wait 20 ms.
 * A full page runs the loaders concurrently (latency ≈ the slowest loader, not their sum); a
 * partial request runs exactly one loader. In-process (`app.request`): latency, not throughput.
 *
 * Run: `npm run bench:partials` (~5 s), `-- --quick`, `-- --json`.
 */
import { Hono } from 'hono'
import { setTimeout as sleep } from 'node:timers/promises'
import { html } from '../src/html/index.ts'
import { htmx } from '../src/htmx/index.ts'
import { partial } from '../src/partials/index.ts'
import { page } from '../src/views/index.ts'
import { isMain, parseArgs } from './lib/args.ts'
import { machineLine } from './lib/machine.ts'
import { fixed, median } from './lib/stats.ts'
import { markdownTable } from './lib/table.ts'

/** How long each loader waits. */
export const LOADER_MS = 20
const NAMES = ['alpha', 'beta', 'gamma'] as const
const PARTIAL_HEADERS = {
  'HX-Request': 'true',
  'HX-Request-Type': 'partial',
  'HX-Target': 'div#beta',
}

/** A run's numbers (latencies in ms, medians over the iterations). */
export interface PartialsResult {
  machine: string
  iterations: number
  loaderMs: number
  /** Full page: latency, the slowest loader of the same request, their ratio (median of ratios). */
  full: { latency: number; slowestLoader: number; ratio: number; loaders: number }
  /** Partial request: latency, its ratio to the full page's, loaders run (min and max). */
  partial: { latency: number; ratioToFull: number; loadersMin: number; loadersMax: number }
  /** The full page had every partial; the partial response only its own. */
  bodiesOk: boolean
}

interface Probe {
  calls: number
  durations: number[]
}

function makeApp(probe: Probe): Hono {
  const parts = NAMES.map((name) =>
    partial(name, async () => {
      const start = performance.now()
      probe.calls++
      await sleep(LOADER_MS)
      probe.durations.push(performance.now() - start)
      return html`<p>${name} loaded</p>`
    })
  )
  const [alpha, beta, gamma] = parts as [(typeof parts)[0], (typeof parts)[0], (typeof parts)[0]]
  const view = page({
    title: 'Partials',
    layout: (body, { title }) =>
      html`<!doctype html>
        <html lang="en">
          <head>
            <title>${title}</title>
          </head>
          <body>
            ${body}
          </body>
        </html>`,
    partials: { alpha, beta, gamma },
    render: (p) => html`<h1>Partials</h1>${p.alpha}${p.beta}${p.gamma}`,
  })
  const app = new Hono()
  // page() negotiates on c.var.htmx, which htmx() sets
  app.use(htmx())
  app.get('/', view.handler)
  return app
}

interface Sample {
  latency: number
  slowest: number
  loaders: number
  body: string
}

async function sample(app: Hono, probe: Probe, headers: Record<string, string>): Promise<Sample> {
  probe.calls = 0
  probe.durations = []
  const start = performance.now()
  const res = await app.request('/', { headers })
  const body = await res.text()
  const latency = performance.now() - start
  return { latency, slowest: Math.max(...probe.durations), loaders: probe.calls, body }
}

function checkBodies(full: string, part: string): boolean {
  const all = NAMES.every((name) => full.includes(`<div id="${name}"><p>${name} loaded</p></div>`))
  const only =
    part.includes('<div id="beta"><p>beta loaded</p></div>') &&
    !part.includes('alpha') &&
    !part.includes('gamma') &&
    !part.includes('<html')
  return all && only
}

/**
 * Runs the partials benchmark.
 *
 * @param options - `quick` for fewer iterations
 * @returns medians and loader counts
 * @example
 * const { full, partial } = await runPartials({ quick: true })
 */
export async function runPartials(options: { quick?: boolean } = {}): Promise<PartialsResult> {
  const iterations = options.quick === true ? 30 : 100
  const probe: Probe = { calls: 0, durations: [] }
  const app = makeApp(probe)
  for (let i = 0; i < 5; i++) {
    await sample(app, probe, {})
    await sample(app, probe, PARTIAL_HEADERS)
  }
  const fulls: Sample[] = []
  const parts: Sample[] = []
  // alternate full and partial requests so drift hits both alike
  for (let i = 0; i < iterations; i++) {
    fulls.push(await sample(app, probe, {}))
    parts.push(await sample(app, probe, PARTIAL_HEADERS))
  }
  const fullLatency = median(fulls.map((s) => s.latency))
  const partLatency = median(parts.map((s) => s.latency))
  const partLoaders = parts.map((s) => s.loaders)
  return {
    machine: machineLine(),
    iterations,
    loaderMs: LOADER_MS,
    full: {
      latency: fullLatency,
      slowestLoader: median(fulls.map((s) => s.slowest)),
      ratio: median(fulls.map((s) => s.latency / s.slowest)),
      loaders: median(fulls.map((s) => s.loaders)),
    },
    partial: {
      latency: partLatency,
      ratioToFull: median(parts.map((s, i) => s.latency / (fulls[i] as Sample).latency)),
      loadersMin: Math.min(...partLoaders),
      loadersMax: Math.max(...partLoaders),
    },
    bodiesOk: checkBodies((fulls[0] as Sample).body, (parts[0] as Sample).body),
  }
}

/**
 * The result as a Markdown table with a header line.
 *
 * @param r - a run
 * @example
 * console.log(formatPartials(await runPartials()))
 */
export function formatPartials(r: PartialsResult): string {
  const loaders =
    r.partial.loadersMin === r.partial.loadersMax
      ? String(r.partial.loadersMin)
      : `${String(r.partial.loadersMin)}–${String(r.partial.loadersMax)}`
  const table = markdownTable({
    headers: ['measure', 'median', 'ratio', 'target'],
    numeric: [1, 2],
    rows: [
      ['slowest loader (each waits 20 ms)', `${fixed(r.full.slowestLoader, 2)} ms`, '', ''],
      [
        'full page, 3 partials',
        `${fixed(r.full.latency, 2)} ms`,
        `${fixed(r.full.ratio, 3)}× slowest loader`,
        '≤ 1.2×',
      ],
      ['loaders run by the full page', String(r.full.loaders), '', '3'],
      [
        'partial request (HX-Target: div#beta)',
        `${fixed(r.partial.latency, 2)} ms`,
        `${fixed(r.partial.ratioToFull, 3)}× full page`,
        '',
      ],
      ['loaders run by the partial request', loaders, '', 'exactly 1'],
    ],
  })
  const bodies = r.bodiesOk
    ? 'bodies: full page has all three partials, the partial response only its own'
    : 'bodies: UNEXPECTED (see bench/partials.ts checkBodies)'
  return `${r.machine}\n${String(r.iterations)} iterations, full and partial requests alternating, in-process app.request\n\n${table}\n${bodies}`
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const result = await runPartials({ quick: args.quick })
  console.log(args.json ? JSON.stringify(result, null, 2) : formatPartials(result))
}

if (isMain(import.meta.url)) {
  await main()
}
