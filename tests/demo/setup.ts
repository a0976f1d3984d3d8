// Shared set-up of the demo tests: a demo app on a temporary SQLite file, partial-request
// shorthands over hxkit/testing's header builders, and a scan for markup that a strict CSP would block.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { createApp } from '../../demo/app.ts'
import { openDb } from '../../demo/db.ts'
import type { DemoDb } from '../../demo/db.ts'
import type { HtmxVersion } from '../../demo/layout.ts'
import type { Role } from '../../demo/users.ts'
import type { TaskRecord } from '../../src/tasks/index.ts'
import { htmx2Headers, htmx4Element, htmx4Headers } from '../../src/testing/index.ts'
import type { HeaderRecord } from '../../src/testing/index.ts'

/** A demo app on its own fresh database, and how to clean it up. */
export interface TestApp {
  /** The app; its `request()` signs in as the test app's role unless the request sends a Cookie. */
  app: ReturnType<typeof createApp>
  /** The same app's `request()` without the session cookie. */
  anonymous: ReturnType<typeof createApp>['request']
  db: DemoDb
  cleanup: () => void
}

/** The seeded users' passwords in tests. */
export const TEST_PASSWORDS: Record<Role, string> = {
  viewer: 'viewer-password',
  operator: 'operator-password',
  admin: 'admin-password',
}

/** The seeded users of a test app: known passwords, cheap hashes (the cost is not what is tested). */
export const TEST_USERS = { passwords: TEST_PASSWORDS, hashCost: 1024 }

/**
 * Makes `app.request()` send the session cookie of the seeded user of `role` (minted once),
 * unless the request has a Cookie header of its own; the app needs `users: TEST_USERS`.
 */
export function signIn<A extends ReturnType<typeof createApp>>(app: A, role: Role = 'admin'): A {
  const anonymous = app.request
  let cookie: Promise<string> | undefined
  const signedIn: typeof app.request = async (input, init, env, ctx) => {
    const headers = new Headers(init?.headers)
    if (!headers.has('cookie')) {
      headers.set('cookie', await (cookie ??= app.sessionCookie(role)))
    }
    return anonymous(input, { ...init, headers }, env, ctx)
  }
  app.request = signedIn
  return app
}

/** Options of `openTestApp`: who the requests sign in as (`null`: nobody), test routes. */
export interface TestAppOptions {
  as?: Role | null | undefined
  testRoutes?: boolean | undefined
}

/**
 * Opens a fresh demo database in a temporary folder and builds the app on it. Its `request()`
 * sends the session cookie of the seeded user of `as` (default admin), minted once, unless the
 * request has a Cookie header of its own.
 */
export function openTestApp(htmxVersion: HtmxVersion = 4, options: TestAppOptions = {}): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'hxkit-demo-'))
  const db = openDb({ path: join(dir, 'demo.db'), reset: true })
  const app = createApp({ db, htmxVersion, testRoutes: options.testRoutes, users: TEST_USERS })
  const role = options.as === undefined ? 'admin' : options.as
  const anonymous = app.request
  return {
    app: role === null ? app : signIn(app, role),
    anonymous,
    db,
    cleanup: () => {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** htmx 4 partial request from a link aimed at `tag#id` (hxkit/testing's builders). */
export const hx4Partial = (tag: string, id: string): HeaderRecord =>
  htmx4Headers({ source: 'a', target: htmx4Element(tag, id) })

/** htmx 2 partial request aimed at a bare id. */
export const hx2Partial = (id: string): HeaderRecord => htmx2Headers({ target: id })

/** Markup a strict CSP would block or that smells of injection: inline scripts, handlers, styles. */
export function unsafeMarkup(body: string): string[] {
  const problems: string[] = []
  for (const [tag] of body.matchAll(/<[a-zA-Z][^>]*>/g)) {
    if (/^<script\b/i.test(tag) && !/\ssrc="[^"]+"/i.test(tag)) {
      problems.push(`inline script: ${tag}`)
    }
    if (/\son[a-z]+\s*=/i.test(tag)) {
      problems.push(`event handler attribute: ${tag}`)
    }
    if (/\sstyle\s*=/i.test(tag)) {
      problems.push(`style attribute: ${tag}`)
    }
    if (/javascript:/i.test(tag)) {
      problems.push(`javascript: URL: ${tag}`)
    }
    if (/^<style\b/i.test(tag)) {
      problems.push(`style element: ${tag}`)
    }
  }
  return problems
}

/**
 * Runs a real worker on the app's tasks until no task is READY or RUNNING.
 *
 * @param app - a demo app
 * @example
 * await drainTasks(app)
 */
export async function drainTasks(app: ReturnType<typeof createApp>): Promise<void> {
  const tasks = app.tasks()
  const running = tasks.startWorker({ graceMs: 0 })
  try {
    for (let i = 0; i < 1_000; i++) {
      const counts = await tasks.admin.counts()
      if (counts.READY === 0 && counts.RUNNING === 0) {
        return
      }
      await sleep(10)
    }
    throw new Error('drainTasks(): tasks did not finish')
  } finally {
    await running.stop()
  }
}

/**
 * Waits (up to 5 s) until the app's task `id` satisfies `check`.
 *
 * @param app - a demo app
 * @param id - the task's id
 * @param check - what to wait for, on the task's record
 * @example
 * await untilTask(app, id, (task) => task?.status === 'FAILED')
 */
export async function untilTask(
  app: ReturnType<typeof createApp>,
  id: string,
  check: (task: TaskRecord | null) => boolean
): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check(await app.tasks().backend.getResult(id))) {
      return
    }
    await sleep(10)
  }
  throw new Error(`untilTask(): task ${id} did not get there`)
}

/**
 * Reads an event stream until it ends (or `ms` pass), as `{ event, data }` messages.
 *
 * @param res - a `text/event-stream` response
 * @param ms - how long to read at most
 * @example
 * const messages = await readStream(await htmxRequest(app, url, { headers: streamHeaders }))
 */
export async function readStream(
  res: Response,
  ms = 5_000
): Promise<{ event: string; data: string }[]> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  let text = ''
  const stop = setTimeout(() => void reader.cancel(), ms)
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) {
        break
      }
      text += decoder.decode(value, { stream: true })
    }
  } finally {
    clearTimeout(stop)
  }
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '' && !block.startsWith(':'))
    .map((block) => {
      const lines = block.split('\n')
      const field = (name: string): string[] =>
        lines
          .filter((line) => line.startsWith(`${name}: `))
          .map((line) => line.slice(name.length + 2))
      return { event: field('event')[0] ?? '', data: field('data').join('\n') }
    })
}
