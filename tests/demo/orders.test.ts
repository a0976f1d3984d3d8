import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { scanCspSafety } from '../../src/csp/index.ts'
import { htmx2Headers, htmx4Element, htmx4Headers } from '../../src/testing/index.ts'
import { checkPartialParity } from '../../src/views/index.ts'
import { openTestApp } from './setup.ts'
import type { TestApp } from './setup.ts'

let t: TestApp
beforeEach(() => {
  t = openTestApp()
})
afterEach(() => {
  t.cleanup()
})

const tableHeaders = htmx4Headers({ source: 'a', target: htmx4Element('section', 'orders-table') })
const rowHeaders = htmx4Headers({ source: 'button', target: htmx4Element('tr', 'order-7') })
const nonceOf = (res: Response) =>
  /nonce-([^']+)/.exec(res.headers.get('Content-Security-Policy') ?? '')?.[1]

async function form(
  path: string,
  body: Record<string, string | string[]>,
  headers: Record<string, string> = {},
  method = 'POST'
) {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(body)) {
    for (const one of Array.isArray(v) ? v : [v]) {
      params.append(k, one)
    }
  }
  return t.app.request(path, {
    method,
    body: params,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: 'http://localhost',
      'Sec-Fetch-Site': 'same-origin',
      ...headers,
    },
  })
}

describe('GET /orders', () => {
  it('renders the filters, the data table and a keyset pager, CSP-clean', async () => {
    const res = await t.app.request('/orders')
    const body = await res.text()

    expect(res.status).toBe(200)
    expect(body).toContain(
      '<form class="hx-filters" id="order-filters-form" role="search" aria-label="Order filters"'
    )
    expect(body).toContain('<caption>Orders')
    expect(body).toContain('5,400 orders')
    expect(body).toContain('aria-sort="descending"')
    expect(body.match(/<tr id="order-/g)).toHaveLength(25)
    expect(body).toMatch(/href="\/orders\?after=[\w-]+\.[\w-]+" rel="next"/)
    expect(body).toContain('Select all 5,400 orders across pages')
    expect(body).toContain('id="toasts"')
    expect(scanCspSafety(body, { nonce: nonceOf(res), hxCsp: true })).toEqual([])
  })

  it('filters by status and date range and answers the table partial', async () => {
    const res = await t.app.request('/orders?status=shipped&from=2025-03-01&to=2025-03-31', {
      headers: tableHeaders,
    })
    const body = await res.text()

    expect(body.startsWith('<section id="orders-table"')).toBe(true)
    expect(body).not.toContain('status-pending')
    expect(res.headers.get('HX-Push-Url')).toBe(
      '/orders?status=shipped&from=2025-03-01&to=2025-03-31'
    )
  })

  it('walks keyset pages forward and back', async () => {
    const first = await (await t.app.request('/orders?sort=total')).text()
    const next =
      /href="(\/orders\?sort=total&amp;after=[^"]+)" rel="next"/
        .exec(first)?.[1]
        ?.replaceAll('&amp;', '&') ?? ''
    const second = await (await t.app.request(next)).text()
    const prev =
      /href="(\/orders\?sort=total&amp;before=[^"]+)" rel="prev"/
        .exec(second)?.[1]
        ?.replaceAll('&amp;', '&') ?? ''
    const back = await (await t.app.request(prev)).text()

    const ids = (html: string) => [...html.matchAll(/<tr id="order-(\d+)"/g)].map((m) => m[1])
    expect(ids(second)).not.toEqual(ids(first))
    expect(ids(back)).toEqual(ids(first))
  })

  it('answers 400 for a tampered cursor, an unknown sort or a bad status', async () => {
    const first = await (await t.app.request('/orders')).text()
    const token = /after=([\w-]+\.[\w-]+)/.exec(first)?.[1] ?? ''

    expect((await t.app.request(`/orders?after=${token.slice(0, -3)}AAA`)).status).toBe(400)
    expect((await t.app.request(`/orders?sort=total&after=${token}`)).status).toBe(400)
    expect((await t.app.request('/orders?sort=secret')).status).toBe(400)
    expect((await t.app.request('/orders?status=lost')).status).toBe(400)
  })

  it('keeps page/fragment parity', async () => {
    const parity = await checkPartialParity(
      t.app,
      '/orders?status=pending&sort=-total',
      t.app.pages.orders
    )

    expect(parity.filter((p) => !p.ok)).toEqual([])
  })
})

