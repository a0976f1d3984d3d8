// Every component the kit exports, rendered in one small app under the real secure() (and so
// csp()) and htmx() middleware: each markup component as a page partial (full page, partial
// response, page/fragment parity) or as a fragment response, all through the CSP scanner with
// the hx-csp rules. The case list is checked against the module's exports, so a new export needs
// an entry here. `toBeCspSafe` is hxkit/testing's matcher, installed by tests/setup.ts.
import { Hono } from 'hono'
import type { Context } from 'hono'
import { beforeAll, describe, expect, it } from 'vitest'
import * as kit from '../../src/components/index.ts'
import { html, render } from '../../src/html/index.ts'
import type { HtmlValue, PartialLike } from '../../src/html/index.ts'
import { htmx } from '../../src/htmx/index.ts'
import { partial } from '../../src/partials/index.ts'
import type { NamedPartial } from '../../src/partials/index.ts'
import { secure } from '../../src/security/index.ts'
import { checkPartialParity, htmx4Element, htmx4Headers } from '../../src/testing/index.ts'
import { page } from '../../src/views/index.ts'
import { ORDERS, columns, list } from './fixtures.ts'
import type { Order } from './fixtures.ts'

type Render = (c: Context, self: PartialLike) => HtmlValue | Promise<HtmlValue>

/** A markup component, shown inside a page partial: scanned as page and partial, and parity. */
interface PartialCase {
  readonly partial: Render
  /** Text that only the component's markup contains: the case fails when it renders nothing. */
  readonly shows: string
}

/** Markup answered on its own (a row for a swap, out-of-band toasts): the response is scanned. */
interface FragmentCase {
  readonly fragment: Render
  readonly shows: string
}

/** Not markup (a codec, a middleware, a constant): why, and the case that exercises it. */
interface HelperCase {
  readonly helper: string
}

type Case = PartialCase | FragmentCase | HelperCase

const SECRET = 'every-component-secret-0000'
const state = list.parse({ status: 'shipped', sort: '-total' })
const href = (patch: kit.PagePatch): string => list.href('/orders', state, patch)
const rows = ORDERS.slice(0, 3)
const source = {
  slice: (offset: number, limit: number) => ORDERS.slice(offset, offset + limit),
  count: () => ORDERS.length,
}
const rowProps: kit.TableRowProps<Order> = {
  columns,
  select: { name: 'ids', value: (o) => String(o.id), label: (o) => `Select order ${String(o.id)}` },
  rowId: (o) => `order-${String(o.id)}`,
  actions: (o) =>
    kit.rowActions({
      label: `order ${String(o.id)}`,
      edit: { get: `/orders/${String(o.id)}/row/edit`, href: `/orders/${String(o.id)}/edit` },
      delete: { url: `/orders/${String(o.id)}`, confirm: `Delete order ${String(o.id)}?` },
    }),
}
const day = (d: number): Date => new Date(Date.UTC(2026, 10, d))

