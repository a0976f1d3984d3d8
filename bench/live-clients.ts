// The client half of bench:live: one child process (of several) that opens event streams to the
// bench server, reads them, and records when each `data-seq` arrived on the shared clock
// (performance.timeOrigin + performance.now(), see bench/live.ts). Driven over IPC by live.ts.
import { Agent, get } from 'node:http'
import type { ClientRequest } from 'node:http'
import { performance } from 'node:perf_hooks'
import { serveRpc } from './lib/children.ts'

/** `open`: how many streams to open, on which port. */
export interface OpenRequest {
  port: number
  count: number
}

/** `collect`: every message received since `open`, as two parallel arrays. */
export interface Received {
  /** The `data-seq` of each message. */
  seqs: number[]
  /** When it arrived, in ms on the shared clock. */
  at: number[]
}

const agent = new Agent({ keepAlive: false, maxSockets: Infinity })
const requests: ClientRequest[] = []
let received: Received = { seqs: [], at: [] }

// the clock every bench:live process shares (live.ts has the same one; importing it from here
// would start a worker's IPC handlers in the parent)
function sharedNow(): number {
  return performance.timeOrigin + performance.now()
}

function openOne(port: number): Promise<void> {
  return new Promise<void>((ready, fail) => {
    const req = get(
      {
        host: '127.0.0.1',
        port,
        // a `since` in the future: no first render, only the hxkit:nonce event
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
          // the time first, before the parse: what is measured is the arrival
          const at = sharedNow()
          for (const match of chunk.matchAll(/data-seq="(\d+)"/g)) {
            received.seqs.push(Number(match[1]))
            received.at.push(at)
          }
        })
      }
    )
    req.on('error', fail)
    requests.push(req)
  })
}

/** Opens the streams, 250 at a time; resolves once each has had its first event. */
async function open(payload: unknown): Promise<number> {
  const { port, count } = payload as OpenRequest
  for (let done = 0; done < count; done += 250) {
    await Promise.all(Array.from({ length: Math.min(250, count - done) }, () => openOne(port)))
  }
  received = { seqs: [], at: [] }
  return requests.length
}

function collect(): Received {
  const out = received
  received = { seqs: [], at: [] }
  return out
}

function close(): number {
  const count = requests.length
  for (const req of requests.splice(0)) {
    req.destroy()
  }
  return count
}

serveRpc({ open, collect, close, now: sharedNow })
process.send?.({ ready: true, pid: process.pid })
