import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { bulkBar, bulkScopes, taskProgress } from '../../src/components/index.ts'
import { scanCspSafety } from '../../src/csp/index.ts'

const scopes = bulkScopes({ secret: 'bulk-tests-secret-000000' })
const target = { name: 'orders', selector: '#orders' }

describe('bulkScopes()', () => {
  it('round-trips a scope and its count', () => {
    expect(scopes.verify(scopes.sign('status=pending&sort=-id', 2104))).toEqual({
      query: 'status=pending&sort=-id',
      expected: 2104,
    })
  })

  it.each([
    ['an edited token', (t: string) => t.replace(/^./, 'A')],
    ['garbage', () => 'nothing'],
    [
      'a token from another secret',
      () => bulkScopes({ secret: 'another-secret-00000000' }).sign('', 1),
    ],
  ])('answers 400 for %s', async (_, make) => {
    const app = new Hono().post('/', (c) => c.json(scopes.verify(make(scopes.sign('q=a', 3)))))

    const res = await app.request('/', { method: 'POST' })

    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Bad selection')
  })

  it('answers 400 for a signed payload of the wrong shape', () => {
    const other = bulkScopes({ secret: 'bulk-tests-secret-000000' })
    const token = other.sign('q', 1.5)

    expect(() => other.verify(token)).toThrow('Bad selection')
    expect(() => bulkScopes({ secret: 'x' })).toThrow(TypeError)
  })
})

describe('bulkBar()', () => {
  it('renders one button per action and the all-pages offer', () => {
    const out = bulkBar({
      id: 'bulk',
      target,
      actions: [
        { label: 'Mark shipped', post: '/orders/bulk/ship' },
        { label: 'Cancel', post: '/orders/bulk/cancel', confirm: 'Cancel them?' },
      ],
      all: { count: 2104, token: 'tok.en', noun: 'orders' },
    }).value

    expect(out).toContain(
      '<div id="bulk" class="hx-bulk-bar" role="group" aria-label="Bulk actions">'
    )
    expect(out).toContain(
      '<input type="checkbox" name="scope" value="tok.en" data-hxkit-across /> Select all 2,104 orders across pages'
    )
    expect(out).toContain('<input type="hidden" name="expected" value="2104" />')
    expect(out).toContain(
      'formaction="/orders/bulk/ship" hx-post="/orders/bulk/ship" hx-target="#orders"'
    )
    expect(out).toContain('hx-confirm="Cancel them?"')
    expect(scanCspSafety(out)).toEqual([])
  })

  it('shows itself with a notice and the across box checked after a 409', () => {
    const out = bulkBar({
      id: 'bulk',
      target,
      actions: [],
      notice: 'The selection changed: 2,100 orders now match.',
      across: true,
      all: { count: 2100, token: 't', noun: 'orders' },
    }).value

    expect(out).toContain('class="hx-bulk-bar hx-bulk-bar--shown"')
    expect(out).toContain('role="alert">The selection changed')
    expect(out).toContain('data-hxkit-across checked />')
  })

  it('shows the progress of a handed-off task in place of the buttons and the all-pages offer', () => {
    const progress = taskProgress({
      id: 'ship-1',
      label: 'Marking orders shipped',
      status: 'RUNNING',
      progress: { fraction: 0.25, message: '50 of 200 orders' },
      poll: '/orders/bulk/ship/1',
    })
    const out = bulkBar({
      id: 'bulk',
      target,
      actions: [{ label: 'Mark shipped', post: '/orders/bulk/ship' }],
      all: { count: 200, token: 't', noun: 'orders' },
      task: progress,
    }).value

    expect(out).toContain('class="hx-bulk-bar hx-bulk-bar--shown hx-bulk-bar--task"')
    expect(out).toContain(progress.value)
    expect(out).not.toContain('<button')
    expect(out).not.toContain('name="scope"')
    expect(scanCspSafety(out)).toEqual([])
  })
})