const CASES: Record<keyof typeof kit, Case> = {
  dataTable: {
    partial: (_c, self) =>
      kit.dataTable({
        ...rowProps,
        id: 'orders',
        caption: 'Orders',
        rows,
        list,
        state,
        path: '/orders',
        target: self,
        count: '3 orders',
      }),
    shows: '<table class="hx-table" id="orders-table">',
  },
  tableRow: { fragment: () => kit.tableRow(rowProps, ORDERS[0] as Order), shows: 'id="order-1"' },
  listState: { helper: 'the list codec; its state drives dataTable, filterForm and pager' },
  filterForm: {
    partial: (_c, self) =>
      kit.filterForm({
        id: 'filters',
        path: '/orders',
        list,
        state,
        target: self,
        fields: [
          { name: 'q', label: 'Customer', type: 'search' },
          {
            type: 'select',
            name: 'status',
            label: 'Status',
            options: [
              ['pending', 'Pending'],
              ['shipped', 'Shipped'],
            ],
          },
        ],
      }),
    shows: '<form class="hx-filters"',
  },
  filterHidden: {
    partial: () => kit.filterHidden({ id: 'filters', list, state }),
    shows: 'type="hidden"',
  },
  paginate: { helper: 'loads a page of rows; its result feeds pager and loadMore' },
  elidedPageRange: { helper: 'the page numbers pager shows' },
  cursorCodec: { helper: 'signs keyset cursors for paginate' },
  pager: {
    partial: async (_c, self) =>
      kit.pager(await kit.paginate(source, { page: 2, perPage: 10 }), {
        label: 'Orders pages',
        href,
        target: self,
      }),
    shows: '<nav class="hx-pager"',
  },
  loadMore: {
    partial: async () =>
      html`<table><tbody id="orders-rows">${kit.loadMore(await kit.paginate(source, { page: 1, perPage: 10 }), { href, rows: 'orders-rows', colspan: 5 })}${kit.loadMore(await kit.paginate(source, { page: 1, perPage: 10 }), { href, rows: 'orders-rows', colspan: 5, mode: 'infinite' })}</tbody></table>`,
    shows: 'class="hx-more"',
  },
  bulkBar: {
    partial: (_c, self) =>
      kit.bulkBar({
        id: 'bulk',
        target: self,
        actions: [
          { label: 'Mark shipped', post: '/orders/bulk/ship' },
          { label: 'Cancel', post: '/orders/bulk/cancel', confirm: 'Cancel them?' },
        ],
        all: { count: 42, token: 'tok.en', noun: 'orders' },
      }),
    shows: 'hx-confirm="Cancel them?"',
  },
  bulkScopes: { helper: 'signs the scope a bulkBar "select all" sends' },
  toastRegion: {
    partial: () => kit.toastRegion([{ message: 'Saved <b>', kind: 'success' }]),
    shows: `id="${kit.TOAST_REGION_ID}"`,
  },
  toastItem: {
    partial: () => kit.toastItem({ message: 'Order saved', kind: 'success' }),
    shows: 'Order saved',
  },
  toasts: {
    fragment: () => html`<p>done</p>${kit.toasts({ message: 'Order shipped', kind: 'success' })}`,
    shows: 'Order shipped',
  },
  TOAST_REGION_ID: { helper: 'the id of toastRegion, the target of out-of-band toasts' },
  flash: {
    partial: (c) => {
      kit.flash(c, 'Order 7 deleted', 'success')
      return kit.toastRegion(kit.takeFlashes(c))
    },
    shows: 'Order 7 deleted',
  },
  takeFlashes: { helper: 'reads the flashes for toastRegion: see the flash case' },
  flashes: { helper: 'the middleware of flash(), mounted on this app' },
  dialog: {
    partial: () => kit.dialog({ id: 'edit-order', title: 'Edit order', body: 'Form here' }),
    shows: '<dialog id="edit-order"',
  },
  dialogButton: {
    partial: () =>
      kit.dialogButton({ dialog: 'edit-order', get: '/orders/7/edit?dialog=1', label: 'Edit' }),
    shows: 'hx-get="/orders/7/edit?dialog=1"',
  },
  closeDialog: {
    fragment: (c) => {
      kit.closeDialog(c, 'edit-order')
      return kit.tableRow(rowProps, ORDERS[6] as Order)
    },
    shows: 'id="order-7"',
  },
  DIALOG_CLOSE_EVENT: { helper: 'the event closeDialog sends' },
  editRow: {
    fragment: () =>
      kit.editRow({
        id: 'order-7',
        put: '/orders/7/row',
        cancel: '/orders/7/row',
        label: 'order 7',
        cells: ['#7', html`<input name="status" form="${kit.editRowForm('order-7')}" />`],
        error: 'Status is required',
      }),
    shows: 'hx-put="/orders/7/row"',
  },
  editRowForm: { helper: 'the form id the inputs of editRow name: see the editRow case' },
  rowActions: {
    partial: () =>
      kit.rowActions({
        label: 'order 7',
        edit: { get: '/orders/7/row/edit', href: '/orders/7/edit' },
        delete: { url: '/orders/7', confirm: 'Delete order 7?' },
      }),
    shows: 'hx-confirm="Delete order 7?"',
  },
  sparkline: {
    partial: () => kit.sparkline({ values: [3, 5, 2, 8], label: 'Orders, last 4 days' }),
    shows: 'class="hx-spark"',
  },
  lineChart: {
    partial: () =>
      kit.lineChart({
        id: 'revenue',
        title: 'Revenue by day',
        series: [{ name: 'Revenue', points: [1, 2, 3].map((d) => ({ x: day(d), y: d * 100 })) }],
      }),
    shows: 'Revenue by day',
  },
  barChart: {
    partial: () =>
      kit.barChart({
        id: 'cities',
        title: 'Orders by city',
        categories: ['Lyon', 'Oslo'],
        series: [{ name: 'Pending', values: [3, 5] }],
      }),
    shows: '<rect class="bar series-',
  },
  donut: {
    partial: () =>
      kit.donut({
        id: 'status',
        title: 'Orders by status',
        slices: [
          { label: 'Pending', value: 25 },
          { label: 'Shipped', value: 75 },
        ],
      }),
    shows: '<path class="slice',
  },
  statCard: {
    partial: () =>
      html`<dl class="hx-stat-grid">${kit.statCard({ label: 'Orders', value: '5,400', trend: 0.12, history: [1, 2, 3] })}</dl>`,
    shows: '<div class="hx-stat-card">',
  },
  tabs: {
    partial: (_c, self) =>
      kit.tabs({
        id: 'order-tabs',
        label: 'Order',
        tabs: [
          { key: 'items', label: 'Items', href: '/orders/7?tab=items' },
          { key: 'log', label: 'Activity', href: '/orders/7?tab=log' },
        ],
        selected: 'items',
        target: self,
        panel: 'the items',
      }),
    shows: 'role="tablist"',
  },
  disclosure: {
    partial: () => kit.disclosure({ summary: 'Shipping address', get: '/orders/7/address' }),
    shows: 'hx-trigger="toggle once"',
  },
  lazyPanel: {
    partial: () => kit.lazyPanel({ id: 'rev', title: 'Revenue', get: '/panels/revenue' }),
    shows: 'hx-trigger="load"',
  },
  dashboardGrid: {
    partial: () =>
      kit.dashboardGrid([kit.lazyPanel({ id: 'chart', title: 'Chart', get: '/panels/chart' })]),
    shows: 'id="chart"',
  },
  searchInput: {
    partial: (_c, self) =>
      kit.searchInput({
        id: 'customer-search',
        label: 'Search customers',
        path: '/customers',
        target: self,
        value: 'ad"a',
      }),
    shows: 'type="search"',
  },
  resultCount: { partial: () => kit.resultCount(3, 'customer'), shows: '3 customers' },
  cascadingSelect: {
    partial: () =>
      kit.cascadingSelect({
        id: 'country',
        name: 'country',
        label: 'Country',
        options: [
          ['fr', 'France'],
          ['no', 'Norway'],
        ],
        get: '/cities',
        child: 'city',
      }),
    shows: 'hx-get="/cities"',
  },
  fileUpload: {
    partial: () =>
      kit.fileUpload({
        id: 'import',
        label: 'Orders CSV',
        action: '/orders/import',
        accept: '.csv',
      }),
    shows: 'type="file"',
  },
  taskProgress: {
    partial: () =>
      kit.taskProgress({
        id: 'ship-7',
        label: 'Marking orders shipped',
        status: 'RUNNING',
        progress: { fraction: 0.42, message: '420 of 1,000' },
        poll: '/tasks/1/progress',
      }),
    shows: 'hx-trigger="every 1s"',
  },
}

