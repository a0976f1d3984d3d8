// Progress bar: start a job, poll its progress into a <progress>, stop polling when it is done.
import { html, hx } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { addTrigger, stopPolling } from '../../src/htmx/index.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'
import { fragment, fragmentOrPage } from '../respond.ts'

const PATH = '/progress-bar'
const STEP = 25

const shows = html`<p>
  <em>Start job</em> posts a job and gets back a progress box that polls the job every 600 ms.
  Each answer carries the job's progress in a native <code>&lt;progress&gt;</code> and a polite
  status line. When the job is done the server answers with the final box, which no longer polls,
  and fires a <code>done</code> event; a <em>Restart</em> button appears.
</p>`

const changed = html`<p>
    The published bar is a <code>&lt;div style="width: 42%"&gt;</code>, and a style attribute is
    blocked by <code>style-src-attr 'none'</code> (as is the four.htmx.org version's
    <code>style="transform: scaleX(…)"</code>). A <code>&lt;progress value="42" max="100"&gt;</code>
    says the same with attributes only, and is announced by screen readers as a progress bar.
  </p>
  <p>
    The published version also uses the <code>class-tools</code> extension, which htmx 4 does not
    ship, and the four.htmx.org version stops polling with status 286, which htmx 4 ignores.
    Here <code>stopPolling()</code> from <code>hxkit/htmx</code> answers with the final element
    <em>without</em> <code>hx-trigger</code> (and 286 for htmx 2): the poll ends because the
    polling element is gone. The <code>done</code> event comes from
    <code>addTrigger(c, 'done')</code> (<code>HX-Trigger</code>).
  </p>`

/** The gallery's "Progress bar" example. */
export const progressBar: Example = {
  slug: 'progress-bar',
  title: 'Progress bar',
  summary: 'A polled job shown in a native <progress>, with a poll that ends.',
  status: 'redesigned',
  probes: [
    { method: 'POST', path: `${PATH}/start` },
    { path: `${PATH}/job` },
    { path: `${PATH}/job` },
    { path: `${PATH}/job` },
    { path: `${PATH}/job`, status: 286 },
    { path: `${PATH}/job`, htmx: false },
  ],
  register(app, gallery) {
    let progress: number | undefined

    const bar = (value: number): SafeHtml =>
      html`<label for="job-progress">Job progress</label>
        <progress id="job-progress" value="${value}" max="100">${value} %</progress>
        <p role="status">${value < 100 ? `Running: ${String(value)} %` : 'Complete'}</p>`

    const startButton = (label: string): SafeHtml =>
      html`<form method="post" action="${PATH}/start">
        <button type="submit" ${hx({ post: `${PATH}/start`, target: '#job', swap: 'outerHTML' })}>
          ${label}
        </button>
      </form>`

    const running = (value: number): SafeHtml =>
      html`<div
        id="job"
        class="card"
        ${hx({ get: `${PATH}/job`, trigger: 'every 600ms', swap: 'outerHTML' })}
      >
        <h3>Running</h3>
        ${bar(value)}
      </div>`

    const finished = (): SafeHtml =>
      html`<div id="job" class="card">
        <h3>Done</h3>
        ${bar(100)} ${startButton('Restart')}
      </div>`

    const idle = (): SafeHtml =>
      html`<div id="job" class="card">
        <h3>No job yet</h3>
        ${startButton('Start job')}
      </div>`

    const current = (): SafeHtml =>
      progress === undefined ? idle() : progress >= 100 ? finished() : running(progress)

    const view = examplePage(progressBar, gallery, { shows, changed, demo: current })

    app.get(PATH, view.handler)
    app.post(`${PATH}/start`, (c) => {
      progress = 0
      return fragmentOrPage(c, view, () => running(0))
    })
    app.get(`${PATH}/job`, (c) => {
      if (progress === undefined) {
        return fragmentOrPage(c, view, idle)
      }
      if (progress >= 100) {
        return fragmentOrPage(c, view, finished)
      }
      progress = Math.min(100, progress + STEP)
      if (progress < 100) {
        return fragment(c, running(progress))
      }
      addTrigger(c, 'done')
      return stopPolling(c, finished())
    })
  },
}
