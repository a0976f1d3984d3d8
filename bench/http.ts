/**
 * HTTP benchmark: every candidate server in its own process on 127.0.0.1, load from autocannon in
 * another, the baseline (raw node:http writing the hand-built page) and the candidate measured in
 * alternating windows (B C B C … B). Each candidate window is divided by the mean of the two
 * baseline windows around it; the table shows medians of those ratios.
 *
 * Run: `npm run bench:http` (~2 min), `-- --quick` (~25 s), `-- --only=hxkit-page,express`,
 * `-- --live-db` (every server queries SQLite per request), `-- --json`.
 */
import { firstDifference, headerDifference, normalizeHtml } from './http/equivalent.ts'
import { startLoad, startServer, tempDatabase } from './http/harness.ts'
import type { Load, ServerChild } from './http/harness.ts'
import type { LoadResult } from './http/load.ts'
import type { Kind } from './http/servers.ts'
import { isMain, parseArgs } from './lib/args.ts'
import { stopChild } from './lib/children.ts'
import { cpuMicros } from './lib/cpu.ts'
import { sessionCookieFor } from './lib/demo-app.ts'
import { ensureBenchDeps } from './lib/deps.ts'
import { machineLine } from './lib/machine.ts'
import { fixed, mean, median } from './lib/stats.ts'
import { markdownTable } from './lib/table.ts'

const PARTIAL_HEADERS = {
  'HX-Request': 'true',
  'HX-Request-Type': 'partial',
  'HX-Target': 'section#orders',
}

/** One HTTP candidate: a server kind and the request sent to it (and to the baseline). */
export interface Candidate {
  id: string
  label: string
  kind: Kind
  headers: Record<string, string>
}

/** Every candidate, in the order they run. */
export const CANDIDATES: readonly Candidate[] = [
  { id: 'aa', label: 'node:http baseline (A/A)', kind: 'baseline', headers: {} },
  { id: 'hxkit-page', label: 'hxkit demo, full page', kind: 'hxkit', headers: {} },
  {
    id: 'hxkit-partial',
    label: 'hxkit demo, orders partial',
    kind: 'hxkit',
    headers: PARTIAL_HEADERS,
  },
  { id: 'hono-hand', label: 'hono, hand string', kind: 'hono-hand', headers: {} },
  { id: 'hono-jsx', label: 'hono/jsx on hono', kind: 'hono-jsx', headers: {} },
  { id: 'fastify', label: 'fastify, hand string', kind: 'fastify', headers: {} },
  { id: 'express', label: 'express, hand string', kind: 'express', headers: {} },
  { id: 'express-ejs', label: 'express + ejs', kind: 'express-ejs', headers: {} },
]

const QUICK_IDS = ['aa', 'hxkit-page', 'hxkit-partial']

/** Options of a run. */
export interface HttpOptions {
  quick?: boolean | undefined
  only?: readonly string[] | undefined
  liveDb?: boolean | undefined
  /** Progress lines on stderr. */
  log?: ((line: string) => void) | undefined
}

/** One row of the result. */
export interface HttpRow {
  id: string
  label: string
  rps: number
  ratio: number
  p99: number
  p99Ratio: number
  /** Server CPU (user + system, from /proc) per request in µs; `null` without /proc. */
  cpuPerRequest: number | null
  /** `cpuPerRequest` over the baseline's in the windows around it. */
  cpuRatio: number | null
  baselineRps: number
  baselineP99: number
  bytes: number
  equivalent: boolean
  difference: string | null
  windows: number
  errors: number
}

/** A whole run. */
export interface HttpResult {
  machine: string
  settings: { connections: number; windowSeconds: number; rounds: number; liveDb: boolean }
  rows: HttpRow[]
}

async function fetchPage(
  url: string,
  headers: Record<string, string>
): Promise<{ body: string; headers: Headers }> {
  const res = await fetch(url, { headers })
  if (res.status !== 200) {
    throw new Error(`${url}: HTTP ${String(res.status)}`)
  }
  return { body: await res.text(), headers: res.headers }
}

