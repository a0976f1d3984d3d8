import { describe, expect, it } from 'vitest'
import { editRow, editRowForm } from '../../src/components/index.ts'
import { html } from '../../src/html/index.ts'

describe('editRow()', () => {
  it('renders the cells, a form in the last cell and Cancel', () => {
    const out = editRow({
      id: 'order-7',
      put: '/orders/7/row',
      cancel: '/orders/7/row',
      label: 'order 7',
      cells: ['#7', html`<input name="status" form="${editRowForm('order-7')}" />`],
      error: 'Status is required',
    }).value

    expect(out).toContain(
      '<tr id="order-7" class="hx-editing"><td><p class="hx-row-error" role="alert">Status is required</p>#7</td>'
    )
    expect(out).toContain('<input name="status" form="order-7-form" />')
    expect(out).toContain(
      '<form id="order-7-form" class="hx-inline" method="post" action="/orders/7/row" hx-put="/orders/7/row" hx-target="closest tr" hx-swap="outerHTML">'
    )
    expect(out).toContain('<a class="hx-button" href="/orders/7/row" hx-get="/orders/7/row"')
  })

  it('renders no error line without an error', () => {
    expect(
      editRow({ id: 'r', put: '/p', cancel: '/c', label: 'r', cells: ['a'] }).value
    ).not.toContain('hx-row-error')
  })
})

describe('editRow() in a row inside a form', () => {
  it('saves with a formaction button instead of a form of its own', () => {
    const out = editRow({
      id: 'r',
      put: '/p',
      cancel: '/c',
      label: 'r',
      cells: ['a'],
      nested: true,
    }).value

    expect(out).not.toContain('<form')
    expect(out).toContain('formaction="/p" formmethod="post" hx-put="/p"')
  })
})