describe('row edit and delete', () => {
  it('answers the edit row, saves a status, and re-renders with 422 on a bad one', async () => {
    const edit = await (await t.app.request('/orders/7/row/edit', { headers: rowHeaders })).text()

    expect(edit).toContain('<tr id="order-7" class="hx-editing">')

    const bad = await form('/orders/7/row', { status: 'lost' }, rowHeaders, 'PUT')
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('role="alert">Choose a status from the list')

    const good = await form('/orders/7/row', { status: 'delivered' }, rowHeaders, 'PUT')
    const body = await good.text()
    expect(good.status).toBe(200)
    expect(body).toContain('<tr id="order-7">')
    expect(body).toContain('status-delivered')
    expect(body).toContain('<hx-partial hx-target="#toasts" hx-swap="beforeend"')
  })

  it('answers htmx 2 with 200 for a bad status', async () => {
    const bad = await form(
      '/orders/7/row',
      { status: 'lost' },
      htmx2Headers({ target: 'order-7' }),
      'PUT'
    )

    expect(bad.status).toBe(200)
  })

  it('deletes with a toast, and answers 404 with an error toast for a missing order', async () => {
    const res = await form('/orders/7', {}, rowHeaders, 'DELETE')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Order #7 deleted')

    const again = await form('/orders/7', {}, rowHeaders, 'DELETE')
    expect(again.status).toBe(404)
    expect(await again.text()).toContain('role="alert"')
  })

  it('deletes without JavaScript with a redirect and a flash on the next page', async () => {
    const res = await form('/orders/8/delete', {})
    expect(res.status).toBe(303)
    const cookie = (res.headers.get('Set-Cookie') ?? '').split(';')[0] ?? ''

    // the flash cookie beside the session's (a Cookie header of its own replaces the sign-in)
    const session = await t.app.sessionCookie('admin')
    const next = await t.app.request('/orders', { headers: { Cookie: `${session}; ${cookie}` } })
    expect(await next.text()).toContain('Order #8 deleted')
  })
})

describe('POST /orders/bulk/ship', () => {
  it('ships the checked orders', async () => {
    const res = await form('/orders/bulk/ship', { ids: ['1', '2', '3'] }, tableHeaders)
    const body = await res.text()

    expect(res.status).toBe(200)
    expect(body).toMatch(/\d orders? marked shipped/)
    expect(body.startsWith('<section id="orders-table"')).toBe(true)
  })

  it('hands all matching orders across pages off with a valid scope, and 409s when the set changed', async () => {
    const page = await (
      await t.app.request('/orders?status=pending', { headers: tableHeaders })
    ).text()
    const scope = /name="scope" value="([^"]+)"/.exec(page)?.[1] ?? ''
    const expected = /name="expected" value="(\d+)"/.exec(page)?.[1] ?? ''

    // another user ships one pending order in the meantime
    await form(
      '/orders/bulk/ship',
      {
        ids: [
          t.db
            .sqlite()
            .prepare("SELECT id FROM orders WHERE status = 'pending' LIMIT 1")
            .pluck()
            .get() as string,
        ],
      },
      tableHeaders
    )
    const stale = await form('/orders/bulk/ship?status=pending', { scope, expected }, tableHeaders)
    const staleBody = await stale.text()
    expect(stale.status).toBe(409)
    expect(staleBody).toContain('The selection changed')

    const fresh = /name="scope" value="([^"]+)"/.exec(staleBody)?.[1] ?? ''
    const now = /name="expected" value="(\d+)"/.exec(staleBody)?.[1] ?? ''
    const done = await form(
      '/orders/bulk/ship?status=pending',
      { scope: fresh, expected: now },
      tableHeaders
    )
    // more orders than the hand-off threshold: a background task ships them (orders-bulk.test.ts)
    expect(done.status).toBe(202)
    expect(await done.text()).toContain('hx-bulk-bar--task')
  })

  it('answers 400 for a tampered scope or nothing selected', async () => {
    expect(
      (await form('/orders/bulk/ship', { scope: 'abc.def', expected: '3' }, tableHeaders)).status
    ).toBe(400)
    expect((await form('/orders/bulk/ship', {}, tableHeaders)).status).toBe(400)
  })
})