function compare(
  expected: { body: string; headers: Headers },
  actual: { body: string; headers: Headers }
): string | null {
  const body = firstDifference(normalizeHtml(expected.body), normalizeHtml(actual.body))
  const headers = headerDifference(expected.headers, actual.headers)
  const parts = [
    ...(body === null ? [] : [`body differs ${body}`]),
    ...(headers.length === 0 ? [] : [`headers differ: ${headers.join(', ')}`]),
  ]
  return parts.length === 0 ? null : parts.join('; ')
}

/** One load window and the server CPU it cost per request. */
interface Window extends LoadResult {
  cpuPerRequest: number | null
}

interface Settings {
  connections: number
  windowSeconds: number
  rounds: number
  warmSeconds: number
  /** The signed-in viewer's `Cookie` header, sent to every server. */
  cookie: string
}

async function measure(
  load: Load,
  base: ServerChild,
  server: ServerChild,
  candidate: Candidate,
  settings: Settings
): Promise<{ b: Window[]; c: Window[] }> {
  const run = async (target: ServerChild, seconds: number): Promise<Window> => {
    const before = cpuMicros(target.pid)
    // the signed-in viewer's cookie goes to every server, so all get the same request
    const result = await load.run({
      url: target.url,
      headers: { ...candidate.headers, cookie: settings.cookie },
      connections: settings.connections,
      seconds,
    })
    const after = cpuMicros(target.pid)
    const cpu =
      before === null || after === null || result.requests === 0
        ? null
        : (after - before) / result.requests
    return { ...result, cpuPerRequest: cpu }
  }
  await run(base, settings.warmSeconds)
  await run(server, settings.warmSeconds)
  const b: Window[] = [await run(base, settings.windowSeconds)]
  const c: Window[] = []
  for (let i = 0; i < settings.rounds; i++) {
    c.push(await run(server, settings.windowSeconds))
    b.push(await run(base, settings.windowSeconds))
  }
  return { b, c }
}

function summarize(candidate: Candidate, b: Window[], c: Window[]): HttpRow {
  const around = (i: number, pick: (r: Window) => number): number =>
    mean([pick(b[i] as Window), pick(b[i + 1] as Window)])
  const ratios = c.map((r, i) => r.rps / around(i, (x) => x.rps))
  const p99Ratios = c.map((r, i) => r.p99 / around(i, (x) => x.p99))
  const cpuKnown = [...b, ...c].every((r) => r.cpuPerRequest !== null)
  const cpu = (r: Window): number => r.cpuPerRequest ?? 0
  return {
    id: candidate.id,
    label: candidate.label,
    rps: median(c.map((r) => r.rps)),
    ratio: median(ratios),
    p99: median(c.map((r) => r.p99)),
    p99Ratio: median(p99Ratios),
    cpuPerRequest: cpuKnown ? median(c.map(cpu)) : null,
    cpuRatio: cpuKnown ? median(c.map((r, i) => cpu(r) / around(i, cpu))) : null,
    baselineRps: median(b.map((r) => r.rps)),
    baselineP99: median(b.map((r) => r.p99)),
    bytes: 0,
    equivalent: true,
    difference: null,
    windows: c.length,
    errors: [...b, ...c].reduce((n, r) => n + r.errors + r.non2xx, 0),
  }
}

async function runCandidate(
  load: Load,
  base: ServerChild,
  candidate: Candidate,
  options: { db: string; liveDb: boolean; settings: Settings }
): Promise<HttpRow> {
  const server = await startServer(candidate.kind, { db: options.db, liveDb: options.liveDb })
  try {
    const headers = { ...candidate.headers, cookie: options.settings.cookie }
    const expected = await fetchPage(base.url, headers)
    const actual = await fetchPage(server.url, headers)
    const difference = compare(expected, actual)
    const { b, c } = await measure(load, base, server, candidate, options.settings)
    const row = summarize(candidate, b, c)
    const bytes = Buffer.byteLength(actual.body)
    return { ...row, bytes, equivalent: difference === null, difference }
  } finally {
    await stopChild(server.child)
  }
}

