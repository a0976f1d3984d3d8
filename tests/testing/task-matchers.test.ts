import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { htmx } from '../../src/htmx/index.ts'
import { dummyBackend, task } from '../../src/tasks/index.ts'
import { htmxRequest } from '../../src/testing/index.ts'
import { toHaveEnqueued } from '../../src/testing/task-matchers.ts'

// A request test with tasks: the route enqueues on the dummy backend, the test asserts what was
// enqueued, then drains it and checks the outcome.
const backend = dummyBackend()
const exportOrders = task((status: string) => Promise.resolve(`orders-${status}.csv`), {
  name: 'exportOrders',
  backend,
})
const app = new Hono()
app.use(htmx())
app.post('/exports', async (c) => {
  const result = await exportOrders.enqueue(c.req.query('status') ?? 'all')
  return c.html(`<p id="export">${result.id}</p>`, 202)
})

describe('toHaveEnqueued()', () => {
  it('sees what a request enqueued, and drain() runs it', async () => {
    backend.clear()

    const res = await htmxRequest(app, '/exports?status=open', { method: 'POST' })

    expect(res.status).toBe(202)
    await expect(backend).toHaveEnqueued('exportOrders', ['open'])
    await expect(backend).not.toHaveEnqueued('exportOrders', ['closed'])
    expect(await backend.drain()).toBe(1)
    expect(backend.results[0]?.status).toBe('SUCCESSFUL')
    expect(backend.results[0]?.returnValue).toBe('orders-open.csv')
  })

  it('fails, listing what was enqueued, when the task is not there', async () => {
    backend.clear()
    await exportOrders.enqueue('open')

    const missing = await toHaveEnqueued(backend, 'sendInvoice')
    const otherArgs = await toHaveEnqueued(backend, 'exportOrders', ['closed'])
    const none = await toHaveEnqueued(dummyBackend(), 'exportOrders')

    expect(missing.pass).toBe(false)
    expect(missing.message()).toBe(
      'expected sendInvoice to be enqueued, found exportOrders(["open"])'
    )
    expect(otherArgs.pass).toBe(false)
    expect(none.message()).toBe('expected exportOrders to be enqueued, found nothing')
  })

  it('refuses something that is not a task backend', async () => {
    await expect(toHaveEnqueued({}, 'x')).rejects.toThrow(
      'toHaveEnqueued(): expected a task backend with results, such as dummyBackend().'
    )
  })
})
