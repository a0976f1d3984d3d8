// The task matcher: what a request enqueued, read from a backend that keeps its tasks in memory
// (the dummy backend of hxkit/tasks), so a request test can assert it and then `drain()` it.
import type { MatcherResult } from './csp-matchers.ts'

/** What `toHaveEnqueued` reads: a backend with `results`, such as `dummyBackend()`. */
export interface EnqueuedTasks {
  readonly results: readonly { readonly taskName: string; readonly args: readonly unknown[] }[]
}

function isEnqueuedTasks(value: unknown): value is EnqueuedTasks {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { results?: unknown }).results)
  )
}

/** `expect(backend).toHaveEnqueued(name, args?)`: a task of that name, with exactly those arguments. */
export function toHaveEnqueued(
  received: unknown,
  name: string,
  ...args: unknown[]
): Promise<MatcherResult> {
  if (!isEnqueuedTasks(received)) {
    return Promise.reject(
      new TypeError(
        'toHaveEnqueued(): expected a task backend with results, such as dummyBackend().'
      )
    )
  }
  const wanted = args.length === 0 ? name : `${name}(${JSON.stringify(args[0])})`
  const found = received.results.filter((result) => result.taskName === name)
  const pass =
    args.length === 0
      ? found.length > 0
      : found.some((result) => JSON.stringify(result.args) === JSON.stringify(args[0]))
  const seen = received.results.map((r) => `${r.taskName}(${JSON.stringify(r.args)})`)
  const listed = seen.length === 0 ? 'nothing' : seen.join(', ')
  return Promise.resolve({
    pass,
    message: () =>
      pass
        ? `expected ${wanted} not to be enqueued, found ${listed}`
        : `expected ${wanted} to be enqueued, found ${listed}`,
  })
}
