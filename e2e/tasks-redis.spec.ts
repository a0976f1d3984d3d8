// Several instances on one Redis: two demo servers (TASKS_BACKEND=redis, no in-process worker)
// and one worker process, all started here, with live updates through the same Redis. A
// recompute started on instance A's Tasks page shows its progress and result on instance B's
// task page, pushed from the worker process over Redis (htmx 4: one stream, no poll); the worker
// is killed mid-task and another one finishes it.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '../src/testing/playwright.ts'
import { startRedis } from '../tests/fixtures/redis.ts'
import type { RedisServer } from '../tests/fixtures/redis.ts'
import { logIn } from './helpers.ts'
import { E2E_PASSWORD_ENV } from './passwords.ts'

// the project servers use E2E_PORT and +1, the gallery +2, the live Redis instances +4 and +5
const base = Number(process.env['E2E_PORT'] ?? 3107) + 6
const ports = { a: base, b: base + 1 }
const root = join(import.meta.dirname, '..')
let redis: RedisServer | undefined
const children: ChildProcess[] = []

function environment(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOST: '127.0.0.1',
    DATABASE_PATH: join(root, 'test-results', 'e2e-redis.db'),
    TASKS_BACKEND: 'redis',
    REDIS_URL: redis?.url,
    LIVE_REDIS_URL: redis?.url,
    TASKS_WORKER: '0',
    TASKS_STEP_MS: '500',
    TASKS_LEASE_MS: '1000',
    TASKS_SWEEP_MS: '200',
    ...E2E_PASSWORD_ENV,
  }
}

async function listening(port: number): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const up = await fetch(`http://127.0.0.1:${String(port)}/healthz`).then(
      (res) => res.ok,
      () => false
    )
    if (up) {
      return
    }
    await new Promise((done) => setTimeout(done, 100))
  }
  throw new Error(`the server on ${String(port)} did not start`)
}

function server(port: number, reset: boolean): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server.ts'], {
    cwd: root,
    env: { ...environment(), PORT: String(port), DATABASE_RESET: reset ? '1' : '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  children.push(child)
  return listening(port)
}

function taskWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/worker.ts'], {
    cwd: root,
    env: environment(),
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(child)
  return new Promise((ready, failed) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('hxkit demo worker')) {
        ready(child)
      }
    })
    child.once('exit', (code) => {
      failed(new Error(`the worker exited with ${String(code)}`))
    })
  })
}

test.describe('tasks on Redis across two instances', () => {
  test.setTimeout(90_000)

  // the servers of this spec are its own, so one project runs it
  const only = 'htmx4'
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures from the pattern
  test.beforeAll(async ({}, info) => {
    if (info.project.name !== only) {
      return
    }
    mkdirSync(join(root, 'test-results'), { recursive: true })
    redis = await startRedis()
    await server(ports.a, true)
    await server(ports.b, false)
  })
  test.afterAll(async () => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((done) => child.once('exit', done))
        child.kill('SIGKILL')
        await gone
      }
    }
    await redis?.stop()
  })

  test('a task started on A shows its progress and result on B, and survives its worker’s kill -9', async ({
    page,
    context,
  }, info) => {
    test.skip(info.project.name !== only, 'runs once, on servers of its own')
    const first = await taskWorker()
    // both instances share the sessions (in Redis, as REDIS_URL is set): one sign-in holds on both
    await logIn(page, 'operator', `http://127.0.0.1:${String(ports.a)}`)
    await page.goto(`http://127.0.0.1:${String(ports.a)}/tasks`)
    await page.getByRole('button', { name: 'Recompute customer totals' }).click()
    const started = page.locator('#task-started [id^="progress-"]')
    await expect(started).toBeVisible()
    const id = (await started.getAttribute('id'))?.replace(/^progress-/, '') ?? ''
    expect(id).toMatch(/^[0-9a-f-]{36}$/)

    const other = await context.newPage()
    const polls: string[] = []
    other.on('request', (request) => {
      if (new URL(request.url()).pathname.includes('/progress')) {
        polls.push(request.headers()['accept'] ?? '')
      }
    })
    await other.goto(`http://127.0.0.1:${String(ports.b)}/tasks/${id}`)
    await expect(
      other.getByRole('heading', { level: 2, name: 'Customer totals recompute' })
    ).toBeVisible()
    const message = other.locator('.task-progress-message')
    await expect(message).toHaveText(/^\d+ of \d+ customers$/, { timeout: 10_000 })

    first.kill('SIGKILL')
    await taskWorker()

    // the task's own outcome (the toast region announces it too)
    const done = other
      .getByRole('region', { name: 'Customer totals recompute' })
      .getByRole('status')
      .filter({ hasText: 'Customer totals recompute finished' })
    await expect(done).toBeVisible({ timeout: 30_000 })
    await expect(other.getByRole('heading', { level: 3, name: 'Result' })).toBeVisible()
    // every change came over B's event stream(s), published by the worker processes: no poll
    expect(polls.length).toBeGreaterThan(0)
    expect(polls.every((accept) => accept.includes('text/event-stream'))).toBe(true)
    const result = await (
      await page.request.get(`http://127.0.0.1:${String(ports.a)}/tasks/${id}`)
    ).text()
    expect(result).toContain('LeaseExpired')
  })
})
