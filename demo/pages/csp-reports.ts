// The CSP reports page: violation reports grouped by directive and URL, refresh and clear.
import type { Context } from 'hono'
import { html, hx } from '../../src/html/index.ts'
import type { PartialLike, SafeHtml } from '../../src/html/index.ts'
import { getHtmx } from '../../src/htmx/index.ts'
import { partial } from '../../src/partials/index.ts'
import { page } from '../../src/views/index.ts'
import type { Layout } from '../../src/views/index.ts'
import type { ReportGroup, ReportStore } from '../reports.ts'

function groupRow(group: ReportGroup): SafeHtml {
  const last = new Date(group.lastAt).toISOString()
  return html`<tr>
    <td><code>${group.directive}</code></td>
    <td>${group.documentUrl}</td>
    <td>${group.blockedUrl === '' ? '—' : group.blockedUrl}</td>
    <td class="num">${group.count}</td>
    <td><time datetime="${last}">${last.slice(0, 19).replace('T', ' ')}</time></td>
  </tr>`
}

function reportList(store: ReportStore, self: PartialLike): SafeHtml {
  const groups = store.groups()
  const total = store.count()
  const summary = total === 1 ? '1 report' : `${String(total)} reports`
  return html`<h2 id="reports-heading">Violations by directive and page</h2>
    <p class="summary" role="status">${summary}</p>
    ${
      groups.length === 0
        ? html`<p>No violations reported. The policy holds.</p>`
        : html`<table class="data-table">
          <thead>
            <tr>
              <th scope="col">Directive</th>
              <th scope="col">Page</th>
              <th scope="col">Blocked</th>
              <th scope="col" class="num">Count</th>
              <th scope="col">Last seen (UTC)</th>
            </tr>
          </thead>
          <tbody>
            ${groups.map(groupRow)}
          </tbody>
        </table>`
    }
    <p>
      <a href="/csp-reports" ${hx({ get: '/csp-reports', target: self })}>Refresh</a>
    </p>`
}

/**
 * Builds the CSP reports page and its clear action.
 *
 * @param store - where the report endpoint stores reports
 * @param layout - the document layout
 * @example
 * const reports = cspReportsPage(store, layout)
 * app.get('/csp-reports', reports.page.handler)
 * app.post('/csp-reports/clear', reports.clear)
 */
export function cspReportsPage(store: ReportStore, layout: Layout) {
  const reports = partial('reports', (_c, self) => reportList(store, self), {
    tag: 'section',
    attrs: { 'aria-labelledby': 'reports-heading', class: 'panel' },
  })
  const view = page({
    title: 'CSP reports',
    layout,
    partials: { reports },
    render: (p) =>
      html`<h1>CSP reports</h1>
        <p>
          Browsers send a report here whenever the Content-Security-Policy blocks something on a
          demo page.
        </p>
        <form method="post" action="/csp-reports/clear" ${hx({ post: '/csp-reports/clear', target: reports })}>
          <button type="submit">Clear reports</button>
        </form>
        ${p.reports}`,
  })
  return {
    page: view,
    /** `POST /csp-reports/clear`: deletes every report; htmx gets the list, a form a redirect. */
    clear: async (c: Context): Promise<Response> => {
      store.clear()
      return getHtmx(c) === null ? c.redirect('/csp-reports', 303) : view.respond(c, ['reports'])
    },
  }
}
