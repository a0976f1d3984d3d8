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

// hxkit/live: nonces in server-sent messages (htmx 4 with hx-sse and hx-csp).
// hx-csp rewrites a response's nonce to the page's only for ordinary responses; hx-sse takes a
// stream over before that step, so every message would lose its htmx attributes. The stream
// opens with a named `hxkit:nonce` event carrying the nonce its messages are stamped with; each
// unnamed message then gets the same treatment hx-csp gives a response: the page nonce scrubbed
// (the server cannot know it, so its presence means injection), then the stream nonce promoted to
// the page nonce. Markup without the stream nonce stays inert.
;(function () {
  'use strict'

  /** @type {WeakMap<EventTarget, string>} */
  var streamNonces = new WeakMap()

  /**
   * @param {string} text
   * @param {string} nonce
   * @param {string} replacement
   * @returns {string}
   */
  function rewriteNonce(text, nonce, replacement) {
    var escaped = nonce.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    return text.replace(
      new RegExp('(nonce=)(["\']?)' + escaped + '\\2', 'gi'),
      /**
       * @param {string} _
       * @param {string} attr
       * @param {string} quote
       * @returns {string}
       */
      function (_, attr, quote) {
        return replacement === '' ? '' : attr + quote + replacement + quote
      }
    )
  }

  /** @param {Event} event */
  function liveMessage(event) {
    var detail =
      event instanceof CustomEvent
        ? /** @type {{ message?: { data?: unknown, event?: unknown }, cancelled?: boolean } | null} */ (
            event.detail
          )
        : null
    var message = detail?.message
    var source = event.target
    if (!detail || !message || typeof message.data !== 'string' || source === null) {
      return
    }
    if (message.event === 'hxkit:nonce') {
      streamNonces.set(source, message.data)
      detail.cancelled = true
      return
    }
    if (message.event) {
      return
    }
    var script = document.querySelector('script[nonce]')
    var pageNonce = script instanceof HTMLElement ? script.nonce : ''
    var streamNonce = streamNonces.get(source)
    var data = message.data
    if (pageNonce) {
      data = rewriteNonce(data, pageNonce, '')
    }
    if (pageNonce && streamNonce) {
      data = rewriteNonce(data, streamNonce, pageNonce)
    }
    message.data = data
  }

  document.addEventListener('htmx:sse:before:message', liveMessage)
})()
