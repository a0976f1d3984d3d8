/**
 * Where a request's CPU time goes: the node:http baseline, the hxkit demo (full page and orders
 * partial) and hono serving the baseline's page (the floor of any app on hono) each run in their
 * own process under autocannon load, with V8's sampling profiler on for the measured window only
 * (started and stopped over IPC), and the samples are summed by where their code lives — the
 * kit's modules, the demo's pages, hono, @hono/node-server, undici, Node's HTTP stack, socket
 * writes, GC — as µs of busy CPU per request. The columns are comparable with each other (same
 * run, same load); the absolute numbers include the profiler's own cost.
 *
 * Run: `npm run bench:profile` (~50 s), `-- --seconds=8`, `-- --json`, `-- --top=25` (also the 25
 * functions with the most self time in each column), `-- --inclusive=25` (the 25 with the most
 * inclusive time: a middleware and what it ran synchronously).
 */
import { startLoad, startServer, tempDatabase } from './http/harness.ts'
import type { Kind } from './http/servers.ts'
import { isMain } from './lib/args.ts'
import { call, stopChild } from './lib/children.ts'
import { sessionCookieFor } from './lib/demo-app.ts'
import { ensureBenchDeps } from './lib/deps.ts'
import { machineLine } from './lib/machine.ts'
import { fixed } from './lib/stats.ts'
import { markdownTable } from './lib/table.ts'

/** A V8 CPU profile, as `Profiler.stop` returns it. */
interface CpuProfile {
  nodes: {
    id: number
    callFrame: { functionName: string; url: string; lineNumber: number }
    children?: number[]
  }[]
  samples: number[]
  timeDeltas: number[]
}

const PARTIAL = {
  'HX-Request': 'true',
  'HX-Request-Type': 'partial',
  'HX-Target': 'section#orders',
}

const COLUMNS: readonly { id: string; kind: Kind; headers: Record<string, string> }[] = [
  { id: 'baseline page', kind: 'baseline', headers: {} },
  { id: 'hxkit page', kind: 'hxkit', headers: {} },
  // hono serving the baseline's hand-built page: the floor of any app on hono, in the same run
  { id: 'hono page', kind: 'hono-hand', headers: {} },
  { id: 'baseline partial', kind: 'baseline', headers: PARTIAL },
  { id: 'hxkit partial', kind: 'hxkit', headers: PARTIAL },
]

/**
 * The bucket a sampled function belongs to, from its script URL (or, for native frames, its name).
 *
 * @param url - the frame's script URL, '' for native code
 * @param name - the frame's function name
 * @example
 * bucketOf('file:///repo/src/html/escape.ts', 'escapeHtml') // 'kit: html'
 */
export function bucketOf(url: string, name: string): string | null {
  if (url === '') {
    if (name === '(idle)') {
      return null
    }
    if (name === '(garbage collector)') {
      return 'GC'
    }
    return name === 'writev' || name === 'writeUtf8String' || name === 'writeBuffer'
      ? 'socket writes'
      : 'other native (regexps, builtins)'
  }
  const kit = /\/src\/([^/]+)\//.exec(url)
  if (kit !== null && !url.includes('node_modules')) {
    return `kit: ${String(kit[1])}`
  }
  if (url.includes('/demo/')) {
    return 'demo pages and data'
  }
  if (url.includes('/bench/')) {
    return 'hand-written page (baseline)'
  }
  if (url.includes('@hono/node-server')) {
    return '@hono/node-server'
  }
  if (url.includes('/hono/')) {
    return 'hono'
  }
  if (url.includes('undici')) {
    return 'undici (Headers, Request, Response)'
  }
  if (/^node:(_http|http|net|stream|internal\/(streams|http|stream_base))/.test(url)) {
    return 'Node HTTP and streams'
  }
  return 'other Node and modules'
}

/**
 * µs of busy CPU per request, by bucket.
 *
 * @param profile - the window's profile
 * @param requests - the requests answered in the window
 * @example
 * attribute(profile, 12_000).get('kit: html')
 */
export function attribute(profile: CpuProfile, requests: number): Map<string, number> {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]))
  const out = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const frame = frames.get(id)
    const bucket = frame === undefined ? null : bucketOf(frame.url, frame.functionName)
    if (bucket !== null) {
      out.set(bucket, (out.get(bucket) ?? 0) + (profile.timeDeltas[i] ?? 0) / requests)
    }
  })
  return out
}

// `name file:line` of a sampled function, the file relative to the repository or node_modules
function frameName(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const file = frame.url.replace(/^file:\/\/.*?\/(src|demo|bench|node_modules)\//, '$1/')
  return `${frame.functionName || '(anonymous)'} ${file}:${String(frame.lineNumber + 1)}`
}

/**
 * µs of self time per request of the `count` heaviest functions, named `name file:line`.
 *
 * @param profile - the window's profile
 * @param requests - the requests answered in the window
 * @param count - how many functions
 * @example
 * heaviest(profile, 12_000, 25)[0] // ['escapeHtml src/html/escape.ts:12', 9.1]
 */
export function heaviest(profile: CpuProfile, requests: number, count: number): [string, number][] {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]))
  const out = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const frame = frames.get(id)
    if (frame === undefined || frame.functionName === '(idle)') {
      return
    }
    const name = frameName(frame)
    out.set(name, (out.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / requests)
  })
  return [...out].sort((a, b) => b[1] - a[1]).slice(0, count)
}