/**
 * Runs the HTTP benchmark.
 *
 * @param options - quick mode, candidate filter, live database
 * @returns the rows, the machine and the settings
 * @example
 * const { rows } = await runHttp({ quick: true, only: ['hxkit-page'] })
 */
export async function runHttp(options: HttpOptions = {}): Promise<HttpResult> {
  ensureBenchDeps()
  const log = options.log ?? (() => undefined)
  const quick = options.quick === true
  const liveDb = options.liveDb === true
  const db = tempDatabase()
  const cookie = await sessionCookieFor(db)
  const settings: Settings = quick
    ? { connections: 10, windowSeconds: 1.5, rounds: 2, warmSeconds: 0.5, cookie }
    : { connections: 10, windowSeconds: 2, rounds: 3, warmSeconds: 1, cookie }
  const wanted = options.only !== undefined && options.only.length > 0 ? options.only : null
  const candidates = CANDIDATES.filter((c) =>
    wanted === null ? !quick || QUICK_IDS.includes(c.id) : wanted.includes(c.id)
  )
  const machine = machineLine()
  const load = await startLoad()
  const base = await startServer('baseline', { db, liveDb })
  const rows: HttpRow[] = []
  try {
    for (const candidate of candidates) {
      log(`http: ${candidate.label} …`)
      rows.push(await runCandidate(load, base, candidate, { db, liveDb, settings }))
    }
  } finally {
    await stopChild(base.child)
    await stopChild(load.child)
  }
  const { connections, windowSeconds, rounds } = settings
  return { machine, settings: { connections, windowSeconds, rounds, liveDb }, rows }
}

/**
 * The result as a Markdown table with a header line (machine, settings).
 *
 * @param result - a run
 * @example
 * console.log(formatHttp(await runHttp()))
 */
export function formatHttp(result: HttpResult): string {
  const { settings: s } = result
  const head = `${result.machine}\nload: autocannon, ${String(s.connections)} connections, ${String(s.rounds)} windows of ${String(s.windowSeconds)} s per candidate alternating with the baseline; data: ${s.liveDb ? 'SQLite per request' : 'demo database read once, rendered per request'}`
  const table = markdownTable({
    headers: [
      'candidate',
      'req/s',
      '× baseline',
      'p99 ms',
      'p99 × baseline',
      'CPU µs/req',
      'CPU × baseline',
      'baseline req/s',
      'baseline p99 ms',
      'bytes',
      'same output',
    ],
    numeric: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    rows: result.rows.map((r) => [
      r.label,
      fixed(r.rps, 0),
      fixed(r.ratio, 2),
      fixed(r.p99, 2),
      fixed(r.p99Ratio, 2),
      r.cpuPerRequest === null ? '–' : fixed(r.cpuPerRequest, 0),
      r.cpuRatio === null ? '–' : fixed(r.cpuRatio, 2),
      fixed(r.baselineRps, 0),
      fixed(r.baselineP99, 2),
      String(r.bytes),
      r.equivalent ? 'yes' : 'NO',
    ]),
  })
  const notes = result.rows
    .filter((r) => r.difference !== null || r.errors > 0)
    .map(
      (r) =>
        `- ${r.label}: ${r.difference === null ? '' : `${r.difference}; `}${String(r.errors)} errors/non-2xx`
    )
  return [head, '', table, ...notes].join('\n')
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const result = await runHttp({
    quick: args.quick,
    only: args.only,
    liveDb: process.argv.includes('--live-db'),
    log: (line) => {
      console.error(line)
    },
  })
  console.log(args.json ? JSON.stringify(result, null, 2) : formatHttp(result))
}

if (isMain(import.meta.url)) {
  await main()
}
