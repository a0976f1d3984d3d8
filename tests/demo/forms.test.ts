import { Hono } from 'hono'
import { afterAll, describe, expect, it } from 'vitest'
import { demoAssets } from '../../demo/app.ts'
import { registerForms } from '../../demo/forms/index.ts'
import type { OrderPage } from '../../demo/forms/view.ts'
import { demoLayout } from '../../demo/layout.ts'
import type { HtmxVersion } from '../../demo/layout.ts'
import { overviewPage } from '../../demo/pages/overview.ts'
import { htmx } from '../../src/htmx/index.ts'
import { htmx2Headers, htmx4Element, htmx4Headers } from '../../src/testing/index.ts'
import { checkPartialParity } from '../../src/views/index.ts'
import { openTestApp, unsafeMarkup } from './setup.ts'

// The order form of demo/forms: GET pages, the 422 flow, saves, uploads, live validation.
const hx4 = openTestApp(4)
const hx2 = openTestApp(2)
afterAll(() => {
  hx4.cleanup()
  hx2.cleanup()
})

const SAME_ORIGIN = { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }
const HX4_SUBMIT = {
  ...htmx4Headers({
    source: 'form#order-form',
    target: htmx4Element('section', 'order-form-panel'),
  }),
  ...SAME_ORIGIN,
}
const HX2_SUBMIT = { ...htmx2Headers({ target: 'order-form-panel' }), ...SAME_ORIGIN }

/** A valid order, as the browser posts it (multipart, because the form has a file field). */
function orderBody(overrides: Record<string, string | File> = {}): FormData {
  const fields: Record<string, string | File> = {
    customer: 'Ada Lovelace',
    email: 'ada@example.com',
    status: 'paid',
    total: '42.50',
    deliverBy: '2030-05-15',
    express: 'true',
    'address.street': 'Hauptstraße 5',
    'address.city': 'Berlin',
    'address.zip': '10115',
    notes: 'Ring <twice> & wait',
    ...overrides,
  }
  const body = new FormData()
  for (const [name, value] of Object.entries(fields)) {
    body.append(name, value)
  }
  return body
}

const pdf = (bytes: number, name = 'invoice.pdf', type = 'application/pdf'): File =>
  new File([new Uint8Array(bytes).fill(37)], name, { type })

async function post(
  app: typeof hx4.app,
  path: string,
  body: BodyInit,
  headers: Record<string, string> = SAME_ORIGIN
) {
  const res = await app.request(path, { method: 'POST', body, headers })
  return { res, body: await res.text() }
}

const orderCount = (db: typeof hx4.db): number => db.stats().orders

/** The form routes alone on an app, for the htmx version given to `registerForms`. */
function formsOnly(version: HtmxVersion): Hono & { page: OrderPage } {
  const app = new Hono()
  app.use(htmx())
  const layout = demoLayout(version, demoAssets(version))
  const { page } = registerForms(app, {
    db: hx2.db,
    layout,
    overview: overviewPage(hx2.db, layout),
    htmxVersion: version,
  })
  return Object.assign(app, { page })
}

