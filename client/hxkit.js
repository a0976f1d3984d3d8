// hxkit behaviour script (hxkit/server serves it at /_hxkit/hxkit.js): loaded with src= and the
// CSP nonce after htmx (no inline scripts, strict CSP).
// Marks the swap target busy while a request runs, for assistive technology and hxkit.css.
// htmx 4 events: htmx:before:request / htmx:finally:request (detail.ctx.target);
// htmx 2 events: htmx:beforeRequest / htmx:afterRequest (detail.target).
;(function () {
  'use strict'

  /**
   * @param {Event} event
   * @returns {Element | null}
   */
  function targetOf(event) {
    var detail =
      event instanceof CustomEvent
        ? /** @type {{ target?: unknown, ctx?: { target?: unknown } } | null} */ (event.detail)
        : null
    var target = detail?.ctx?.target ?? detail?.target
    return target instanceof Element && target !== document.body ? target : null
  }

  /** @param {Event} event */
  function busy(event) {
    targetOf(event)?.setAttribute('aria-busy', 'true')
  }

  /** @param {Event} event */
  function idle(event) {
    targetOf(event)?.removeAttribute('aria-busy')
  }

  document.addEventListener('htmx:before:request', busy)
  document.addEventListener('htmx:finally:request', idle)
  document.addEventListener('htmx:beforeRequest', busy)
  document.addEventListener('htmx:afterRequest', idle)

  // Toasts: the server sends `HX-Trigger: {"toast":{"message":"…"}}` (addTrigger); htmx
  // dispatches a `toast` event (after the swap in htmx 4, before it in htmx 2) that bubbles here.
  // The messages go into a polite live region: the layout's #toasts, created here when missing.
  var TOAST_MS = 6000

  /** @returns {HTMLElement} */
  function toastRegion() {
    var region = document.getElementById('toasts')
    if (region === null) {
      region = document.createElement('div')
      region.id = 'toasts'
      region.className = 'toasts'
      region.setAttribute('role', 'status')
      region.setAttribute('aria-live', 'polite')
      document.body.append(region)
    }
    return region
  }

  /**
   * @param {Event} event
   * @returns {string}
   */
  function toastMessage(event) {
    var detail =
      event instanceof CustomEvent
        ? /** @type {{ message?: unknown, value?: unknown } | null} */ (event.detail)
        : null
    var message = detail?.message ?? detail?.value
    return typeof message === 'string' ? message.slice(0, 300) : ''
  }

  /** @param {Event} event */
  function toast(event) {
    var message = toastMessage(event)
    if (message === '') {
      return
    }
    var region = toastRegion()
    var item = document.createElement('p')
    item.className = 'toast'
    // text only: the message is data, never markup
    item.textContent = message
    region.append(item)
    setTimeout(function () {
      item.remove()
    }, TOAST_MS)
  }

  document.addEventListener('toast', toast)
  // the region exists before the first message, so screen readers announce that message
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', toastRegion)
  } else {
    toastRegion()
  }
})()
