/**
 * Memory: heap per open keep-alive connection (1,000 idle connections that each made one request
 * for the page), and peak RSS under the HTTP load, for the hxkit demo and the node:http baseline.
 * Each server runs in its own child with `--expose-gc`; the numbers come over the IPC channel
 * (forced GC, then `process.memoryUsage()`) and from /proc/<pid>/status.
 *
 * Run: `npm run bench:memory` (~1 min), `-- --quick`, `-- --json`.
 */
import { readFileSync } from 'node:fs'
import { Agent, get } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { startLoad, startServer, tempDatabase } from './http/harness.ts'
import type { Load, ServerChild } from './http/harness.ts'
import type { Kind } from './http/servers.ts'
import { isMain, parseArgs } from './lib/args.ts'
import { call, stopChild } from './lib/children.ts'
import { ensureBenchDeps } from './lib/deps.ts'
import { machineLine } from './lib/machine.ts'
import { fixed } from './lib/stats.ts'
import { markdownTable } from './lib/table.ts'

const CONNECTIONS = 1_000
const MB = 1024 * 1024

interface Usage {
  rss: number
  heapUsed: number
  heapTotal: number
  external: number
  arrayBuffers: number
  gc: boolean
}

/** Memory of one server kind. */
export interface MemoryRow {
  kind: Kind
  label: string
  connections: number
  heapPerConnection: number
  externalPerConnection: number
  rssPerConnection: number
  idleRss: number
  peakRss: { connections: number; rss: number; rps: number }[]
}

/** A whole run. */
export interface MemoryResult {
  machine: string
  loadSeconds: number
  rows: MemoryRow[]
}

const LABELS: Partial<Record<Kind, string>> = {
  baseline: 'node:http baseline',
  hxkit: 'hxkit demo (hono + @hono/node-server)',
}

function procRss(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8')
    const match = /VmRSS:\s+(\d+) kB/.exec(status)
    return match === null ? null : Number(match[1]) * 1024
  } catch {
    return null
  }
}

async function rssOf(server: ServerChild): Promise<number> {
  return procRss(server.pid) ?? call<number>(server.child, 'rss', null, 5_000)
}

async function waitConnections(server: ServerChild, want: number): Promise<number> {
  let count = -1
  for (let i = 0; i < 100 && count !== want; i++) {
    count = await call<number>(server.child, 'connections', null, 5_000)
    if (count !== want) {
      await sleep(100)
    }
  }
  return count
}

function request(url: string, agent: Agent, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = get(url, { agent, headers }, (res) => {
      res.resume()
      res.once('end', resolve)
      res.once('error', reject)
    })
    req.once('error', reject)
    req.setTimeout(30_000, () => req.destroy(new Error('request timed out')))
  })
}

async function perConnection(server: ServerChild, load: Load) {
  await load.run({ url: server.url, headers: server.headers, connections: 10, seconds: 1 })
  await waitConnections(server, 0)
  const before = await call<Usage>(server.child, 'memory', null, 10_000)
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS, maxFreeSockets: CONNECTIONS })
  try {
    await Promise.all(
      Array.from({ length: CONNECTIONS }, () => request(server.url, agent, server.headers))
    )
    const open = await waitConnections(server, CONNECTIONS)
    const after = await call<Usage>(server.child, 'memory', null, 10_000)
    return {
      connections: open,
      heapPerConnection: (after.heapUsed - before.heapUsed) / open,
      externalPerConnection: (after.external - before.external) / open,
      rssPerConnection: (after.rss - before.rss) / open,
    }
  } finally {
    agent.destroy()
  }
}

async function peakUnderLoad(
  server: ServerChild,
  load: Load,
  connections: number,
  seconds: number
) {
  let peak = await rssOf(server)
  const state = { sampling: true }
  const sampler = (async () => {
    while (state.sampling) {
      peak = Math.max(peak, await rssOf(server))
      await sleep(100)
    }
  })()
  const result = await load.run({ url: server.url, headers: {}, connections, seconds })
  state.sampling = false
  await sampler
  return { connections, rss: Math.max(peak, await rssOf(server)), rps: result.rps }
}

async function measureKind(kind: Kind, db: string, load: Load, seconds: number) {
  const server = await startServer(kind, { db, keepAliveMs: 120_000, exposeGc: true })
  try {
    await sleep(500)
    const idleRss = await rssOf(server)
    const conn = await perConnection(server, load)
    await waitConnections(server, 0)
    const peakRss = []
    for (const connections of [10, 100]) {
      peakRss.push(await peakUnderLoad(server, load, connections, seconds))
    }
    return { kind, label: LABELS[kind] ?? kind, idleRss, ...conn, peakRss }
  } finally {
    await stopChild(server.child)
  }
}

/**
 * Runs the memory benchmark.
 *
 * @param options - `quick` for shorter load phases
 * @example
 * const { rows } = await runMemory({ quick: true })
 */
export async function runMemory(options: { quick?: boolean } = {}): Promise<MemoryResult> {
  ensureBenchDeps()
  const seconds = options.quick === true ? 3 : 10
  const machine = machineLine()
  const db = tempDatabase()
  const load = await startLoad()
  const rows: MemoryRow[] = []
  try {
    for (const kind of ['baseline', 'hxkit'] as const) {
      rows.push(await measureKind(kind, db, load, seconds))
    }
  } finally {
    await stopChild(load.child)
  }
  return { machine, loadSeconds: seconds, rows }
}

/**
 * The result as Markdown tables with a header line.
 *
 * @param r - a run
 * @example
 * console.log(formatMemory(await runMemory()))
 */
export function formatMemory(r: MemoryResult): string {
  const kb = (bytes: number): string => fixed(bytes / 1024, 1)
  const perConn = markdownTable({
    headers: [
      'server',
      'open connections',
      'heap KB/conn',
      'external KB/conn',
      'RSS KB/conn',
      'idle RSS MB',
    ],
    numeric: [1, 2, 3, 4, 5],
    rows: r.rows.map((row) => [
      row.label,
      String(row.connections),
      kb(row.heapPerConnection),
      kb(row.externalPerConnection),
      kb(row.rssPerConnection),
      fixed(row.idleRss / MB, 1),
    ]),
  })
  const peak = markdownTable({
    headers: ['server', 'load connections', 'req/s', 'peak RSS MB'],
    numeric: [1, 2, 3],
    rows: r.rows.flatMap((row) =>
      row.peakRss.map((p) => [
        row.label,
        String(p.connections),
        fixed(p.rps, 0),
        fixed(p.rss / MB, 1),
      ])
    ),
  })
  return `${r.machine}\nper connection: ${String(CONNECTIONS)} keep-alive connections, each after one GET /, heap after forced GC\n\n${perConn}\n\npeak RSS under autocannon load, ${String(r.loadSeconds)} s each, sampled every 100 ms\n\n${peak}`
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const result = await runMemory({ quick: args.quick })
  console.log(args.json ? JSON.stringify(result, null, 2) : formatMemory(result))
}

if (isMain(import.meta.url)) {
  await main()
}
