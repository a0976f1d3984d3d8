// Child processes of the benchmarks: forked with tsx, driven over IPC, always killed on exit.
import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The repository root: children run from here so `--import tsx` resolves. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

interface Reply {
  id: number
  ok: boolean
  result?: unknown
  error?: string
}

const live = new Set<ChildProcess>()
let nextId = 1
let guarded = false

function killAll(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL')
    }
  }
  live.clear()
}

/** Kills every child on exit, Ctrl-C, SIGTERM and uncaught errors (installed once). */
function guard(): void {
  if (guarded) {
    return
  }
  guarded = true
  process.on('exit', killAll)
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.on(signal, () => {
      killAll()
      // eslint-disable-next-line n/no-process-exit -- a benchmark stopped by a signal ends here
      process.exit(code)
    })
  }
  const fail = (error: unknown): void => {
    console.error(error)
    killAll()
    // eslint-disable-next-line n/no-process-exit -- children are killed, nothing is left to run
    process.exit(1)
  }
  process.on('uncaughtException', fail)
  process.on('unhandledRejection', fail)
}

/** How to start a child. */
export interface ChildOptions {
  /** Extra environment (NODE_ENV is `production` unless given). */
  env?: Record<string, string> | undefined
  /** Extra node flags, e.g. `--expose-gc`. */
  nodeFlags?: readonly string[] | undefined
  /** Arguments for the script. */
  args?: readonly string[] | undefined
}

/**
 * Forks a TypeScript script (run with tsx) with an IPC channel; it is killed when we exit.
 *
 * @param script - absolute path of the script
 * @param options - environment, node flags and arguments
 * @example
 * const child = startChild(fileURLToPath(new URL('./server.ts', import.meta.url)))
 */
export function startChild(script: string, options: ChildOptions = {}): ChildProcess {
  guard()
  const child = fork(script, [...(options.args ?? [])], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', ...(options.nodeFlags ?? [])],
    env: { ...process.env, NODE_ENV: 'production', ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  live.add(child)
  child.once('exit', () => live.delete(child))
  return child
}

function isReply(message: unknown, id: number): message is Reply {
  return typeof message === 'object' && message !== null && (message as Reply).id === id
}

/**
 * Sends one request to a child served by `serveRpc` and waits for its answer.
 *
 * @param child - the child
 * @param type - the handler's name
 * @param payload - its argument
 * @param timeoutMs - give up (reject) after this long
 * @example
 * const info = await call<{ port: number }>(child, 'ready', null, 30_000)
 */
export function call<T>(
  child: ChildProcess,
  type: string,
  payload: unknown,
  timeoutMs: number
): Promise<T> {
  const id = nextId++
  return new Promise<T>((resolve, reject) => {
    const cleanup = (): void => {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
    }
    const onMessage = (message: unknown): void => {
      if (!isReply(message, id)) {
        return
      }
      cleanup()
      if (message.ok) {
        resolve(message.result as T)
      } else {
        reject(new Error(`${type}: ${message.error ?? 'failed'}`))
      }
    }
    const onExit = (code: number | null): void => {
      cleanup()
      reject(new Error(`${type}: child exited (${String(code)})`))
    }
    const timer = setTimeout(() => {
      cleanup()
      reject(new Error(`${type}: no answer within ${String(timeoutMs)} ms`))
    }, timeoutMs)
    child.on('message', onMessage)
    child.once('exit', onExit)
    child.send({ id, type, payload })
  })
}

/**
 * Stops a child: SIGTERM, then SIGKILL after `graceMs`.
 *
 * @param child - the child
 * @param graceMs - how long to wait for a clean exit
 * @example
 * await stopChild(child)
 */
export async function stopChild(child: ChildProcess, graceMs = 2_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return
  }
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** A child's request handlers, by type. */
export type Handlers = Record<string, (payload: unknown) => unknown>

/**
 * Child side: answers `call()` requests; exits when the parent goes away.
 *
 * @param handlers - one function per request type (may be async)
 * @example
 * serveRpc({ ready: () => ({ port }) })
 */
export function serveRpc(handlers: Handlers): void {
  // a child without its parent has nothing to do: servers must not outlive a crashed benchmark
  // eslint-disable-next-line n/no-process-exit -- see above
  process.on('disconnect', () => process.exit(0))
  // eslint-disable-next-line n/no-process-exit -- stopChild's SIGTERM ends the child at once
  process.on('SIGTERM', () => process.exit(0))
  process.on('message', (raw: unknown) => {
    const message = raw as { id: number; type: string; payload: unknown }
    const handler = handlers[message.type]
    const send = (reply: Reply): void => {
      process.send?.(reply)
    }
    if (handler === undefined) {
      send({ id: message.id, ok: false, error: `unknown request "${message.type}"` })
      return
    }
    Promise.resolve()
      .then(() => handler(message.payload))
      .then(
        (result) => {
          send({ id: message.id, ok: true, result })
        },
        (error: unknown) => {
          send({ id: message.id, ok: false, error: String(error) })
        }
      )
  })
}

/**
 * Waits for the `{ ready: true, … }` message a child sends once it listens.
 *
 * @param child - the child
 * @param timeoutMs - reject after this long (or when the child exits first)
 * @example
 * const { port } = await waitReady<{ port: number }>(child, 30_000)
 */
export function waitReady<T>(child: ChildProcess, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cleanup = (): void => {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
    }
    const onMessage = (message: unknown): void => {
      if (typeof message === 'object' && message !== null && 'ready' in message) {
        cleanup()
        resolve(message as T)
      }
    }
    const onExit = (code: number | null): void => {
      cleanup()
      reject(new Error(`child exited (${String(code)}) before it was ready`))
    }
    const timer = setTimeout(() => {
      cleanup()
      reject(new Error(`child not ready within ${String(timeoutMs)} ms`))
    }, timeoutMs)
    child.on('message', onMessage)
    child.once('exit', onExit)
  })
}