const entries = Object.entries<Case>(CASES)
const partialCases = entries.filter((e): e is [string, PartialCase] => 'partial' in e[1])
const fragmentCases = entries.filter((e): e is [string, FragmentCase] => 'fragment' in e[1])

// One page per case, its component in the page's one partial.
function pageFor(name: string, component: Render): ReturnType<typeof page> {
  const key = `case-${name}`
  const part: NamedPartial = partial(key, (c, self) => component(c, self), { tag: 'section' })
  return page({
    title: name,
    layout: (body, { title }) =>
      html`<!doctype html><html lang="en"><head><title>${title}</title></head><body><main>${body}</main></body></html>`,
    partials: { [key]: part },
    render: (p) => html`<h1>${name}</h1>${p[key]}`,
  })
}

const pages = new Map(partialCases.map(([name, c]) => [name, pageFor(name, c.partial)]))

function app(): Hono {
  const a = new Hono()
  a.use(secure())
  a.use(htmx())
  a.use(kit.flashes({ secret: SECRET }))
  for (const [name, p] of pages) {
    a.get(`/page/${name}`, p.handler)
  }
  for (const [name, c] of fragmentCases) {
    a.get(`/fragment/${name}`, async (ctx) => {
      const out = await c.fragment(ctx, { name: 'orders', selector: '#orders' })
      return ctx.html((await render(out)).value)
    })
  }
  return a
}

describe('every exported component', () => {
  let server: Hono
  beforeAll(() => {
    server = app()
  })

  it('has a case for each export of the components module, and no other', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(kit).sort())
  })

  describe.each(partialCases)('%s, as a page partial', (name, c) => {
    const path = `/page/${name}`

    it('renders a CSP-safe full page', async () => {
      const res = await server.request(path)

      expect(res.status).toBe(200)
      const body = await res.clone().text()
      expect(body).toContain('<h1>')
      expect(body).toContain(c.shows)
      await expect(res).toBeCspSafe({ hxCsp: true })
    })

    it('answers a CSP-safe partial', async () => {
      const res = await server.request(path, {
        headers: htmx4Headers({ target: htmx4Element('section', `case-${name}`) }),
      })

      expect(res.status).toBe(200)
      const body = await res.clone().text()
      expect(body.startsWith(`<section id="case-${name}"`)).toBe(true)
      expect(body).toContain(c.shows)
      await expect(res).toBeCspSafe({ hxCsp: true })
    })

    it('keeps page/fragment parity', async () => {
      const parity = await checkPartialParity(
        server,
        path,
        pages.get(name) as ReturnType<typeof page>
      )

      expect(parity).toHaveLength(1)
      expect(parity.filter((p) => !p.ok)).toEqual([])
    })
  })

  describe.each(fragmentCases)('%s, as a fragment response', (name, c) => {
    it('answers CSP-safe markup', async () => {
      const res = await server.request(`/fragment/${name}`, { headers: htmx4Headers() })

      expect(res.status).toBe(200)
      expect(await res.clone().text()).toContain(c.shows)
      await expect(res).toBeCspSafe({ hxCsp: true })
    })
  })
})
