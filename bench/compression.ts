/**
 * Compression benchmark: the demo's overview page (`GET /`) through the app as `serve()` composes
 * it, in process, with compression off (the baseline), gzip and brotli. Requests run 10 at a time
 * (compression of whole bodies happens on libuv's thread pool), in alternating windows
 * B C B C … B; each candidate window is divided by the mean of the two baseline windows around
 * it. Prints the cost per request and the bytes saved.
 *
 * Run: `npm run bench:compression` (~30 s), `-- --quick` (~10 s), `-- --json`.
 */
import type { Hono } from 'hono'
import zlib from 'node:zlib'
import { openDb } from '../demo/db.ts'
import { composeApp } from '../src/server/compose.ts'
import { tempDatabase } from './http/harness.ts'
import { isMain, parseArgs } from './lib/args.ts'
import { signedInDemo } from './lib/demo-app.ts'
import { machineLine } from './lib/machine.ts'
import { fixed, mean, median } from './lib/stats.ts'
import { markdownTable } from './lib/table.ts'

const CONCURRENCY = 10

interface Variant {
  id: string
  label: string
  acceptEncoding: string | null
}

const VARIANTS: readonly Variant[] = [
  // the middleware's own cost when the client takes no encoding; also shows the run's noise
  { id: 'identity', label: 'on, identity (no Accept-Encoding)', acceptEncoding: null },
  { id: 'gzip', label: 'gzip (level 6)', acceptEncoding: 'gzip' },
  { id: 'br', label: 'brotli (quality 4)', acceptEncoding: 'br' },
]

/** One row: a compression against no compression. */
export interface CompressionRow {
  id: string
  label: string
  usPerRequest: number
  baselineUs: number
  costRatio: number
  extraUs: number
  /** zlib alone on the page's bytes, one at a time: the CPU the encoding itself takes. */
  encodeUs: number
  bytes: number
  identityBytes: number
  saved: number
}

/** A whole run. */
export interface CompressionResult {
  machine: string
  settings: { concurrency: number; windowMs: number; rounds: number }
  rows: CompressionRow[]
}

type Fetch = (request: Request) => Response | Promise<Response>

// every request signs in as the demo's viewer (the pages need a user); set by composed()
let session = ''

async function composed(dbPath: string, compression: boolean): Promise<Fetch> {
  const { app, cookie } = await signedInDemo(openDb({ path: dbPath }))
  session = cookie
  const root: Hono = composeApp(
    app,
    { static: null, compression: compression ? {} : null, liveness: null, readiness: null },
    { ready: () => true, closing: () => false },
    (_c, next) => next()
  )
  return root.fetch
}

function request(acceptEncoding: string | null): Request {
  const headers: Record<string, string> =
    acceptEncoding === null
      ? { cookie: session }
      : { 'Accept-Encoding': acceptEncoding, cookie: session }
  return new Request('http://localhost/', { headers })
}

async function bodyBytes(fetch: Fetch, acceptEncoding: string | null): Promise<number> {
  const res = await fetch(request(acceptEncoding))
  const expected = acceptEncoding ?? null
  if (res.status !== 200 || res.headers.get('Content-Encoding') !== expected) {
    throw new Error(
      `GET / with ${String(acceptEncoding)}: ${String(res.status)}, ${String(res.headers.get('Content-Encoding'))}`
    )
  }
  return (await res.arrayBuffer()).byteLength
}

function encodeCost(page: Uint8Array, id: string, ms: number): number {
  if (id === 'identity') {
    return 0
  }
  const once = (): unknown =>
    id === 'br'
      ? zlib.brotliCompressSync(page, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })
      : zlib.gzipSync(page, { level: 6 })
  once()
  const end = performance.now() + ms
  let n = 0
  const started = performance.now()
  while (performance.now() < end) {
    once()
    n++
  }
  return ((performance.now() - started) * 1000) / n
}

