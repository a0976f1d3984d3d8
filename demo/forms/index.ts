// The demo's forms: create and edit an order from one zod schema (see docs/forms.md).
import type { Context, Handler, Hono } from 'hono'
import { FormDecodeError } from '../../src/forms/index.ts'
import type { FormResult, FormViews } from '../../src/forms/index.ts'
import { addTrigger, getHtmx, redirectTo } from '../../src/htmx/index.ts'
import type { Layout } from '../../src/views/index.ts'
import type { DemoDb } from '../db.ts'
import { htmxVersionFromEnv } from '../layout.ts'
import type { HtmxVersion } from '../layout.ts'
import type { overviewPage } from '../pages/overview.ts'
import { UPLOAD_CAP_BYTES, orderForm } from './schema.ts'
import type { OrderFields, OrderForm, OrderState, orderSchema } from './schema.ts'
import { orderStore } from './store.ts'
import type { OrderRecord, OrderStore } from './store.ts'
import { orderPage } from './view.ts'
import type { OrderPage, PanelData } from './view.ts'

/** What the form routes need from the app. */
export interface FormDeps {
  db: DemoDb
  layout: Layout
  overview: ReturnType<typeof overviewPage>
  /** The htmx the layout loads (live fields morph in 4, are replaced in 2); default `HTMX_VERSION`. */
  htmxVersion?: HtmxVersion | undefined
}

type Result = FormResult<typeof orderSchema>

interface Screen {
  f: OrderForm
  page: OrderPage
  panels: WeakMap<Context, PanelData>
  views: FormViews<OrderFields>
}

const ID = /^[1-9]\d{0,8}$/

function editState(f: OrderForm, record: OrderRecord): OrderState {
  const { id, invoice: _invoice, ...values } = record
  return f.initial(values, { action: `/orders/${String(id)}/edit` })
}

/** The whole page for the panel data of this request (a full GET, or a page after no-JS 422). */
function show(screen: Screen, c: Context, data: PanelData): Promise<Response> {
  screen.panels.set(c, data)
  return screen.page.handler(c)
}

/**
 * After a save: 303 to the edit page without JavaScript (Post/Redirect/Get); for htmx the form
 * panel, the orders table and the stat cards in one response, and a toast event.
 */
function saved(screen: Screen, c: Context, data: PanelData, message: string): Promise<Response> {
  const id = data.saved?.id ?? 0
  if (getHtmx(c) === null) {
    return Promise.resolve(redirectTo(c, `/orders/${String(id)}/edit?saved=1`))
  }
  addTrigger(c, 'toast', { message })
  screen.panels.set(c, data)
  return screen.page.respond(c, ['form', 'orders', 'stats'])
}

/**
 * A body over the upload cap (413 from the decoder) comes back as the form with an error on the
 * invoice field, still with status 413 (200 for htmx 2, which swaps only 2xx by default).
 */
function guardUpload(
  screen: Screen,
  handler: Handler,
  fallback: (c: Context) => OrderState
): Handler {
  return async (c, next) => {
    try {
      return (await handler(c, next)) as Response
    } catch (error) {
      if (!(error instanceof FormDecodeError) || error.status !== 413) {
        throw error
      }
      const state: OrderState = {
        ...fallback(c),
        errors: { invoice: [`The upload is larger than ${String(UPLOAD_CAP_BYTES >> 10)} kB`] },
        formErrors: ['The upload was too large, so nothing was saved. Attach a smaller invoice.'],
      }
      const res = await screen.f.rerender(c, state, screen.views)
      const status = res.status === 422 ? 413 : res.status
      return new Response(res.body, { status, headers: res.headers })
    }
  }
}

function createRoutes(app: Hono, screen: Screen, store: () => OrderStore): void {
  const { f } = screen
  const title = 'New order'
  app.get('/orders/new', (c) => show(screen, c, { title, state: f.empty() }))
  const submit = f.validate(async (result: Result, c) => {
    if (!result.ok) {
      screen.panels.set(c, { title, state: result.state })
      return f.rerender(c, result.state)
    }
    const id = store().create(result.value)
    const message = `Order #${String(id)} created for ${result.value.customer}`
    return saved(screen, c, { title, state: f.empty(), saved: { id, verb: 'created' } }, message)
  }, screen.views)
  app.post(
    '/orders/new',
    guardUpload(screen, submit, () => f.empty())
  )
}

function editRoutes(app: Hono, screen: Screen, store: () => OrderStore): void {
  const { f } = screen
  const records = new WeakMap<Context, OrderRecord>()
  const title = (record: OrderRecord): string => `Edit order #${String(record.id)}`
  const load: Handler = async (c, next) => {
    const id = c.req.param('id') ?? ''
    const record = ID.test(id) ? store().find(Number(id)) : undefined
    if (record === undefined) {
      return c.notFound()
    }
    records.set(c, record)
    await next()
    return undefined
  }
  const recordOf = (c: Context): OrderRecord => records.get(c) as OrderRecord
  app.get('/orders/:id/edit', load, (c) => {
    const record = recordOf(c)
    const saved =
      c.req.query('saved') === '1' ? { id: record.id, verb: 'saved' as const } : undefined
    const data = { title: title(record), state: editState(f, record), invoice: record.invoice }
    return show(screen, c, { ...data, saved })
  })
  const submit = f.validate(async (result: Result, c) => {
    const record = recordOf(c)
    if (!result.ok) {
      screen.panels.set(c, { title: title(record), state: result.state, invoice: record.invoice })
      return f.rerender(c, result.state)
    }
    store().update(record.id, result.value)
    const fresh = store().find(record.id) ?? record
    const data = { title: title(fresh), state: editState(f, fresh), invoice: fresh.invoice }
    const message = `Order #${String(record.id)} saved`
    return saved(screen, c, { ...data, saved: { id: record.id, verb: 'saved' } }, message)
  }, screen.views)
  app.post(
    '/orders/:id/edit',
    load,
    guardUpload(screen, submit, (c) => editState(f, recordOf(c)))
  )
}

/**
 * Mounts the order form routes: `GET/POST /orders/new` and `GET/POST /orders/:id/edit`.
 *
 * @param app - the demo app
 * @param deps - database, layout, the overview page (its partials update after a submit), htmx version
 * @returns the order page (for parity tests)
 * @example
 * registerForms(app, { db, layout, overview, htmxVersion: 4 })
 */
export function registerForms(app: Hono, deps: FormDeps): { page: OrderPage } {
  const version = deps.htmxVersion ?? htmxVersionFromEnv()
  const f = orderForm(version)
  const panels = new WeakMap<Context, PanelData>()
  const data = (c: Context): PanelData => panels.get(c) ?? { title: 'New order', state: f.empty() }
  const screenPage = orderPage(f, {
    layout: deps.layout,
    overview: deps.overview,
    data,
    liveDates: version === 4,
  })
  const views: FormViews<OrderFields> = {
    // the view runs for the 422 re-render and for live validation: the panel with this state
    view: (state, c) => {
      panels.set(c, { ...data(c), state, inner: undefined })
      return screenPage.renderPartial(c, 'form')
    },
    // JavaScript off: the whole page, around the panel the view just rendered
    page: (_form, c) => screenPage.renderPage(c),
  }
  const screen: Screen = { f, page: screenPage, panels, views }
  // the database opens on first use (the app's db may be lazy)
  let store: OrderStore | undefined
  const getStore = (): OrderStore => (store ??= orderStore(deps.db.sqlite()))
  createRoutes(app, screen, getStore)
  editRoutes(app, screen, getStore)
  return { page: screenPage }
}
