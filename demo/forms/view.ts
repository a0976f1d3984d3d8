// The order form's markup and the page around it: stat cards, the form panel, the orders table.
import type { Context } from 'hono'
import { html } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { partial } from '../../src/partials/index.ts'
import { page } from '../../src/views/index.ts'
import type { Layout } from '../../src/views/index.ts'
import type { overviewPage } from '../pages/overview.ts'
import type { OrderForm, OrderState } from './schema.ts'
import type { InvoiceInfo } from './store.ts'

/** What one request shows in the form panel. */
export interface PanelData {
  /** Page title and heading: "New order", "Edit order #12". */
  title: string
  state: OrderState
  /** The saved order's invoice, shown under the file input of an edit form. */
  invoice?: InvoiceInfo | null | undefined
  /** A note above the form after a save: the order's id and what happened. */
  saved?: { id: number; verb: 'created' | 'saved' } | undefined
  /** The rendered panel content, kept so the page around a failed submit reuses it. */
  inner?: SafeHtml | undefined
}

const STATUS_LABELS = {
  pending: 'Pending',
  paid: 'Paid',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
} as const

const kilobytes = (size: number): string => `${String(Math.max(1, Math.round(size / 1024)))} kB`

function invoiceHint(invoice: InvoiceInfo | null | undefined): string {
  const rule = 'PDF, PNG or JPEG, 256 kB at most.'
  return invoice === null || invoice === undefined
    ? rule
    : `${rule} Current: ${invoice.name} (${kilobytes(invoice.size)}); a new file replaces it.`
}

function savedNote(saved: PanelData['saved']): SafeHtml | '' {
  if (saved === undefined) {
    return ''
  }
  const id = String(saved.id)
  const link = saved.verb === 'created' ? html` <a href="/orders/${id}/edit">Edit it</a>` : ''
  return html`<p class="form-saved">Order #${id} ${saved.verb}.${link}</p>`
}

function orderFields(f: OrderForm, data: PanelData, liveDates: boolean): SafeHtml {
  const { state } = data
  const editing = state.action !== undefined && state.action !== '/orders/new'
  return html`<fieldset>
      <legend>Customer</legend>
      ${f.field(state, 'customer', { label: 'Customer name', attrs: { autocomplete: 'organization' } })}
      ${f.field(state, 'email', { label: 'Customer email', attrs: { autocomplete: 'email' } })}
    </fieldset>
    <fieldset>
      <legend>Order</legend>
      ${f.field(state, 'status', { label: 'Status', choices: STATUS_LABELS, placeholder: 'Choose…' })}
      ${f.field(state, 'total', { label: 'Total (€)', attrs: { inputmode: 'decimal' } })}
      ${f.field(state, 'deliverBy', { label: 'Deliver by', live: liveDates })}
      ${f.field(state, 'express', { label: 'Express shipping' })}
    </fieldset>
    <fieldset>
      <legend>Shipping address</legend>
      ${f.field(state, 'address.street', { label: 'Street', attrs: { autocomplete: 'address-line1' } })}
      ${f.field(state, 'address.city', { label: 'City', attrs: { autocomplete: 'address-level2' } })}
      ${f.field(state, 'address.zip', { label: 'ZIP code', attrs: { autocomplete: 'postal-code', inputmode: 'numeric' } })}
    </fieldset>
    ${f.field(state, 'notes', { label: 'Notes', attrs: { rows: 3 } })}
    ${f.field(state, 'invoice', { label: 'Invoice', hint: invoiceHint(data.invoice) })}
    <div class="form-actions">
      <button type="submit">${editing ? 'Save order' : 'Create order'}</button>
    </div>`
}

/**
 * Builds the order page: the stat cards and the orders table of the overview (the same partials,
 * so a save answers with all three regions at once) around the form panel.
 *
 * @param f - the order form
 * @param deps - the layout, the overview page whose partials are reused, the panel data of a
 *   request, and whether the date field validates live
 * @example
 * const screen = orderPage(orderForm(4), { layout, overview, data: (c) => panels.get(c), liveDates: true })
 */
export function orderPage(
  f: OrderForm,
  deps: {
    layout: Layout
    overview: ReturnType<typeof overviewPage>
    data: (c: Context) => PanelData
    /**
     * Live validation of the date field: Chromium fires `change` on each keystroke in its
     * segments, which htmx 4 morphs harmlessly and htmx 2 answers by replacing the input under
     * the cursor.
     */
    liveDates: boolean
  }
) {
  const { stats, orders } = deps.overview.partials
  const panel = partial(
    'form',
    (c, self) => {
      const data = deps.data(c)
      data.inner ??= html`<h2 id="order-form-heading">Order details</h2>
        ${savedNote(data.saved)}${f.render(data.state, orderFields(f, data, deps.liveDates), {
          target: self,
        })}`
      return data.inner
    },
    {
      tag: 'section',
      id: 'order-form-panel',
      attrs: { class: 'panel form-panel', 'aria-labelledby': 'order-form-heading' },
    }
  )
  return page({
    title: (c) => deps.data(c).title,
    layout: deps.layout,
    partials: { form: panel, stats, orders },
    render: (p, c) =>
      html`<h1>${deps.data(c).title}</h1>
        ${p.stats}
        <div class="columns form-columns">${p.form}${p.orders}</div>`,
  })
}

/** The order page of one form. */
export type OrderPage = ReturnType<typeof orderPage>
