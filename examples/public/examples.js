// The gallery's own browser behaviour (served from examples/public, loaded with the CSP nonce
// after htmx and hxkit.js). No inline code anywhere: every behaviour is an event listener on the
// document, keyed on data- attributes, so swapped-in markup needs no set-up. Each part names the
// example that uses it; they are candidates for the kit's client script.
;(function () {
  'use strict'

  // ---- Select all (bulk update): <input type=checkbox data-select-all="<name>" hidden>
  // checks or clears every checkbox named <name> in its form, and shows mixed when some are.

  /** @param {HTMLInputElement} all */
  function boxesOf(all) {
    var scope = all.form ?? document
    var name = all.dataset['selectAll'] ?? ''
    return Array.from(scope.querySelectorAll('input[type="checkbox"]')).filter(function (box) {
      return box instanceof HTMLInputElement && box.name === name
    })
  }

  /** @param {HTMLInputElement} all */
  function syncSelectAll(all) {
    var boxes = boxesOf(all)
    var checked = boxes.filter(function (box) {
      return /** @type {HTMLInputElement} */ (box).checked
    }).length
    all.checked = boxes.length > 0 && checked === boxes.length
    all.indeterminate = checked > 0 && checked < boxes.length
  }

  function setUpSelectAll() {
    document.querySelectorAll('input[data-select-all]').forEach(function (all) {
      if (all instanceof HTMLInputElement) {
        all.hidden = false
        syncSelectAll(all)
      }
    })
  }

  document.addEventListener('change', function (event) {
    var input = event.target
    if (!(input instanceof HTMLInputElement) || input.type !== 'checkbox') {
      return
    }
    if (input.dataset['selectAll'] !== undefined) {
      var state = input.checked
      boxesOf(input).forEach(function (box) {
        ;/** @type {HTMLInputElement} */ (box).checked = state
      })
      return
    }
    document.querySelectorAll('input[data-select-all]').forEach(function (all) {
      if (all instanceof HTMLInputElement && all.dataset['selectAll'] === input.name) {
        syncSelectAll(all)
      }
    })
  })

  function onReady() {
    setUpSelectAll()
  }

  // after every htmx swap (htmx 4: htmx:after:settle), set up what the new markup needs
  document.addEventListener('htmx:after:settle', onReady)
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', onReady)
  } else {
    onReady()
  }
})()
