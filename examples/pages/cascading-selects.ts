// Cascading selects: the second select's options follow the first.
import { html, hx } from '../../src/html/index.ts'
import type { SafeHtml } from '../../src/html/index.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'
import { fragment, wantsFragment } from '../respond.ts'

const PATH = '/cascading-selects'

const MODELS: Readonly<Record<string, readonly string[]>> = {
  audi: ['A1', 'A4', 'A6'],
  toyota: ['Landcruiser', 'Tacoma', 'Yaris'],
  bmw: ['325i', '325ix', 'X5'],
}
const MAKES: Readonly<Record<string, string>> = { audi: 'Audi', toyota: 'Toyota', bmw: 'BMW' }

const shows = html`<p>
  Choose a make and the model select gets that make's models. The first select fetches the
  options on <code>change</code> (its default trigger) and swaps them into the second.
</p>`

const changed = html`<p>
  Nothing had to change: the published example is attributes only. The answer is a run of
  <code>&lt;option&gt;</code> elements, swapped with <code>innerHTML</code> into the model select.
  Both selects sit in a GET form with a <em>Show models</em> button, so the page also works without
  JavaScript (the button is not needed with it, but harmless).
</p>`

/** The gallery's "Cascading selects" example. */
export const cascadingSelects: Example = {
  slug: 'cascading-selects',
  title: 'Cascading selects',
  summary: 'A select whose options depend on another select.',
  status: 'as-published',
  probes: [
    { path: `${PATH}/models?make=toyota` },
    { path: `${PATH}/models?make=tesla`, status: 400 },
    { path: `${PATH}?make=bmw`, htmx: false },
  ],
  register(app, gallery) {
    const options = (make: string): SafeHtml =>
      html`${(MODELS[make] ?? []).map((model) => html`<option value="${model}">${model}</option>`)}`

    const view = examplePage(cascadingSelects, gallery, {
      shows,
      changed,
      demo: (_, c) => {
        const chosen = Object.hasOwn(MAKES, c.req.query('make') ?? '')
          ? (c.req.query('make') ?? 'audi')
          : 'audi'
        return html`<form method="get" action="${PATH}" class="card">
          <div class="field">
            <label for="make">Make</label>
            <select
              id="make"
              name="make"
              ${hx({ get: `${PATH}/models`, target: '#model', swap: 'innerHTML' })}
            >
              ${Object.entries(MAKES).map(
                ([value, label]) =>
                  html`<option value="${value}"${value === chosen ? html` selected` : ''}>
                    ${label}
                  </option>`
              )}
            </select>
          </div>
          <div class="field">
            <label for="model">Model</label>
            <select id="model" name="model">
              ${options(chosen)}
            </select>
          </div>
          <button type="submit" class="secondary">Show models</button>
        </form>`
      },
    })

    app.get(PATH, view.handler)
    app.get(`${PATH}/models`, (c) => {
      const make = c.req.query('make') ?? ''
      if (!Object.hasOwn(MODELS, make)) {
        return c.text('make must be one of audi, toyota, bmw', 400)
      }
      return wantsFragment(c) ? fragment(c, options(make)) : c.redirect(`${PATH}?make=${make}`, 303)
    })
  },
}
