import { describe, expect, it } from 'vitest'
import { rowActions } from '../../src/components/index.ts'
import { scanCspSafety } from '../../src/csp/index.ts'

describe('rowActions()', () => {
  it('renders an edit link and a delete form guarded against error answers', () => {
    const out = rowActions({
      label: 'order 7',
      edit: { get: '/orders/7/row/edit', href: '/orders/7/edit' },
      delete: { url: '/orders/7', confirm: 'Delete order 7?' },
    }).value

    expect(out).toContain(
      '<a class="hx-button" href="/orders/7/edit" hx-get="/orders/7/row/edit" hx-target="closest tr" hx-swap="outerHTML">Edit<span class="visually-hidden"> order 7</span></a>'
    )
    expect(out).toContain('<form class="hx-inline" method="post" action="/orders/7/delete">')
    expect(out).toContain(
      'hx-delete="/orders/7" hx-target="closest tr" hx-swap="delete" hx-confirm="Delete order 7?"'
    )
    expect(out).toContain(
      'hx-status:4xx="target:#toasts swap:beforeend" hx-status:5xx="target:#toasts swap:beforeend"'
    )
    expect(scanCspSafety(out)).toEqual([])
  })

  it('renders only what it is given', () => {
    expect(rowActions({ label: 'x' }).value).toBe('')
    expect(
      rowActions({ label: 'x', delete: { url: '/x', confirm: '?', post: '/x/remove' } }).value
    ).toContain('action="/x/remove"')
  })
})

describe('rowActions() in a row inside a form', () => {
  it('renders Delete as a button with formaction, not a nested form', () => {
    const out = rowActions({ label: 'x', nested: true, delete: { url: '/x', confirm: '?' } }).value

    expect(out).not.toContain('<form')
    expect(out).toContain('formaction="/x/delete" formmethod="post"')
  })
})
