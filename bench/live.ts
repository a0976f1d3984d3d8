/**
 * bench:live: hxkit/live under load. The server runs in its own process (--expose-gc), the
 * clients in CLIENT_PROCESSES child processes of their own (bench/live-clients.ts, the streams
 * split evenly between them), so no one JS thread reads all 1,000 sockets and the last stream
 * read is not measured after the other 999 were parsed (on 2 cores that gives the clients no
 * more CPU: see docs/performance.md for what it changed). Measures the heap per open stream after
 * GC with 5,000 streams, and the publish-to-receive latency (from sending the publish request to
 * each stream's message) at 1,000 subscribers on one instance and across two instances on Redis.
 *
 * The clock: this process stamps each publish and the client processes stamp each arrival with
 * `performance.timeOrigin + performance.now()`, and this process subtracts. On one machine that
 * is one clock: every process reads the same monotonic clock for `now()`, and its `timeOrigin`
 * is the same system wall clock read at its start, so two processes differ only by the
 * microseconds between those two reads (NTP slews both clocks alike; only a step of the wall
 * clock between the starts would show, and startClients() checks that each client's clock lies
 * inside an IPC round trip of ours). The client's own time between arrival and the stamp is in the
 * figure, as before, but each client process reads only its share of the sockets.
 *
 * Each case first sends WARMUP publishes to its open streams and measures the PUBLISHES after
 * them: the rows are a running server's latency. A fresh server's first publishes (the fan-out's
 * code not yet compiled) are reported on their own line, not left out.
 *
 * Every message is counted: a case where a stream misses a publish fails the run.
 *
 * Run: `npm run bench:live` (~1–2 min), `-- --quick` (fewer streams and publishes),
 * `-- --clients=<n>` (the streams over n client processes instead of 4).
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { Agent, get } from 'node:http'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { startRedis } from '../tests/fixtures/redis.ts'
import { call, startChild, waitReady } from './lib/children.ts'
import { cpuMicros } from './lib/cpu.ts'
import { machineLine } from './lib/machine.ts'
import { quantile } from './lib/stats.ts'
import { markdownTable } from './lib/table.ts'
import type { OpenRequest, Received } from './live-clients.ts'

const quick = process.argv.includes('--quick')
const STREAMS = quick ? 1_000 : 5_000
const SUBSCRIBERS = 1_000
const PUBLISHES = quick ? 10 : 30
const KiB = 1024
// a fresh server's first publishes are the slowest (cold code): sent first, reported apart
const WARMUP = 3
/** How many client processes share the streams: 4, or `--clients=<n>`. */
const CLIENT_PROCESSES = Number(
  process.argv.find((arg) => arg.startsWith('--clients='))?.slice('--clients='.length) ?? 4
)
const CLIENTS = fileURLToPath(new URL('./live-clients.ts', import.meta.url))
const children: ChildProcess[] = []
// each server process by its port, for its CPU time
const serverPids = new Map<number, number>()
const agent = new Agent({ keepAlive: false, maxSockets: Infinity })

process.on('exit', () => {
  for (const child of children) {
    child.kill('SIGKILL')
  }
})

function startServer(env: Record<string, string> = {}): Promise<number> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', new URL('./live-server.ts', import.meta.url).pathname],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] }
  )
  children.push(child)
  return new Promise((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const port = /PORT (\d+)/.exec(chunk.toString())?.[1]
      if (port !== undefined) {
        serverPids.set(Number(port), child.pid ?? 0)
        done(Number(port))
      }
    })
    child.once('exit', (code) => {
      fail(new Error(`bench server exited with ${String(code)}`))
    })
  })
}

function json<T>(port: number, path: string): Promise<T> {
  return new Promise((done, fail) => {
    get({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => {
        done((path.startsWith('/stats') ? JSON.parse(body) : body) as T)
      })
    }).on('error', fail)
  })
}

/** The shared clock (see the header): the client processes stamp arrivals with the same. */
function sharedNow(): number {
  return performance.timeOrigin + performance.now()
}