describe('registerForms', () => {
  describe('GET /orders/new', () => {
    it('renders the empty form on the page with the stat cards and the orders table', async () => {
      const res = await hx4.app.request('/orders/new')
      const body = await res.text()

      expect(res.status).toBe(200)
      expect(body).toContain('<title>New order · hxkit demo</title>')
      expect(body).toContain(
        '<form id="order-form" method="post" action="/orders/new" enctype="multipart/form-data"'
      )
      for (const id of ['order-form-panel', 'stats', 'orders']) {
        expect(body).toContain(`<section id="${id}"`)
      }
      expect(body).toContain('name="address.zip"')
      expect(body).toContain('accept="application/pdf,image/png,image/jpeg"')
      expect(unsafeMarkup(body)).toEqual([])
    })

    it('validates fields live by morphing them for htmx 4 and replacing them for htmx 2', async () => {
      const four = await (await hx4.app.request('/orders/new')).text()
      const two = await (await formsOnly(2).request('/orders/new')).text()

      expect(four).toContain('hx-swap="outerMorph" hx-trigger="change, keyup delay:500ms changed"')
      expect(two).toContain(
        'hx-swap="outerHTML" hx-trigger="focusout changed" hx-sync="this:queue last"'
      )
      // a replaced select would lose a keyboard user's focus on every arrow key: focusout there too
      expect(two).toMatch(/<select id="order-form-status"[^>]*hx-trigger="focusout changed"/)
      expect(four).toMatch(/<select id="order-form-status"[^>]*hx-trigger="change"/)
      expect(two).not.toContain('_validate=deliverBy')
    })
  })

  it.each(['/orders/new', '/orders/3/edit'])(
    'renders each partial of %s exactly as the full page does',
    async (path) => {
      const app = formsOnly(4)
      const parity = await checkPartialParity(app, path, app.page)

      expect(parity.map((entry) => entry.name)).toEqual(['form', 'stats', 'orders'])
      expect(parity.filter((entry) => !entry.ok)).toEqual([])
    }
  )

  describe('GET /orders/:id/edit', () => {
    it('pre-fills the form from the order and posts to its own URL', async () => {
      const order = hx4.db.orders({ sort: 'id', dir: 'asc', page: 1 }).rows[0]
      const res = await hx4.app.request('/orders/1/edit')
      const body = await res.text()

      expect(res.status).toBe(200)
      expect(body).toContain('<h1>Edit order #1</h1>')
      expect(body).toContain('action="/orders/1/edit" enctype="multipart/form-data"')
      expect(body).toContain('hx-post="/orders/1/edit"')
      expect(body).toContain(`<option value="${order?.status ?? ''}" selected>`)
      expect(body).toContain(`value="${String((order?.totalCents ?? 0) / 100)}"`)
      expect(unsafeMarkup(body)).toEqual([])
    })

    it.each(['/orders/999999/edit', '/orders/0/edit', '/orders/abc/edit'])(
      'answers 404 for %s',
      async (path) => {
        expect((await hx4.app.request(path)).status).toBe(404)
      }
    )
  })

  describe('POST /orders/new from htmx', () => {
    it('answers an invalid order with 422 and the form panel, values and errors kept', async () => {
      const before = orderCount(hx4.db)
      const invalid = orderBody({ email: 'ada@localhost', deliverBy: '2024-12-31' })
      const { res, body } = await post(hx4.app, '/orders/new', invalid, HX4_SUBMIT)

      expect(res.status).toBe(422)
      expect(res.headers.get('Vary')).toContain('HX-Request')
      expect(res.headers.get('HX-Trigger')).toBeNull()
      expect(body.startsWith('<section id="order-form-panel"')).toBe(true)
      expect(body).not.toContain('<hx-partial')
      expect(body).toMatch(
        /name="email" type="email" value="ada@localhost" required aria-invalid="true" aria-describedby="order-form-email-error" autofocus/
      )
      expect(body).toContain('Enter an email address with a domain')
      expect(body).toContain('Pick 1 January 2025 or later')
      expect(body.match(/autofocus/g)).toHaveLength(1)
      expect(body).toContain('value="Ada Lovelace"')
      expect(body).toContain('Ring &lt;twice&gt; &amp; wait</textarea>')
      expect(body).toContain('value="true" checked')
      expect(orderCount(hx4.db)).toBe(before)
    })

    it('answers htmx 2 with status 200, which htmx 2 swaps without configuration', async () => {
      const { res, body } = await post(
        hx2.app,
        '/orders/new',
        orderBody({ email: 'x' }),
        HX2_SUBMIT
      )

      expect(res.status).toBe(200)
      expect(body).toContain('aria-invalid="true"')
    })

    it('saves a valid order and answers with the panel, the orders table and the stat cards', async () => {
      const before = orderCount(hx4.db)
      const body = orderBody({ customer: 'Grace Hopper', email: 'grace@example.com' })
      body.append('invoice', pdf(2048))
      const { res, body: text } = await post(hx4.app, '/orders/new', body, HX4_SUBMIT)
      const id = before + 1

      expect(res.status).toBe(200)
      expect(JSON.parse(res.headers.get('HX-Trigger') ?? '{}')).toEqual({
        toast: { message: `Order #${String(id)} created for Grace Hopper` },
      })
      expect(text.startsWith('<section id="order-form-panel"')).toBe(true)
      expect(text).toContain(`Order #${String(id)} created.`)
      expect(text).toMatch(
        /<hx-partial hx-target="#orders" hx-swap="outerHTML"[^>]*><section id="orders"/
      )
      expect(text).toMatch(
        /<hx-partial hx-target="#stats" hx-swap="outerHTML"[^>]*><section id="stats"/
      )
      expect(text).toContain(`<td class="num">#${String(id)}</td>`)
      expect(text).toContain(`<dd>${new Intl.NumberFormat('en-GB').format(id)}</dd>`)
      expect(orderCount(hx4.db)).toBe(id)
      const saved = hx4.db
        .sqlite()
        .prepare(
          'SELECT invoice_name AS name, invoice_size AS size, zip FROM order_details WHERE order_id = ?'
        )
        .get(id)
      expect(saved).toEqual({ name: 'invoice.pdf', size: 2048, zip: '10115' })
      expect(unsafeMarkup(text)).toEqual([])
    })

    it('reports an invoice over the schema limit or of the wrong type as a field error', async () => {
      for (const file of [pdf(300 * 1024), pdf(10, 'notes.txt', 'text/plain')]) {
        const body = orderBody()
        body.append('invoice', file)
        const { res, body: text } = await post(hx4.app, '/orders/new', body, HX4_SUBMIT)

        expect(res.status).toBe(422)
        expect(text).toMatch(/id="order-form-invoice"[^>]*aria-invalid="true"/)
        expect(text).toMatch(/must be 256 kB or smaller|Upload a PDF, PNG or JPEG/)
      }
    })

    it('answers an upload over the decoder cap with 413 and the form, nothing saved', async () => {
      const before = orderCount(hx4.db)
      const body = orderBody()
      body.append('invoice', pdf(800 * 1024))
      const { res, body: text } = await post(hx4.app, '/orders/new', body, HX4_SUBMIT)

      expect(res.status).toBe(413)
      expect(text.startsWith('<section id="order-form-panel"')).toBe(true)
      expect(text).toContain('The upload is larger than 768 kB')
      expect(orderCount(hx4.db)).toBe(before)
    })

    it('refuses a cross-site post with 403', async () => {
      const headers = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }
      const { res } = await post(hx4.app, '/orders/new', orderBody(), headers)

      expect(res.status).toBe(403)
    })
  })

  describe('POST /orders/new without JavaScript', () => {
    it('answers an invalid order with the whole page and 422', async () => {
      const { res, body } = await post(hx4.app, '/orders/new', orderBody({ email: 'nope' }))

      expect(res.status).toBe(422)
      expect(body.startsWith('<!doctype html>')).toBe(true)
      expect(body.match(/<header\b/g)).toHaveLength(1)
      expect(body).toContain('<h1>New order</h1>')
      expect(body).toMatch(/value="nope" required aria-invalid="true"[^>]*autofocus/)
      expect(unsafeMarkup(body)).toEqual([])
    })

    it('redirects a valid order with 303 to its edit page, which says it was saved', async () => {
      const { res } = await post(hx4.app, '/orders/new', orderBody({ email: 'pe@example.com' }))
      const location = res.headers.get('Location') ?? ''

      expect(res.status).toBe(303)
      expect(location).toMatch(/^\/orders\/\d+\/edit\?saved=1$/)
      const page = await (await hx4.app.request(location)).text()
      expect(page).toMatch(/Order #\d+ saved\./)
      expect(page).toContain('value="pe@example.com"')
    })
  })

  describe('POST /orders/:id/edit', () => {
    it('updates the order and answers with the three regions and a toast', async () => {
      const body = orderBody({ status: 'cancelled', email: `buyer2@example.com` })
      const { res, body: text } = await post(hx4.app, '/orders/2/edit', body, HX4_SUBMIT)

      expect(res.status).toBe(200)
      expect(res.headers.get('HX-Trigger')).toBe('{"toast":{"message":"Order #2 saved"}}')
      expect(text).toContain('action="/orders/2/edit"')
      expect(text).toContain('<option value="cancelled" selected>')
      expect(text.match(/<hx-partial /g)).toHaveLength(2)
      const row = hx4.db.sqlite().prepare('SELECT status FROM orders WHERE id = 2').get()
      expect(row).toEqual({ status: 'cancelled' })
    })
  })

  describe('live validation (?_validate=)', () => {
    it('answers one field alone, with its error, and saves nothing', async () => {
      const before = orderCount(hx4.db)
      const body = new URLSearchParams({ customer: 'Ada', email: 'ada@localhost' })
      const headers = {
        ...htmx4Headers({ source: 'input#order-form-email' }),
        ...SAME_ORIGIN,
        'content-type': 'application/x-www-form-urlencoded',
      }
      const { res, body: text } = await post(
        hx4.app,
        '/orders/1/edit?_validate=email',
        body,
        headers
      )

      expect(res.status).toBe(200)
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      expect(text.startsWith('<div id="order-form-email-field" class="field field-invalid">')).toBe(
        true
      )
      expect(text.match(/class="field[ "]/g)).toHaveLength(1)
      expect(text).toContain('Enter an email address with a domain')
      expect(text).toContain('hx-post="/orders/1/edit?_validate=email"')
      expect(text).not.toContain('autofocus')
      expect(orderCount(hx4.db)).toBe(before)
    })

    it('refuses a field the form does not render with 400', async () => {
      const headers = { ...SAME_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }
      const { res } = await post(hx4.app, '/orders/new?_validate=nope', 'customer=A', headers)

      expect(res.status).toBe(400)
    })
  })
})
