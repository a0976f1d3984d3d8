// Sortable: reorder a list by dragging or with move buttons; the server keeps the order.
import { html, hx } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'
import { fragment, wantsFragment } from '../respond.ts'

const PATH = '/sortable'
const ITEMS = ['Design', 'Build', 'Test', 'Ship', 'Celebrate']

const shows = html`<p>
  A list in a form. Drag an item to another place, or use its <em>Move up</em> and
  <em>Move down</em> buttons: the form posts the new order and the server answers with the list
  as it stored it.
</p>`

const changed = html`<p>
  The published version loads Sortable.js from a CDN, starts it in an inline
  <code>&lt;script&gt;</code> and re-starts it on <code>htmx:afterSwap</code> (an htmx 2 event; htmx 4
  calls it <code>htmx:after:swap</code>). Neither the inline script nor the CDN runs under this CSP,
  and Sortable.js writes <code>el.style.cssText</code> once at load, a style violation.
</p>
<p>
  Here dragging is the browser's own drag and drop, in the kit's <code>hxkit.js</code>
  (<code>data-hxkit-sortable</code> on the list, <code>draggable="true"</code> on the items): it
  moves the item while you drag and, when a drop changed the order, fires a bubbling
  <code>end</code> event, and the form's <code>hx-trigger="end"</code> posts the order, as in the
  published version. Dragging needs a pointer, so each item also has move buttons (WCAG 2.2's
  dragging-movements criterion); they are plain submit buttons and work without JavaScript.
</p>`

/** The gallery's "Sortable" example. */
export const sortable: Example = {
  slug: 'sortable',
  title: 'Sortable',
  summary: 'Drag-and-drop reordering posted to the server, with move buttons as the alternative.',
  status: 'redesigned',
  probes: [
    {
      method: 'POST',
      path: PATH,
      form: { item: ['Build', 'Design', 'Test', 'Ship', 'Celebrate'] },
    },
    { method: 'POST', path: PATH, form: { item: ['Build', 'Design'] }, status: 422 },
    {
      method: 'POST',
      path: PATH,
      form: { item: ITEMS, move: 'Test:up' },
      htmx: false,
      status: 303,
    },
  ],
  register(app, gallery) {
    let order = [...ITEMS]

    const list = (message: string): SafeHtml =>
      html`<form
        id="sortable-form"
        method="post"
        action="${PATH}"
        ${hx({ post: PATH, trigger: 'end', target: 'this', swap: 'outerHTML' })}
      >
        <ol class="sortable" data-hxkit-sortable>
          ${order.map(
            (item, i) =>
              html`<li draggable="true" class="sortable-item">
                <input type="hidden" name="item" value="${item}" />
                <span class="sortable-label">${item}</span>
                <button
                  type="submit"
                  name="move"
                  value="${item}:up"
                  class="secondary"
                  aria-label="Move ${item} up"
                  ${hx({ post: PATH, target: '#sortable-form', swap: 'outerHTML', vals: { move: `${item}:up` } })}
                  ${i === 0 ? html`disabled` : ''}
                >
                  ↑
                </button>
                <button
                  type="submit"
                  name="move"
                  value="${item}:down"
                  class="secondary"
                  aria-label="Move ${item} down"
                  ${hx({ post: PATH, target: '#sortable-form', swap: 'outerHTML', vals: { move: `${item}:down` } })}
                  ${i === order.length - 1 ? html`disabled` : ''}
                >
                  ↓
                </button>
              </li>`
          )}
        </ol>
        <p><output id="sortable-status">${message}</output></p>
      </form>`

    const view = examplePage(sortable, gallery, { shows, changed, demo: () => list('') })

    app.get(PATH, view.handler)
    app.post(PATH, async (c) => {
      const body = await c.req.parseBody({ all: true })
      const raw = body['item']
      const items = (Array.isArray(raw) ? raw : [raw]).filter(
        (item): item is string => typeof item === 'string'
      )
      if (items.length !== ITEMS.length || !ITEMS.every((item) => items.includes(item))) {
        return fragment(c, list('The list changed meanwhile; here it is again.'), 422)
      }
      const move = typeof body['move'] === 'string' ? /^(.+):(up|down)$/.exec(body['move']) : null
      if (move !== null) {
        const from = items.indexOf(move[1] ?? '')
        const to = move[2] === 'up' ? from - 1 : from + 1
        if (from !== -1 && to >= 0 && to < items.length) {
          ;[items[from], items[to]] = [items[to] ?? '', items[from] ?? '']
        }
      }
      order = items
      if (!wantsFragment(c)) {
        return c.redirect(PATH, 303)
      }
      return fragment(c, list(`New order: ${order.join(', ')}.`))
    })
  },
}