/** Starts the client processes and checks that each one's clock agrees with ours. */
async function startClients(): Promise<ChildProcess[]> {
  if (!Number.isInteger(CLIENT_PROCESSES) || CLIENT_PROCESSES < 1) {
    throw new Error('--clients must be a whole number of processes, at least 1')
  }
  const clients = Array.from({ length: CLIENT_PROCESSES }, () => startChild(CLIENTS))
  await Promise.all(clients.map((child) => waitReady(child, 60_000)))
  for (const child of clients) {
    const before = sharedNow()
    const theirs = await call<number>(child, 'now', null, 10_000)
    const after = sharedNow()
    // 1 ms of slack: the two reads behind each process's timeOrigin are microseconds apart
    if (theirs < before - 1 || theirs > after + 1) {
      throw new Error(
        `a client process's clock is off by ${(theirs - (before + after) / 2).toFixed(1)} ms`
      )
    }
  }
  return clients
}

/** `count` split as evenly as possible over the client processes. */
function shares(count: number): number[] {
  return Array.from(
    { length: CLIENT_PROCESSES },
    (_, i) => Math.floor(count / CLIENT_PROCESSES) + (i < count % CLIENT_PROCESSES ? 1 : 0)
  )
}

interface Streams {
  /** Every message the streams received since they opened. */
  collect(): Promise<Received[]>
  close(): Promise<void>
}

/** Opens `count` streams, split over the client processes; resolves once each is open. */
async function openStreams(
  clients: readonly ChildProcess[],
  port: number,
  count: number
): Promise<Streams> {
  const counts = shares(count)
  const opened = await Promise.all(
    clients.map((child, i) =>
      call<number>(child, 'open', { port, count: counts[i] ?? 0 } satisfies OpenRequest, 120_000)
    )
  )
  const total = opened.reduce((sum, n) => sum + n, 0)
  if (total !== count) {
    throw new Error(`opened ${String(total)} streams, expected ${String(count)}`)
  }
  return {
    collect: () =>
      Promise.all(clients.map((child) => call<Received>(child, 'collect', null, 30_000))),
    async close() {
      await Promise.all(clients.map((child) => call<number>(child, 'close', null, 30_000)))
    },
  }
}

async function heapPerStream(
  clients: readonly ChildProcess[]
): Promise<{ perStream: number; rssPerStream: number }> {
  const port = await startServer()
  await json(port, '/stats')
  // warm up: the code paths of a stream run once before the baseline
  const warm = await openStreams(clients, port, 100)
  await warm.close()
  await sleep(500)
  const before = await json<{ heapUsed: number; rss: number }>(port, '/stats')
  const streams = await openStreams(clients, port, STREAMS)
  const during = await json<{ heapUsed: number; rss: number; streams: number }>(port, '/stats')
  await streams.close()
  if (during.streams !== STREAMS) {
    throw new Error(`expected ${String(STREAMS)} streams, got ${String(during.streams)}`)
  }
  return {
    perStream: (during.heapUsed - before.heapUsed) / STREAMS,
    rssPerStream: (during.rss - before.rss) / STREAMS,
  }
}

/**
 * One case's publish-to-receive times (ms): the measured publishes' messages, and the warm-up
 * publishes' before them; and the CPU time (user + system, ms) the streams' server spent per
 * measured publish, or null without /proc.
 */
interface Latency {
  all: number[]
  warmup: number[]
  cpuPerPublish: number | null
}

