// Tabs, two ways: the server renders the whole tab list and panel (HATEOAS), or only the panel.
import { html, hx } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { partial } from '../../src/partials/index.ts'
import type { Example, Gallery } from '../example.ts'
import { examplePage } from '../example.ts'
import { fragment } from '../respond.ts'

const TABS = [
  { id: 'overview', label: 'Overview', text: 'Three services are running; none needs attention.' },
  { id: 'billing', label: 'Billing', text: 'The next invoice, €240, is due on the 1st.' },
  { id: 'team', label: 'Team', text: 'Five people have access; two are administrators.' },
] as const
type TabId = (typeof TABS)[number]['id']

function tabOf(value: string | undefined): TabId | undefined {
  return TABS.find((tab) => tab.id === (value ?? 'overview'))?.id
}

function panel(prefix: string, tab: TabId): SafeHtml {
  const found = TABS.find((t) => t.id === tab) ?? TABS[0]
  return html`<div
    id="${prefix}-panel"
    role="tabpanel"
    tabindex="0"
    aria-labelledby="${prefix}-tab-${found.id}"
  >
    <p>${found.text}</p>
  </div>`
}

const keyboard = html`<p>
  Keyboard: Tab reaches the selected tab, the arrow keys (and Home, End) move between tabs, Enter
  or Space opens one, Tab again reaches the panel. The arrow keys come from the kit's
  <code>hxkit.js</code> (a roving <code>tabindex</code> on every <code>role="tablist"</code>), since
  no attribute gives them; everything else is markup.
</p>`

const hateoasShows = html`<p>
    Each tab is a link to <code>?tab=…</code>. htmx fetches the whole tab widget, list and panel, and
    swaps it with <code>outerMorph</code>, so <code>aria-selected</code> is always what the server
    says, and the focused tab stays focused across the swap. The URL follows the tab.
  </p>
  ${keyboard}`

const hateoasChanged = html`<p>
  The published version loads the tabs with <code>hx-trigger="load delay:100ms"</code> on a
  container whose <code>hx-target</code> the tab buttons inherit; htmx 4 needs
  <code>hx-target:inherited</code> for that. Here the first page already carries the tabs (no
  extra request), each tab targets the widget itself (a named partial), and the tabs are links, so
  they work without JavaScript. The published version has no arrow keys; the ARIA tabs pattern
  asks for them.
</p>`

const clientShows = html`<p>
    The tab list stays on the page; a tab fetches only its panel. The selected tab is changed in
    the browser, as soon as the tab is activated.
  </p>
  ${keyboard}`

const clientChanged = html`<p>
  The published version moves the <code>selected</code> class in
  <code>hx-on:htmx-after-on-load="…"</code>: code in an attribute, which needs
  <code>hx-csp</code>'s <code>safeEval</code>, and bound to an htmx 2 event that htmx 4 never fires,
  so it would silently do nothing. Here the list carries
  <code>data-hxkit-tabs="client"</code>, and the kit's <code>hxkit.js</code> moves
  <code>aria-selected</code> and the roving <code>tabindex</code> to a tab as soon as it is
  activated; the panel comes from the server.
</p>`

function tabList(
  prefix: string,
  path: string,
  selected: TabId,
  htmxOf: (tab: TabId) => SafeHtml
): SafeHtml {
  return html`<div
    role="tablist"
    aria-label="Account"
    data-hxkit-tabs="${prefix === 'js' ? 'client' : 'server'}"
  >
    ${TABS.map((tab) => {
      const on = tab.id === selected
      return html`<a
        role="tab"
        id="${prefix}-tab-${tab.id}"
        href="${path}?tab=${tab.id}"
        aria-selected="${on ? 'true' : 'false'}"
        aria-controls="${prefix}-panel"
        tabindex="${on ? '0' : '-1'}"
        ${htmxOf(tab.id)}
        >${tab.label}</a
      >`
    })}
  </div>`
}

const HATEOAS = '/tabs-hateoas'

const tabsPartial = partial(
  'tabs',
  (c, self) => {
    const tab = tabOf(c.req.query('tab')) ?? 'overview'
    const list = tabList('hateoas', HATEOAS, tab, (id) =>
      hx({ get: `${HATEOAS}?tab=${id}`, target: self, swap: 'outerMorph', pushUrl: true })
    )
    return html`${list}${panel('hateoas', tab)}`
  },
  { attrs: { class: 'tabs' } }
)

/** The gallery's "Tabs (HATEOAS)" example. */
export const tabsHateoas: Example = {
  slug: 'tabs-hateoas',
  title: 'Tabs (HATEOAS)',
  summary: 'Server-rendered tabs: every answer carries the tab list and the panel.',
  status: 'changed',
  probes: [
    { path: `${HATEOAS}?tab=billing`, target: 'div#tabs' },
    { path: `${HATEOAS}?tab=nope`, status: 400 },
  ],
  register(app, gallery: Gallery) {
    const view = examplePage(tabsHateoas, gallery, {
      shows: hateoasShows,
      changed: hateoasChanged,
      partials: { tabs: tabsPartial },
      demo: (parts) => parts.tabs,
    })
    app.get(HATEOAS, (c) =>
      tabOf(c.req.query('tab')) === undefined ? c.text('Unknown tab', 400) : view.handler(c)
    )
  },
}

/** The gallery's "Tabs (JavaScript)" example. */
export const tabsJavascript: Example = {
  slug: 'tabs-javascript',
  title: 'Tabs (JavaScript)',
  summary: 'Tabs whose selection moves in the browser, with server-loaded panels.',
  status: 'redesigned',
  probes: [
    { path: '/tabs-javascript/panel?tab=team' },
    { path: '/tabs-javascript/panel?tab=nope', status: 400 },
    { path: '/tabs-javascript?tab=team', htmx: false },
  ],
  register(app, gallery: Gallery) {
    const path = '/tabs-javascript'
    const view = examplePage(tabsJavascript, gallery, {
      shows: clientShows,
      changed: clientChanged,
      demo: (_, c) => {
        const tab = tabOf(c.req.query('tab')) ?? 'overview'
        const list = tabList('js', path, tab, (id) =>
          hx({ get: `${path}/panel?tab=${id}`, target: '#js-panel', swap: 'outerHTML' })
        )
        return html`<div class="tabs">${list}${panel('js', tab)}</div>`
      },
    })
    app.get(path, (c) =>
      tabOf(c.req.query('tab')) === undefined ? c.text('Unknown tab', 400) : view.handler(c)
    )
    app.get(`${path}/panel`, (c) => {
      const tab = tabOf(c.req.query('tab'))
      return tab === undefined ? c.text('Unknown tab', 400) : fragment(c, panel('js', tab))
    })
  },
}