describe('the order detail page', () => {
  it('shows the details tab and the dialog', async () => {
    const res = await t.app.request('/orders/12')
    const body = await res.text()

    expect(res.status).toBe(200)
    expect(body).toContain('<h1>Order #12</h1>')
    expect(body).toContain('<dl class="facts" id="order-facts">')
    expect(body).toContain(
      '<a role="tab" id="order-view-tab-details" href="/orders/12" aria-selected="true" tabindex="0" aria-controls="order-view-panel"'
    )
    expect(body).toContain('hx-get="/orders/12?tab=activity" hx-target="#order-tabs"')
    expect(body).toContain('commandfor="order-dialog" command="show-modal"')
    expect(scanCspSafety(body, { nonce: nonceOf(res), hxCsp: true })).toEqual([])
    expect((await t.app.request('/orders/999999')).status).toBe(404)
  })

  it('has a URL per tab; an htmx request gets the tabs partial alone', async () => {
    const page = await (await t.app.request('/orders/12?tab=activity')).text()
    expect(page).toContain('Order placed')
    expect(page).toContain(
      'id="order-view-tab-activity" href="/orders/12?tab=activity" aria-selected="true"'
    )
    // an unknown tab shows the default one
    expect(await (await t.app.request('/orders/12?tab=nope')).text()).toContain('id="order-facts"')

    for (const headers of [
      htmx4Headers({ source: 'a', target: htmx4Element('section', 'order-tabs') }),
      htmx2Headers({ target: 'order-tabs' }),
    ]) {
      const res = await t.app.request('/orders/12?tab=customer', { headers })
      const body = await res.text()
      expect(res.status).toBe(200)
      expect(body).not.toContain('<h1>')
      expect(body).toContain('All orders of')
      expect(body).toContain(
        'id="order-view-tab-customer" href="/orders/12?tab=customer" aria-selected="true"'
      )
    }
  })

  it('edits in the dialog: 422 in place, then closes and updates the page', async () => {
    const headers = htmx4Headers({ source: 'form', target: htmx4Element('form') })
    const bad = await form('/orders/12/dialog', { status: 'x' }, headers)
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('aria-invalid="true"')

    const good = await form('/orders/12/dialog', { status: 'cancelled' }, headers)
    const body = await good.text()
    expect(good.status).toBe(200)
    expect(JSON.parse(good.headers.get('HX-Trigger') ?? '{}')).toEqual({
      'hxkit:dialog-close': { target: '#order-dialog' },
    })
    expect(body).toContain('<hx-partial hx-target="#order-tabs"')
    expect(body).toContain('id="order-facts"')

    // saved from the activity tab, the answer shows the activity tab with the new entry
    const fromActivity = await form(
      '/orders/12/dialog',
      { status: 'pending' },
      {
        ...headers,
        'HX-Current-URL': 'http://localhost/orders/12?tab=activity',
      }
    )
    const activity = await fromActivity.text()
    expect(activity).toContain('id="order-timeline"')
    expect(activity).toContain('Order #12 marked pending')
  })
})