/**
 * µs per request of the `count` functions with the most inclusive time: every sample with the
 * function anywhere on its stack counts once for it (the function and all it called, as far as
 * the call stayed synchronous). A middleware that calls `next()` includes what runs after it.
 *
 * @param profile - the window's profile
 * @param requests - the requests answered in the window
 * @param count - how many functions
 * @example
 * inclusive(profile, 12_000, 25)[0] // ['fetch node_modules/hono/dist/hono-base.js:305', 97.1]
 */
export function inclusive(
  profile: CpuProfile,
  requests: number,
  count: number
): [string, number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) {
      parent.set(child, node.id)
    }
  }
  // the distinct function names on each sampled node's stack, found once per node
  const stacks = new Map<number, Set<string>>()
  const stackOf = (id: number): Set<string> => {
    let names = stacks.get(id)
    if (names === undefined) {
      names = new Set()
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const frame = byId.get(at)?.callFrame
        if (frame !== undefined && !frame.functionName.startsWith('(')) {
          names.add(frameName(frame))
        }
      }
      stacks.set(id, names)
    }
    return names
  }
  const out = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    if (byId.get(id)?.callFrame.functionName === '(idle)') {
      return
    }
    for (const name of stackOf(id)) {
      out.set(name, (out.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / requests)
    }
  })
  return [...out].sort((a, b) => b[1] - a[1]).slice(0, count)
}

/** One column's figures: µs per request by bucket, the heaviest functions, self and inclusive. */
interface Column {
  buckets: Map<string, number>
  top: [string, number][]
  inclusive: [string, number][]
}

async function profileOne(
  kind: Kind,
  headers: Record<string, string>,
  seconds: number,
  db: string,
  cookie: string,
  counts: { top: number; inclusive: number }
): Promise<Column> {
  const load = await startLoad()
  const server = await startServer(kind, { db })
  try {
    const request = { url: server.url, headers: { ...headers, cookie }, connections: 10 }
    await load.run({ ...request, seconds: 1 })
    await call(server.child, 'profileStart', null, 10_000)
    const result = await load.run({ ...request, seconds })
    const profile = await call<CpuProfile>(server.child, 'profileStop', null, 60_000)
    if (result.non2xx > 0 || result.errors > 0) {
      throw new Error(`${kind}: ${String(result.non2xx + result.errors)} failed requests`)
    }
    return {
      buckets: attribute(profile, result.requests),
      top: heaviest(profile, result.requests, counts.top),
      inclusive: inclusive(profile, result.requests, counts.inclusive),
    }
  } finally {
    await stopChild(server.child)
    await stopChild(load.child)
  }
}

async function main(): Promise<void> {
  ensureBenchDeps()
  const seconds = Number(/--seconds=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 6)
  const top = Number(/--top=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 0)
  const most = Number(/--inclusive=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 0)
  const db = tempDatabase()
  const cookie = await sessionCookieFor(db)
  const machine = machineLine()
  const profiled: Column[] = []
  for (const column of COLUMNS) {
    process.stderr.write(`profile: ${column.id} …\n`)
    profiled.push(
      await profileOne(column.kind, column.headers, seconds, db, cookie, { top, inclusive: most })
    )
  }
  const columns = profiled.map((column) => column.buckets)
  const buckets = [...new Set(columns.flatMap((c) => [...c.keys()]))].sort(
    (a, b) => (columns[1]?.get(b) ?? 0) - (columns[1]?.get(a) ?? 0)
  )
  const cell = (c: Map<string, number>, bucket: string): string => fixed(c.get(bucket) ?? 0, 1)
  const total = (c: Map<string, number>): number => [...c.values()].reduce((a, b) => a + b, 0)
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ machine, columns: columns.map((c) => Object.fromEntries(c)) }))
    return
  }
  console.log(`${machine}\nbusy CPU µs per request by where the code lives (profiler on)\n`)
  console.log(
    markdownTable({
      headers: ['bucket', ...COLUMNS.map((c) => c.id)],
      numeric: COLUMNS.map((_, i) => i + 1),
      rows: [
        ...buckets.map((bucket) => [bucket, ...columns.map((c) => cell(c, bucket))]),
        ['total', ...columns.map((c) => fixed(total(c), 1))],
      ],
    })
  )
  const list = (title: string, rows: [string, number][]): void => {
    console.log(`\n${title}\n`)
    console.log(
      markdownTable({
        headers: ['function', 'µs/request'],
        numeric: [1],
        rows: rows.map(([name, us]) => [name, fixed(us, 1)]),
      })
    )
  }
  profiled.forEach((column, i) => {
    const id = String(COLUMNS[i]?.id)
    if (top > 0) {
      list(`${id}: the ${String(top)} functions with the most self time`, column.top)
    }
    if (most > 0) {
      list(`${id}: the ${String(most)} functions with the most inclusive time`, column.inclusive)
    }
  })
}

if (isMain(import.meta.url)) {
  await main()
}
