// Child process: the load generator (autocannon), so it never shares a thread with a server.
import autocannon from 'autocannon'
import { serveRpc } from '../lib/children.ts'
import { quantile } from '../lib/stats.ts'

/** One load window. */
export interface LoadRequest {
  url: string
  headers: Record<string, string>
  connections: number
  seconds: number
}

/** What one window measured (latencies in ms, exact, from every response). */
export interface LoadResult {
  rps: number
  requests: number
  p50: number
  p99: number
  errors: number
  non2xx: number
  bytes: number
}

function measure(request: LoadRequest, latencies: number[]): Promise<autocannon.Result> {
  const { url, headers, connections, seconds } = request
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, headers, connections, duration: seconds, pipelining: 1 },
      (error: unknown, result: autocannon.Result) => {
        if (error === null || error === undefined) {
          resolve(result)
        } else {
          reject(error instanceof Error ? error : new Error('autocannon failed'))
        }
      }
    )
    // every response's latency in ms (autocannon's own histogram rounds to whole ms)
    instance.on('response', (_client, _status, _bytes, ms) => {
      latencies.push(ms)
    })
  })
}

async function run(payload: unknown): Promise<LoadResult> {
  const request = payload as LoadRequest
  const latencies: number[] = []
  const result = await measure(request, latencies)
  return {
    rps: result.requests.total / (result.duration || request.seconds),
    requests: result.requests.total,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bytes: result.throughput.total,
  }
}

serveRpc({ run })
process.send?.({ ready: true, pid: process.pid })