async function latency(
  clients: readonly ChildProcess[],
  publishPort: number,
  streamPort: number,
  subscribers = SUBSCRIBERS
): Promise<Latency> {
  const sentAt = new Map<number, number>()
  const streams = await openStreams(clients, streamPort, subscribers)
  await sleep(500)
  const publish = async (seq: number): Promise<void> => {
    sentAt.set(seq, sharedNow())
    await json(publishPort, `/publish?seq=${String(seq)}`)
    // longer than the coalescing interval: each publish is its own message
    await sleep(400)
  }
  for (let seq = 1; seq <= WARMUP; seq++) {
    await publish(seq)
  }
  const server = serverPids.get(streamPort) ?? 0
  const cpuBefore = cpuMicros(server)
  for (let seq = WARMUP + 1; seq <= WARMUP + PUBLISHES; seq++) {
    await publish(seq)
  }
  const cpuAfter = cpuMicros(server)
  await sleep(500)
  const received = await streams.collect()
  await streams.close()
  const samples: number[] = []
  const warmup: number[] = []
  let other = 0
  for (const { seqs, at } of received) {
    seqs.forEach((seq, i) => {
      const sent = sentAt.get(seq)
      if (sent === undefined) {
        other++
        return
      }
      const took = (at[i] ?? Number.NaN) - sent
      ;(seq > WARMUP ? samples : warmup).push(took)
    })
  }
  const expected = subscribers * (WARMUP + PUBLISHES)
  const arrived = samples.length + warmup.length
  if (arrived !== expected || other > 0) {
    throw new Error(
      `${String(subscribers)} subscribers: received ${String(arrived)} of ${String(expected)} messages` +
        (other > 0 ? ` and ${String(other)} that no publish sent` : '')
    )
  }
  const cpuPerPublish =
    cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / 1000 / PUBLISHES
  return { all: samples, warmup, cpuPerPublish }
}

const ms = (value: number): string => value.toFixed(1)
const cpuMs = (value: number | null): string => (value === null ? '—' : `${ms(value)} ms`)
const machine = machineLine()
const clients = await startClients()
const heap = await heapPerStream(clients)
const single = await startServer()
const one = await latency(clients, single, single)
// the same path with 10 subscribers: what the machine costs without the fan-out
const few = await latency(clients, single, single, 10)
const redis = await startRedis()
const a = await startServer({ LIVE_REDIS_URL: redis.url })
const b = await startServer({ LIVE_REDIS_URL: redis.url })
const two = await latency(clients, a, b)
for (const child of [...children.splice(0), ...clients]) {
  child.kill('SIGKILL')
}
await redis.stop()

console.log(machine)
console.log(
  markdownTable({
    headers: ['measure', 'result', 'goal'],
    rows: [
      [
        `heap per open stream after GC (${String(STREAMS)} streams)`,
        `${(heap.perStream / KiB).toFixed(1)} KiB`,
        '≤ 30 KiB',
      ],
      [
        `RSS per open stream (${String(STREAMS)} streams)`,
        `${(heap.rssPerStream / KiB).toFixed(1)} KiB`,
        '—',
      ],
      [
        `publish → receive, ${String(SUBSCRIBERS)} subscribers, one instance (p50 / p99)`,
        `${ms(quantile(one.all, 0.5))} / ${ms(quantile(one.all, 0.99))} ms`,
        'p99 ≤ 50 ms',
      ],
      [
        `server CPU (user + system) per publish, ${String(SUBSCRIBERS)} / 10 subscribers, one instance`,
        `${cpuMs(one.cpuPerPublish)} / ${cpuMs(few.cpuPerPublish)}`,
        '—',
      ],
      [
        'publish → receive, 10 subscribers, one instance (p50 / p99), same run',
        `${ms(quantile(few.all, 0.5))} / ${ms(quantile(few.all, 0.99))} ms`,
        'reference',
      ],
      [
        `publish → receive, ${String(SUBSCRIBERS)} subscribers, two instances on Redis (p50 / p99)`,
        `${ms(quantile(two.all, 0.5))} / ${ms(quantile(two.all, 0.99))} ms`,
        'p99 ≤ 100 ms',
      ],
    ],
  })
)
console.log(
  `samples: ${String(one.all.length)} (one instance), ${String(few.all.length)} (10 subscribers), ${String(two.all.length)} (Redis), all arrived; clients in ${String(CLIENT_PROCESSES)} processes`
)
console.log(
  `a fresh server's first ${String(WARMUP)} publishes, sent before the measured ones (p50 / p99): one instance ${ms(quantile(one.warmup, 0.5))} / ${ms(quantile(one.warmup, 0.99))} ms, Redis ${ms(quantile(two.warmup, 0.5))} / ${ms(quantile(two.warmup, 0.99))} ms`
)
