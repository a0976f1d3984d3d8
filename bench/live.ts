/**
 * bench:live: hxkit/live under load. The server runs in its own process (--expose-gc), the
 * clients here. Measures the heap per open stream after GC with 5,000 streams, and the
 * publish-to-receive latency (the client's clock from sending the publish request to each
 * stream's message) at 1,000 subscribers on one instance and across two instances on Redis.
 *
 * Run: `npm run bench:live` (~1 min), `-- --quick` (fewer streams and publishes).
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { Agent, get } from 'node:http'
import type { ClientRequest } from 'node:http'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { startRedis } from '../tests/fixtures/redis.ts'
import { machineLine } from './lib/machine.ts'
import { quantile } from './lib/stats.ts'
import { markdownTable } from './lib/table.ts'

const quick = process.argv.includes('--quick')
const STREAMS = quick ? 1_000 : 5_000
const SUBSCRIBERS = 1_000
const PUBLISHES = quick ? 10 : 30
const KiB = 1024
const children: ChildProcess[] = []
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

interface Streams {
  close(): void
}

/** Opens `count` streams; `onSeq` gets each `data-seq` a stream receives. */
async function openStreams(
  port: number,
  count: number,
  onSeq: (seq: number) => void = () => undefined
): Promise<Streams> {
  const requests: ClientRequest[] = []
  for (let done = 0; done < count; done += 250) {
    await Promise.all(
      Array.from(
        { length: Math.min(250, count - done) },
        () =>
          new Promise<void>((ready, fail) => {
            const req = get(
              {
                host: '127.0.0.1',
                port,
                path: `/live?since=${String(Date.now() + 3_600_000)}`,
                agent,
                headers: { Accept: 'text/event-stream', 'HX-Request': 'true' },
              },
              (res) => {
                res.setEncoding('utf8')
                res.once('data', () => {
                  ready()
                })
                res.on('data', (chunk: string) => {
                  for (const match of chunk.matchAll(/data-seq="(\d+)"/g)) {
                    onSeq(Number(match[1]))
                  }
                })
              }
            )
            req.on('error', fail)
            requests.push(req)
          })
      )
    )
  }
  return {
    close() {
      for (const req of requests) {
        req.destroy()
      }
    },
  }
}

async function heapPerStream(): Promise<{ perStream: number; rssPerStream: number }> {
  const port = await startServer()
  await json(port, '/stats')
  // warm up: the code paths of a stream run once before the baseline
  const warm = await openStreams(port, 100)
  warm.close()
  await sleep(500)
  const before = await json<{ heapUsed: number; rss: number }>(port, '/stats')
  const streams = await openStreams(port, STREAMS)
  const during = await json<{ heapUsed: number; rss: number; streams: number }>(port, '/stats')
  streams.close()
  if (during.streams !== STREAMS) {
    throw new Error(`expected ${String(STREAMS)} streams, got ${String(during.streams)}`)
  }
  return {
    perStream: (during.heapUsed - before.heapUsed) / STREAMS,
    rssPerStream: (during.rss - before.rss) / STREAMS,
  }
}

async function latency(
  publishPort: number,
  streamPort: number,
  subscribers = SUBSCRIBERS
): Promise<number[]> {
  const sentAt = new Map<number, number>()
  const samples: number[] = []
  const streams = await openStreams(streamPort, subscribers, (seq) => {
    const sent = sentAt.get(seq)
    if (sent !== undefined) {
      samples.push(performance.now() - sent)
    }
  })
  await sleep(500)
  for (let seq = 1; seq <= PUBLISHES; seq++) {
    sentAt.set(seq, performance.now())
    await json(publishPort, `/publish?seq=${String(seq)}`)
    // longer than the coalescing interval: each publish is its own message
    await sleep(400)
  }
  await sleep(500)
  streams.close()
  const expected = subscribers * PUBLISHES
  if (samples.length < expected) {
    console.warn(`received ${String(samples.length)} of ${String(expected)} messages`)
  }
  return samples
}

const ms = (value: number): string => value.toFixed(1)
const machine = machineLine()
const heap = await heapPerStream()
const single = await startServer()
const one = await latency(single, single)
// the same path with 10 subscribers: what the machine costs without the fan-out
const few = await latency(single, single, 10)
const redis = await startRedis()
const a = await startServer({ LIVE_REDIS_URL: redis.url })
const b = await startServer({ LIVE_REDIS_URL: redis.url })
const two = await latency(a, b)
for (const child of children.splice(0)) {
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
        `${ms(quantile(one, 0.5))} / ${ms(quantile(one, 0.99))} ms`,
        'p99 ≤ 50 ms',
      ],
      [
        'publish → receive, 10 subscribers, one instance (p50 / p99), same run',
        `${ms(quantile(few, 0.5))} / ${ms(quantile(few, 0.99))} ms`,
        'reference',
      ],
      [
        `publish → receive, ${String(SUBSCRIBERS)} subscribers, two instances on Redis (p50 / p99)`,
        `${ms(quantile(two, 0.5))} / ${ms(quantile(two, 0.99))} ms`,
        'p99 ≤ 100 ms',
      ],
    ],
  })
)
console.log(`samples: ${String(one.length)} (one instance), ${String(two.length)} (Redis)`)
