// The demo's forms: create and edit an order from one zod schema (see docs/forms.md).
import type { Context, Hono, MiddlewareHandler } from 'hono'
import { completeSubmit } from '../../src/forms/index.ts'
import type { FormDecodeError, FormValidatorOptions } from '../../src/forms/index.ts'
import { addTrigger } from '../../src/htmx/index.ts'
import type { Layout } from '../../src/views/index.ts'
import { actorOf } from '../actor.ts'
import type { DemoDb } from '../db.ts'
import { htmxVersionFromEnv } from '../layout.ts'
import type { HtmxVersion } from '../layout.ts'
import type { overviewPage } from '../pages/overview.ts'
import { UPLOAD_CAP_BYTES, orderForm } from './schema.ts'
import type { OrderFields, OrderForm, OrderState } from './schema.ts'
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
  /** Called after an order is created or saved (the demo publishes to hxkit/live). */
  onSaved?: (() => void) | undefined
  /** Who may create and edit orders (the app passes `requireRole('operator')`); default anyone. */
  guard?: MiddlewareHandler | undefined
}

const ID = /^[1-9]\d{0,8}$/
const NEW_ORDER = 'New order'

/**
 * The form state after a 413: an invoice over the cap is an invoice error; anything else (a long
 * field, too many fields, a body over the limit with or without a file) says so, not "invoice".
 */
function tooLarge(error: FormDecodeError, state: OrderState): OrderState {
  const nothing = 'nothing was saved.'
  if (error.code === 'file-too-large') {
    return {
      ...state,
      errors: { invoice: [`The upload is larger than ${String(UPLOAD_CAP_BYTES >> 10)} kB`] },
      formErrors: [`The upload was too large, so ${nothing} Attach a smaller invoice.`],
    }
  }
  const what =
    error.code === 'value-too-large'
      ? 'A field is longer than the server accepts'
      : error.code === 'body-too-large'
        ? 'The form is larger than the server accepts'
        : 'The form has more fields or values than the server accepts'
  return {
    ...state,
    formErrors: [`${what} (${error.message}), so ${nothing} Shorten it and send it again.`],
  }
}

/** The edit panel of a saved order: its values, posting to its own URL. */
function editPanel(f: OrderForm, record: OrderRecord): PanelData {
  const { id, invoice, ...values } = record
  const state = f.initial(values, { action: `/orders/${String(id)}/edit` })
  return { title: `Edit order #${String(id)}`, state, invoice }
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
  // what the form panel of this request shows: set by the routes, read by the page
  const panels = new WeakMap<Context, PanelData>()
  const data = (c: Context): PanelData => panels.get(c) ?? { title: NEW_ORDER, state: f.empty() }
  const page = orderPage(f, {
    layout: deps.layout,
    overview: deps.overview,
    data,
    liveDates: version === 4,
  })
  const views: FormValidatorOptions<OrderFields> = {
    // the 422 re-render and live validation: the panel with this state
    view: (state, c) => {
      panels.set(c, { ...data(c), state, inner: undefined })
      return page.renderPartial(c, 'form')
    },
    // JavaScript off: the whole page, around the panel the view just rendered
    page: (_form, c) => page.renderPage(c),
    // a body the decoder refuses (413): the form again, saying what was too large
    refused: (error, c) => (error.status === 413 ? tooLarge(error, data(c).state) : undefined),
  }
  const show = (c: Context, panel: PanelData): Promise<Response> => {
    panels.set(c, panel)
    return page.handler(c)
  }
  // After a save: 303 to the edit page without JavaScript; for htmx the form panel, the orders
  // table and the stat cards in one response, and a toast.
  const saved = (c: Context, panel: PanelData, message: string): Promise<Response> => {
    panels.set(c, panel)
    deps.onSaved?.()
    return completeSubmit(c, {
      redirect: `/orders/${String(panel.saved?.id ?? 0)}/edit?saved=1`,
      htmx: () => {
        addTrigger(c, 'toast', { message })
        return page.respond(c, ['form', 'orders', 'stats'])
      },
    })
  }
  // the database opens on first use (the app's db may be lazy)
  let opened: OrderStore | undefined
  const store = (): OrderStore => (opened ??= orderStore(deps.db.sqlite()))
  const records = new WeakMap<Context, OrderRecord>()
  const load: MiddlewareHandler = async (c, next) => {
    const id = c.req.param('id') ?? ''
    const record = ID.test(id) ? store().find(Number(id)) : undefined
    if (record === undefined) {
      return c.notFound()
    }
    records.set(c, record)
    panels.set(c, editPanel(f, record))
    await next()
    return undefined
  }

  // the guard runs first: before the body is read, before the order is looked up
  const guard: MiddlewareHandler = deps.guard ?? (async (_c, next) => next())
  app.get('/orders/new', guard, (c) => show(c, { title: NEW_ORDER, state: f.empty() }))
  app.post('/orders/new', guard, f.validator(views), (c) => {
    const order = c.req.valid('form')
    const id = store().create(order, actorOf(c))
    const panel = { title: NEW_ORDER, state: f.empty(), saved: { id, verb: 'created' as const } }
    return saved(c, panel, `Order #${String(id)} created for ${order.customer}`)
  })
  app.get('/orders/:id/edit', guard, load, (c) => {
    const id = (records.get(c) as OrderRecord).id
    const note = c.req.query('saved') === '1' ? { id, verb: 'saved' as const } : undefined
    return show(c, { ...data(c), saved: note })
  })
  app.post('/orders/:id/edit', guard, load, f.validator(views), (c) => {
    const record = records.get(c) as OrderRecord
    store().update(record.id, c.req.valid('form'), actorOf(c))
    const panel = editPanel(f, store().find(record.id) ?? record)
    const note = { id: record.id, verb: 'saved' as const }
    return saved(c, { ...panel, saved: note }, `Order #${String(record.id)} saved`)
  })
  return { page }
}