/** Microseconds per request with CONCURRENCY requests in flight for `ms`. */
async function window(fetch: Fetch, acceptEncoding: string | null, ms: number): Promise<number> {
  const end = performance.now() + ms
  let done = 0
  const worker = async (): Promise<void> => {
    while (performance.now() < end) {
      const res = await fetch(request(acceptEncoding))
      await res.arrayBuffer()
      done++
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return ((performance.now() - started) * 1000) / done
}

async function measure(
  plain: Fetch,
  compressed: Fetch,
  variant: Variant,
  settings: { windowMs: number; rounds: number }
): Promise<{ base: number[]; cand: number[] }> {
  await window(plain, variant.acceptEncoding, settings.windowMs / 2)
  await window(compressed, variant.acceptEncoding, settings.windowMs / 2)
  const base = [await window(plain, variant.acceptEncoding, settings.windowMs)]
  const cand: number[] = []
  for (let i = 0; i < settings.rounds; i++) {
    cand.push(await window(compressed, variant.acceptEncoding, settings.windowMs))
    base.push(await window(plain, variant.acceptEncoding, settings.windowMs))
  }
  return { base, cand }
}

/**
 * Runs the compression benchmark.
 *
 * @param options - `quick` for shorter windows
 * @returns the rows, the machine and the settings
 * @example
 * const { rows } = await runCompression({ quick: true })
 */
export async function runCompression(
  options: { quick?: boolean } = {}
): Promise<CompressionResult> {
  const settings =
    options.quick === true ? { windowMs: 500, rounds: 3 } : { windowMs: 1_500, rounds: 5 }
  const db = tempDatabase()
  const plain = await composed(db, false)
  const compressed = await composed(db, true)
  const page = new Uint8Array(await (await plain(request(null))).arrayBuffer())
  const identityBytes = await bodyBytes(compressed, null)
  const rows: CompressionRow[] = []
  for (const variant of VARIANTS) {
    const bytes = await bodyBytes(compressed, variant.acceptEncoding)
    const { base, cand } = await measure(plain, compressed, variant, settings)
    const around = (i: number): number => mean([base[i] as number, base[i + 1] as number])
    const ratios = cand.map((us, i) => us / around(i))
    const extras = cand.map((us, i) => us - around(i))
    const usPerRequest = median(cand)
    const baselineUs = median(base)
    rows.push({
      id: variant.id,
      label: variant.label,
      usPerRequest,
      baselineUs,
      costRatio: median(ratios),
      extraUs: median(extras),
      encodeUs: encodeCost(page, variant.id, settings.windowMs),
      bytes,
      identityBytes,
      saved: 1 - bytes / identityBytes,
    })
  }
  return {
    machine: machineLine(),
    settings: { concurrency: CONCURRENCY, ...settings },
    rows,
  }
}

/**
 * The result as a Markdown table with a header line.
 *
 * @param result - a run
 * @example
 * console.log(formatCompression(await runCompression()))
 */
export function formatCompression(result: CompressionResult): string {
  const s = result.settings
  const head = `${result.machine}\nin process, ${String(s.concurrency)} requests in flight, ${String(s.rounds)} windows of ${String(s.windowMs)} ms alternating with the baseline (compression off)`
  const table = markdownTable({
    headers: [
      'encoding',
      'µs/request',
      'baseline µs',
      '× baseline',
      'extra µs',
      'encode µs',
      'bytes',
      'identity bytes',
      'saved',
    ],
    numeric: [1, 2, 3, 4, 5, 6, 7, 8],
    rows: result.rows.map((r) => [
      r.label,
      fixed(r.usPerRequest, 1),
      fixed(r.baselineUs, 1),
      fixed(r.costRatio, 2),
      fixed(r.extraUs, 1),
      fixed(r.encodeUs, 1),
      String(r.bytes),
      String(r.identityBytes),
      `${fixed(r.saved * 100, 1)} %`,
    ]),
  })
  return [head, '', table].join('\n')
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const result = await runCompression({ quick: args.quick })
  console.log(args.json ? JSON.stringify(result, null, 2) : formatCompression(result))
}

if (isMain(import.meta.url)) {
  await main()
}
