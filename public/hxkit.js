// hxkit behaviour script: loaded with src= after htmx (no inline scripts, strict CSP).
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
})()
