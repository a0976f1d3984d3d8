// `npm run worker` as a real process on the demo's SQLite file: it picks up what the app enqueues
// while it idles, and SIGTERM stops it cleanly, releasing what it could not finish unclaimed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { createApp } from '../../demo/app.ts'
import { openDb } from '../../demo/db.ts'
import type { DemoDb } from '../../demo/db.ts'
import type { TaskRecord } from '../../src/tasks/index.ts'
import { noJsRequest } from '../../src/testing/index.ts'
import { TEST_USERS, signIn } from './setup.ts'

const ROOT = resolve(import.meta.dirname, '../..')
let dir: string
let db: DemoDb
let app: ReturnType<typeof createApp>
let children: ChildProcess[] = []

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hxkit-demo-worker-'))
  db = openDb({ path: join(dir, 'demo.db'), reset: true })
  app = signIn(createApp({ db, htmxVersion: 4, users: TEST_USERS }))
})

afterEach(() => {
  for (const child of children) {
    child.kill('SIGKILL')
  }
  children = []
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 1_500; i++) {
    if (await check()) {
      return
    }
    await sleep(20)
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** Starts `demo/worker.ts` as `npm run worker` does, and resolves once it says it runs. */
function startWorker(env: Record<string, string>, args: string[] = []): Promise<ChildProcess> {
  return start('demo/worker.ts', env, args, 'hxkit demo worker')
}

function start(
  script: string,
  env: Record<string, string>,
  args: string[],
  banner: string
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: join(dir, 'demo.db'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  return new Promise((ready, failed) => {
    // the worker prints its banner to stdout, serve() logs to stderr
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes(banner)) {
          ready(child)
        }
      })
    }
    child.on('exit', (code) => {
      failed(new Error(`the worker exited early with ${String(code)}`))
    })
  })
}

const exited = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((done) =>
        child.on('exit', (code) => {
          done(code)
        })
      )

async function enqueue(path: string): Promise<string> {
  const res = await noJsRequest(app, path, { method: 'POST', form: {} })
  expect(res.status).toBe(303)
  return (res.headers.get('Location') ?? '').slice('/tasks/'.length)
}

const claimedCount = (): unknown =>
  db
    .sqlite()
    .prepare(`SELECT COUNT(*) FROM hx_task WHERE status = 'RUNNING' OR lease_owner IS NOT NULL`)
    .pluck()
    .get()

const task = async (id: string): Promise<TaskRecord | null> => app.tasks().backend.getResult(id)

describe('npm run worker (demo/worker.ts)', { timeout: 30_000 }, () => {
  it('runs an export the app enqueues while it idles, on the same file', async () => {
    // DATABASE_RESET is for the server: a worker joins the file and never deletes it
    const child = await startWorker({ TASKS_STEP_MS: '0', DATABASE_RESET: '1' }, [
      '--concurrency',
      '1',
    ])

    const id = await enqueue('/tasks/export')
    await until(async () => (await task(id))?.status === 'SUCCESSFUL', 'the export')

    const done = (await task(id)) as TaskRecord
    expect(done.workerIds[0]).toContain(`:${String(child.pid)}:`)
    expect(existsSync(join(dir, 'exports', `${id}.csv`))).toBe(true)
    child.kill('SIGTERM')
    expect(await exited(child)).toBe(0)
  })

  it('serves only the queues it is given', async () => {
    const child = await startWorker({ TASKS_STEP_MS: '0', TASKS_QUEUES: 'default' })

    const exportId = await enqueue('/tasks/export')
    const recomputeId = await enqueue('/tasks/recompute')
    await until(async () => (await task(recomputeId))?.status === 'SUCCESSFUL', 'the recompute')

    expect((await task(exportId))?.status).toBe('READY')
    child.kill('SIGTERM')
    expect(await exited(child)).toBe(0)
  })

  it('on SIGTERM past its grace releases the running task without spending an attempt and exits 0', async () => {
    const child = await startWorker({ TASKS_STEP_MS: '5000', TASKS_GRACE_MS: '100' })
    const id = await enqueue('/tasks/recompute')
    await until(async () => (await task(id))?.progress != null, 'the first step')

    child.kill('SIGTERM')
    const code = await exited(child)

    const released = (await task(id)) as TaskRecord
    expect(code).toBe(0)
    expect(released.status).toBe('READY')
    expect(released.errors).toEqual([])
    expect(released.maxAttempts).toBe(2)
    expect(claimedCount()).toBe(0)
  })
})

describe('the in-process worker of demo/server.ts', { timeout: 30_000 }, () => {
  it('runs tasks, and stops with the server on SIGTERM with nothing claimed', async () => {
    const server = await start(
      'demo/server.ts',
      { PORT: '0', TASKS_STEP_MS: '5000', TASKS_GRACE_MS: '100', SHUTDOWN_GRACE_MS: '2000' },
      [],
      'listening on'
    )
    const id = await enqueue('/tasks/recompute')
    await until(async () => (await task(id))?.progress != null, 'the first step')

    server.kill('SIGTERM')

    expect(await exited(server)).toBe(0)
    const released = (await task(id)) as TaskRecord
    expect(released.status).toBe('READY')
    expect(released.workerIds[0]).toContain(`:${String(server.pid)}:`)
    expect(claimedCount()).toBe(0)
  })

  it('leaves the tasks to other workers with TASKS_WORKER=0', async () => {
    const server = await start(
      'demo/server.ts',
      { PORT: '0', TASKS_WORKER: '0' },
      [],
      'listening on'
    )
    const id = await enqueue('/tasks/recompute')
    await sleep(300)

    expect((await task(id))?.status).toBe('READY')
    server.kill('SIGTERM')
    expect(await exited(server)).toBe(0)
  })
})
