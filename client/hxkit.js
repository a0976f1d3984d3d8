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

// Dashboard components (hxkit/components): only what CSS and HTML cannot do, by event delegation
// on document, so content swapped in later needs no set-up. Nothing here writes a style attribute.
;(function () {
  'use strict'

  /** @typedef {{ process(elt: Element): void, onLoad(callback: (elt: ParentNode) => void): void }} Htmx */

  /** @returns {Htmx | undefined} */
  function htmxApi() {
    return /** @type {{ htmx?: Htmx }} */ (/** @type {unknown} */ (window)).htmx
  }

  /**
   * @param {EventTarget | null} node
   * @param {string} selector
   * @returns {HTMLElement | null}
   */
  function closest(node, selector) {
    return node instanceof Element
      ? /** @type {HTMLElement | null} */ (node.closest(selector))
      : null
  }

  /**
   * @param {ParentNode} root
   * @param {string} selector
   * @param {(element: HTMLElement) => void} fn
   */
  function each(root, selector, fn) {
    if (root instanceof HTMLElement && root.matches(selector)) {
      fn(root)
    }
    root.querySelectorAll(selector).forEach(function (element) {
      if (element instanceof HTMLElement) {
        fn(element)
      }
    })
  }

  // Dialogs. Browsers with invoker commands open and close them from commandfor/command; this
  // covers the others, opens a dialog the server marks data-hxkit-open, and closes one on the
  // `hxkit:dialog-close` event (HX-Trigger from closeDialog()).
  var invokers = 'commandForElement' in HTMLButtonElement.prototype
  document.addEventListener('click', function (event) {
    var button = closest(event.target, 'button[commandfor][command]')
    if (invokers || button === null) {
      return
    }
    var dialog = document.getElementById(button.getAttribute('commandfor') ?? '')
    if (!(dialog instanceof HTMLDialogElement)) {
      return
    }
    var command = button.getAttribute('command')
    if (command === 'show-modal' && !dialog.open) {
      dialog.showModal()
    } else if (command === 'close') {
      dialog.close()
    }
  })

  /** @param {Event} event */
  function closeDialog(event) {
    var detail =
      event instanceof CustomEvent
        ? /** @type {{ target?: unknown } | null} */ (event.detail)
        : null
    var target = typeof detail?.target === 'string' ? document.querySelector(detail.target) : null
    var dialog = target ?? closest(event.target, 'dialog')
    if (dialog instanceof HTMLDialogElement && dialog.open) {
      dialog.close()
    }
  }
  document.addEventListener('hxkit:dialog-close', closeDialog)

  // Confirm: hx-confirm="…" as a modal dialog instead of window.confirm. htmx 4 fires
  // htmx:confirm only when there is a question (detail.ctx.confirm) and waits for
  // issueRequest()/dropRequest(); htmx 2 fires it on every request (detail.question) and
  // re-issues with issueRequest(true). Cancel has the focus (the least destructive choice);
  // the browser gives it back to the opener when the dialog closes.
  /** @type {HTMLDialogElement | null} */
  var confirmDialog = null

  function confirmBox() {
    if (confirmDialog !== null) {
      return confirmDialog
    }
    var box = document.createElement('dialog')
    box.id = 'hxkit-confirm'
    box.className = 'hx-dialog hx-confirm'
    box.setAttribute('role', 'alertdialog')
    box.setAttribute('aria-labelledby', 'hxkit-confirm-title')
    box.setAttribute('aria-describedby', 'hxkit-confirm-text')
    var title = document.createElement('h2')
    title.id = 'hxkit-confirm-title'
    title.textContent = 'Please confirm'
    var text = document.createElement('p')
    text.id = 'hxkit-confirm-text'
    var form = document.createElement('form')
    form.method = 'dialog'
    form.className = 'hx-confirm-actions'
    var cancel = document.createElement('button')
    cancel.value = 'cancel'
    cancel.textContent = 'Cancel'
    cancel.className = 'hx-button'
    var ok = document.createElement('button')
    ok.value = 'ok'
    ok.textContent = 'Confirm'
    ok.className = 'hx-button hx-danger'
    form.append(cancel, ok)
    box.append(title, text, form)
    document.body.append(box)
    confirmDialog = box
    return box
  }

  document.addEventListener('htmx:confirm', function (event) {
    var detail =
      event instanceof CustomEvent
        ? /** @type {{ ctx?: { confirm?: unknown }, question?: unknown, issueRequest: (skip?: boolean) => void, dropRequest?: () => void } | null} */ (
            event.detail
          )
        : null
    var question = detail?.ctx?.confirm ?? detail?.question
    if (
      detail === null ||
      typeof question !== 'string' ||
      question === '' ||
      question.startsWith('js:')
    ) {
      return
    }
    event.preventDefault()
    var box = confirmBox()
    var text = box.querySelector('#hxkit-confirm-text')
    if (text !== null) {
      text.textContent = question
    }
    box.returnValue = ''
    box.addEventListener(
      'close',
      function () {
        if (box.returnValue === 'ok') {
          detail.issueRequest(true)
        } else if (typeof detail.dropRequest === 'function') {
          detail.dropRequest()
        }
      },
      { once: true }
    )
    var cancel = /** @type {HTMLElement | null} */ (box.querySelector('button[value="cancel"]'))
    box.showModal()
    cancel?.focus()
  })

  // Tabs: arrow keys (Left/Right, Up/Down), Home and End move the focus along the tab list
  // (roving tabindex); Space follows the link like Enter. After the tabs' partial is swapped,
  // the new selected tab gets the focus back.
  document.addEventListener('keydown', function (event) {
    var tab = closest(event.target, '[role="tab"]')
    var list = tab === null ? null : closest(tab, '[role="tablist"]')
    if (tab === null || list === null) {
      return
    }
    var all = Array.from(list.querySelectorAll('[role="tab"]'))
    var at = all.indexOf(tab)
    var next = null
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') {
      next = all[(at + 1) % all.length]
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') {
      next = all[(at - 1 + all.length) % all.length]
    } else if (event.key === 'Home') {
      next = all[0]
    } else if (event.key === 'End') {
      next = all[all.length - 1]
    } else if (event.key === ' ') {
      event.preventDefault()
      tab.click()
      return
    }
    if (next instanceof HTMLElement) {
      event.preventDefault()
      all.forEach(function (t) {
        t.setAttribute('tabindex', t === next ? '0' : '-1')
      })
      next.focus()
    }
  })

  // Select all: the header box checks every row box of its name; the bulk bar's "all N across
  // pages" box is offered only while every row on the page is checked.
  document.addEventListener('change', function (event) {
    var input = event.target
    if (!(input instanceof HTMLInputElement) || input.type !== 'checkbox') {
      return
    }
    var checked = input.checked
    var scope = closest(input, 'form') ?? document
    var name = input.getAttribute('data-hxkit-select-all')
    if (name !== null) {
      scope
        .querySelectorAll('input[type="checkbox"][name="' + CSS.escape(name) + '"]')
        .forEach(function (box) {
          if (box instanceof HTMLInputElement) {
            box.checked = checked
          }
        })
    }
    var head = scope.querySelector('input[data-hxkit-select-all]')
    var boxes =
      head === null
        ? []
        : Array.from(
            scope.querySelectorAll(
              'input[type="checkbox"][name="' +
                CSS.escape(head.getAttribute('data-hxkit-select-all') ?? '') +
                '"]'
            )
          )
    var every =
      boxes.length > 0 &&
      boxes.every(function (box) {
        return box instanceof HTMLInputElement && box.checked
      })
    if (head instanceof HTMLInputElement && name === null) {
      head.checked = every
    }
    scope.querySelectorAll('.hx-bulk-all').forEach(function (label) {
      label.toggleAttribute('data-hxkit-offer', every)
      var across = label.querySelector('input[data-hxkit-across]')
      if (!every && across instanceof HTMLInputElement) {
        across.checked = false
      }
    })
  })

  // Toasts: Dismiss removes one; non-error toasts leave after TOAST_MS unless hovered or focused.
  var TOAST_MS = 6000
  document.addEventListener('click', function (event) {
    var button = closest(event.target, '[data-hxkit-dismiss]')
    closest(button, '.hx-toast')?.remove()
  })

  /** @param {Element} toast */
  function expire(toast) {
    if (toast.classList.contains('hx-toast--error') || toast.hasAttribute('data-hxkit-timed')) {
      return
    }
    toast.setAttribute('data-hxkit-timed', '')
    setTimeout(function retry() {
      if (toast.matches(':hover, :focus-within')) {
        setTimeout(retry, 1000)
      } else {
        toast.remove()
      }
    }, TOAST_MS)
  }

  /** @param {ParentNode} root */
  function process(root) {
    each(root, '.hx-toast', expire)
    each(root, 'dialog[data-hxkit-open]', function (dialog) {
      if (dialog instanceof HTMLDialogElement && dialog.isConnected && !dialog.open) {
        dialog.showModal()
      }
    })
  }

  // A tab that starts a request marks its successor for the focus (the request replaces it).
  document.addEventListener('click', function (event) {
    var tab = closest(event.target, '[data-hxkit-tabs] [role="tab"]')
    if (tab !== null) {
      document.body.setAttribute('data-hxkit-tab-focus', tab.id)
    }
  })
  document.addEventListener('htmx:after:settle', focusTab)
  document.addEventListener('htmx:afterSettle', focusTab)
  function focusTab() {
    if (!document.body.hasAttribute('data-hxkit-tab-focus')) {
      return
    }
    document.body.removeAttribute('data-hxkit-tab-focus')
    var selected = document.querySelector('[data-hxkit-tabs] [role="tab"][aria-selected="true"]')
    if (selected instanceof HTMLElement && !selected.contains(document.activeElement)) {
      selected.focus()
    }
  }

  // Upload progress: fetch (htmx 4) reports no upload progress, so a form marked
  // data-hxkit-upload is sent with XMLHttpRequest, its <progress> follows the upload, and the
  // answer replaces the form (as hx-swap="outerHTML" would), then htmx processes it.
  document.addEventListener(
    'submit',
    function (event) {
      var form = event.target
      if (
        !(form instanceof HTMLFormElement) ||
        !form.hasAttribute('data-hxkit-upload') ||
        htmxApi() === undefined
      ) {
        return
      }
      event.preventDefault()
      event.stopPropagation()
      var upload = form
      var progress = form.querySelector('progress')
      var xhr = new XMLHttpRequest()
      xhr.open('POST', form.action)
      xhr.setRequestHeader('HX-Request', 'true')
      xhr.upload.addEventListener('progress', function (e) {
        if (progress !== null && e.lengthComputable) {
          progress.hidden = false
          progress.value = Math.round((e.loaded / e.total) * 100)
        }
      })
      xhr.addEventListener('load', function () {
        var parent = upload.parentElement
        var holder = document.createElement('template')
        holder.innerHTML = xhr.responseText
        upload.replaceWith(holder.content)
        if (parent !== null) {
          htmxApi()?.process(parent)
        }
      })
      form.setAttribute('aria-busy', 'true')
      xhr.send(new FormData(form))
    },
    true
  )

  htmxApi()?.onLoad(process)
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () {
      process(document)
    })
  } else {
    process(document)
  }
})()
