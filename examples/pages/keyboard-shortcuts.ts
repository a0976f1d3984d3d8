// Keyboard shortcuts: a button that also answers Alt+Shift+D, without a trigger filter.
import { html, hx } from '../../src/html/index.ts'
import { examplePage } from '../example.ts'
import type { Example } from '../example.ts'
import { fragment } from '../respond.ts'

const PATH = '/keyboard-shortcuts'

const shows = html`<p>
  The button posts when it is clicked, and also when <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>D</kbd> is
  pressed anywhere on the page. The shortcut is announced to assistive technology with
  <code>aria-keyshortcuts</code>.
</p>`

const changed = html`<p>
  The published trigger is
  <code>click, keyup[altKey&amp;&amp;shiftKey&amp;&amp;key=='D'] from:body</code>: the
  <code>[…]</code> filter is JavaScript that htmx 4 evaluates with <code>new Function</code>,
  blocked without <code>'unsafe-eval'</code>. Here the button carries
  <code>data-hxkit-hotkey="Alt+Shift+D"</code> and the kit's <code>hxkit.js</code> listens for
  keys once, on the document, and clicks the button whose <code>data-hxkit-hotkey</code> matches; the
  button's own <code>hx-post</code> does the rest. No filter, no eval. Keys typed into a text field
  are left alone.
</p>`

/** The gallery's "Keyboard shortcuts" example. */
export const keyboardShortcuts: Example = {
  slug: 'keyboard-shortcuts',
  title: 'Keyboard shortcuts',
  summary:
    'A shortcut that triggers a request, with data-hxkit-hotkey instead of a trigger filter.',
  status: 'redesigned',
  probes: [{ method: 'POST', path: `${PATH}/do` }],
  register(app, gallery) {
    let count = 0
    const view = examplePage(keyboardShortcuts, gallery, {
      shows,
      changed,
      demo: () =>
        html`<button
            type="button"
            data-hxkit-hotkey="Alt+Shift+D"
            aria-keyshortcuts="Alt+Shift+D"
            ${hx({ post: `${PATH}/do`, target: '#shortcut-result', swap: 'innerHTML' })}
          >
            Do it (Alt+Shift+D)
          </button>
          <p><output id="shortcut-result">Not done yet.</output></p>`,
    })
    app.get(PATH, view.handler)
    app.post(`${PATH}/do`, (c) => {
      count++
      return fragment(c, html`Done ${count} ${count === 1 ? 'time' : 'times'}.`)
    })
  },
}
