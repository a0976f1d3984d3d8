import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { closeDialog, dialog, dialogButton } from '../../src/components/index.ts'
import { scanCspSafety } from '../../src/csp/index.ts'

describe('dialog()', () => {
  it('renders a native dialog named by its title, with a close command and a body', () => {
    const out = dialog({ id: 'edit', title: 'Edit order' }).value

    expect(out).toBe(
      '<dialog id="edit" class="hx-dialog" aria-labelledby="edit-title"><div class="hx-dialog-head"><h2 id="edit-title">Edit order</h2><button type="button" class="hx-dialog-close" commandfor="edit" command="close" aria-label="Close">×</button></div><div id="edit-body" class="hx-dialog-body"></div></dialog>'
    )
    expect(dialog({ id: 'd', title: 'T', body: 'x', open: true }).value).toContain(
      ' data-hxkit-open>'
    )
  })
})

describe('dialogButton()', () => {
  it('opens the dialog with commandfor and loads its body with htmx', () => {
    const out = dialogButton({
      dialog: 'edit',
      get: '/orders/7/edit',
      label: 'Edit',
      class: 'hx-button',
    }).value

    expect(out).toBe(
      '<button type="button" class="hx-button" commandfor="edit" command="show-modal" hx-get="/orders/7/edit" hx-target="#edit-body" hx-swap="innerHTML">Edit</button>'
    )
    expect(scanCspSafety(out)).toEqual([])
  })
})

describe('closeDialog()', () => {
  it('sends the close event in HX-Trigger', async () => {
    const app = new Hono().post('/', (c) => {
      closeDialog(c, 'edit')
      return c.body(null, 204)
    })

    const res = await app.request('/', { method: 'POST' })

    expect(JSON.parse(res.headers.get('HX-Trigger') ?? '{}')).toEqual({
      'hxkit:dialog-close': { target: '#edit' },
    })
  })
})
